import { describe, expect, it } from 'vitest';
import type { Blackout, LegalChecklist, Release, ReleaseContent } from '../../../shared/domain/releases';
import type { AccountView, SocialAccount } from '../../../shared/domain/social-accounts';
import { accountView } from './account-rules';
import {
  blackoutAt,
  blackoutRefusal,
  channelRefusal,
  channelsRefusal,
  checklistRefusal,
  embargoRefusal,
  isLapsed,
  mayReadRelease,
  pendingRatification,
  ratificationDueBy,
  ratificationOverdue,
  releaseAreaDigest,
  releaseContentDigest,
  releaseForRules,
  signatureDateRefusal,
  validThrough,
} from './release-rules';

const TODAY = '2026-11-23';

function account(over: Partial<SocialAccount> = {}): SocialAccount {
  return {
    id: 'acc',
    network: 'facebook',
    handle: 'C4Oaxaca',
    url: '',
    kind: 'oficial',
    holder: null,
    area: 'Comunicación Social',
    addedOn: '2026-01-05',
    listedPublicly: false,
    rotationEveryDays: null,
    notes: '',
    removedOn: null,
    status: 'activa',
    lastValidatedOn: '2026-11-01',
    requestScan: null,
    custodies: [],
    rotations: [],
    pendingRotation: null,
    incidents: [],
    ...over,
  };
}

/** The view as SocialAccountService.list builds it, with the very rules it uses. */
function view(a: SocialAccount): AccountView {
  return accountView(a, TODAY, 6);
}

const content: ReleaseContent = {
  kind: 'redes_sociales',
  title: 'Simulacro estatal',
  body: 'El C4 participa en el simulacro.',
  materials: [{ blobId: 'blob-1', fileName: 'cartel.png', mediaType: 'image/png', size: 10, sha256: 'a'.repeat(64) }],
  providingAreaId: 'area-1',
  channels: [{ type: 'cuenta', id: 'acc' }],
  plannedAt: '2026-11-25T16:00:00.000Z',
  embargoUntil: null,
  classification: 'publica',
  legalBasis: '',
  blackoutException: null,
};

const blackout = (over: Partial<Blackout> = {}): Blackout => ({ id: 'b1', name: 'Proceso electoral local', from: '2027-04-01', to: '2027-06-06', allowedExceptions: ['salud', 'proteccion_civil'], notes: '', createdAt: '', removedAt: null, ...over });

describe('release rules', () => {
  it('refuses a personal account and any account not usable, each with its reason in Spanish', () => {
    expect(channelRefusal({ type: 'cuenta', id: 'acc' }, [view(account())], [])).toBeNull();
    expect(channelRefusal({ type: 'cuenta', id: 'acc' }, [view(account({ kind: 'personal_registrada', holder: { fullName: 'Rosa Díaz', position: 'Directora', level: 0 } }))], [])).toMatch(/es una cuenta personal .*sólo se publican en cuentas oficiales/);
    // An administered personal account counts as official (décima novena) and may carry releases.
    expect(channelRefusal({ type: 'cuenta', id: 'acc' }, [view(account({ kind: 'personal_administrada', holder: { fullName: 'Rosa Díaz', position: 'Directora', level: 0 } }))], [])).toBeNull();
    expect(channelRefusal({ type: 'cuenta', id: 'acc' }, [view(account({ pendingRotation: { since: '2026-11-20', reason: 'salida_de_custodio', custodyId: 'c' } }))], [])).toBe(
      'La cuenta Facebook C4Oaxaca tiene un cambio de contraseña pendiente desde el 20/11/2026: no se usa hasta registrarlo.',
    );
    expect(channelRefusal({ type: 'cuenta', id: 'acc' }, [view(account({ lastValidatedOn: '2026-01-05' }))], [])).toMatch(/está en revisión \(su validación venció el 05\/07\/2026\)/);
    expect(channelRefusal({ type: 'cuenta', id: 'acc' }, [view(account({ removedOn: '2026-11-01', status: 'dada_de_baja' }))], [])).toMatch(/dada de baja/);
    expect(channelRefusal({ type: 'cuenta', id: 'acc' }, [view(account({ incidents: [{ id: 'i', kind: 'extravio', description: 'x', openedBy: 'y', steps: {} }] }))], [])).toMatch(/incidente de seguridad abierto/);
    expect(channelRefusal({ type: 'cuenta', id: 'nope' }, [], [])).toMatch(/no está en el directorio/);
    const outlets = [{ id: 'o1', name: 'Radio Oaxaca', kind: 'radio' as const, contacts: [], active: true, createdAt: '' }];
    expect(channelRefusal({ type: 'medio', id: 'o1' }, [], outlets)).toBeNull();
    expect(channelRefusal({ type: 'medio', id: 'o1' }, [], [{ ...outlets[0]!, active: false }])).toMatch(/dado de baja/);
    expect(channelsRefusal([{ type: 'medio', id: 'o1' }, { type: 'medio', id: 'o2' }], [], outlets)).toBe('El medio de comunicación elegido no está en el catálogo.');
  });

  it('lets a release through a blackout only with an exception the blackout allows', () => {
    const blackouts = [blackout(), blackout({ id: 'gone', from: '2026-11-01', to: '2026-11-30', removedAt: '2026-10-01T00:00:00Z' })];
    // Outside any blackout (the removed one does not count).
    expect(blackoutRefusal(content, blackouts, '2026-11-25T16:00:00Z')).toBeNull();
    // Inside: both ends inclusive, in the office's calendar (01/04 00:30 in Oaxaca is 06:30Z).
    expect(blackoutAt(blackouts, '2027-04-01T06:30:00Z')?.id).toBe('b1');
    expect(blackoutAt(blackouts, '2027-04-01T05:30:00Z')).toBeNull(); // still 31/03 in Oaxaca
    expect(blackoutAt(blackouts, '2027-06-07T05:59:00Z')?.id).toBe('b1'); // 06/06 23:59 in Oaxaca
    expect(blackoutRefusal(content, blackouts, '2027-05-10T16:00:00Z')).toMatch(/cae en el periodo de veda «Proceso electoral local» \(del 01\/04\/2027 al 06\/06\/2027\): elija una de las excepciones que admite \(Salud, Protección civil/);
    expect(blackoutRefusal({ blackoutException: 'educacion' }, blackouts, '2027-05-10T16:00:00Z')).toMatch(/no admite la excepción «Servicios educativos»/);
    expect(blackoutRefusal({ blackoutException: 'proteccion_civil' }, blackouts, '2027-05-10T16:00:00Z')).toBeNull();
    expect(blackoutRefusal({ blackoutException: 'salud' }, [blackout({ allowedExceptions: [] })], '2027-05-10T16:00:00Z')).toMatch(/no admite excepciones/);
  });

  it('lapses an authorisation once its planned day plus the lapse days passed unpublished', () => {
    const authorised = { state: 'autorizada' as const, plannedAt: '2026-11-25T16:00:00.000Z', urgent: null, publications: [] };
    expect(validThrough(authorised, 3)).toBe('2026-11-28');
    expect(isLapsed(authorised, new Date('2026-11-29T05:59:00Z'), 3)).toBe(false); // 28/11 23:59 in Oaxaca
    expect(isLapsed(authorised, new Date('2026-11-29T06:01:00Z'), 3)).toBe(true);
    expect(isLapsed(authorised, new Date('2026-11-26T06:01:00Z'), 0)).toBe(true);
    // Published on a channel, on the urgent path or not authorised: no lapse runs.
    expect(isLapsed({ ...authorised, state: 'publicada' }, new Date('2027-01-01T00:00:00Z'), 3)).toBe(false);
    expect(validThrough({ ...authorised, state: 'por_autorizar' }, 3)).toBeNull();
  });

  it('owes an urgent release its ratification within the hours, overdue after', () => {
    const due = ratificationDueBy('2026-11-23T18:00:00.000Z', 24);
    expect(due).toBe('2026-11-24T18:00:00.000Z');
    const urgent = { authorizedBy: 'Dora García', at: '2026-11-23T18:00:00.000Z', category: 'proteccion_civil' as const, reason: 'Sismo', recordedBy: { id: 'u', userName: 'u', fullName: 'U' }, recordedAt: '', dueBy: due, reviewedAt: null, ratifiedAt: null };
    const r = { state: 'publicada' as const, urgent };
    expect(pendingRatification(r)).toBe(true);
    expect(ratificationOverdue(r, new Date('2026-11-24T17:59:00Z'))).toBe(false);
    expect(ratificationOverdue(r, new Date('2026-11-24T18:01:00Z'))).toBe(true);
    expect(pendingRatification({ state: 'publicada', urgent: { ...urgent, ratifiedAt: '2026-11-24T10:00:00Z' } })).toBe(false);
    expect(pendingRatification({ state: 'cancelada', urgent })).toBe(false);
  });

  it('refuses to publish before the embargo ends', () => {
    expect(embargoRefusal({ embargoUntil: '2026-11-25T16:00:00.000Z' }, '2026-11-25T15:59:00.000Z')).toBe('La difusión está embargada hasta el 25/11/2026 10:00: no se publica antes.');
    expect(embargoRefusal({ embargoUntil: '2026-11-25T16:00:00.000Z' }, '2026-11-25T16:00:00.000Z')).toBeNull();
    expect(embargoRefusal({ embargoUntil: null }, '2026-11-25T16:00:00.000Z')).toBeNull();
  });

  it('asks Jurídico to explain every «sí» and never releases reserved information', () => {
    const no = { answer: 'no' as const, note: '' };
    const clean: LegalChecklist = { datos_personales: no, victimas_o_menores: no, investigaciones_en_curso: no, informacion_reservada: no };
    expect(checklistRefusal(clean)).toBeNull();
    expect(checklistRefusal({ ...clean, victimas_o_menores: { answer: 'si', note: '' } })).toMatch(/Explique en una nota .*víctimas o a menores/);
    expect(checklistRefusal({ ...clean, victimas_o_menores: { answer: 'si', note: 'Rostros difuminados' } })).toBeNull();
    expect(checklistRefusal({ ...clean, informacion_reservada: { answer: 'si', note: 'Es poco' } })).toMatch(/no puede contener información reservada/);
  });

  it('dates the signature between the printing and today', () => {
    expect(signatureDateRefusal('2026-11-20T18:00:00Z', '2026-11-19', TODAY)).toMatch(/anterior a la impresión de la hoja \(20\/11\/2026\)/);
    expect(signatureDateRefusal('2026-11-20T18:00:00Z', '2026-11-24', TODAY)).toMatch(/posterior a hoy/);
    expect(signatureDateRefusal('2026-11-20T18:00:00Z', '2026-11-21', TODAY)).toBeNull();
  });

  it('binds the signature to everything published and the area to its text and material only', () => {
    const digest = releaseContentDigest(content);
    expect(releaseContentDigest({ ...content, channels: [...content.channels] })).toBe(digest);
    expect(releaseContentDigest({ ...content, plannedAt: '2026-11-26T16:00:00.000Z' })).not.toBe(digest);
    expect(releaseContentDigest({ ...content, plannedAt: '2026-11-25T10:00:00-06:00' })).toBe(digest); // the same instant
    const area = releaseAreaDigest(content);
    expect(releaseAreaDigest({ ...content, plannedAt: '2026-12-01T00:00:00Z' } as ReleaseContent)).toBe(area);
    expect(releaseAreaDigest({ ...content, body: 'Otro texto' })).not.toBe(area);
  });

  it('reads the record into the machine: the validation covers the current text, the head comes from the catalogue', () => {
    const areas = [{ id: 'area-1', name: 'Dirección de Red', headName: 'Luis', headPosition: 'Director', headUserId: 'head', active: true, createdAt: '' }];
    const release = { ...content, id: 'r', folio: 'CS-2026-0001', state: 'en_revision_juridica', preparedByIds: ['cs'], validation: { areaId: 'area-1', by: { id: 'head', userName: 'h', fullName: 'H' }, at: '', areaDigest: releaseAreaDigest(content), observations: '' }, urgent: null } as unknown as Release;
    expect(releaseForRules(release, areas)).toMatchObject({ hasNetworkChannel: true, areaValidationCurrent: true, areaHeadUserId: 'head', urgent: null });
    expect(releaseForRules({ ...release, body: 'cambiado' }, areas).areaValidationCurrent).toBe(false);
    expect(mayReadRelease({ id: 'head', roles: ['capturista'], active: true }, release, areas)).toBe(true);
    expect(mayReadRelease({ id: 'other', roles: ['capturista'], active: true }, release, areas)).toBe(false);
    expect(mayReadRelease({ id: 'lawyer', roles: ['juridico'], active: true }, release, areas)).toBe(true);
    expect(mayReadRelease({ id: 'lawyer', roles: ['juridico'], active: false }, release, areas)).toBe(false);
  });
});
