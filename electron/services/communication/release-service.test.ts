import { afterEach, describe, expect, it } from 'vitest';
import type { Area } from '../../../shared/domain/areas';
import { releaseActInputSchema, releaseContentSchema, releaseRequestInputSchema, blackoutInputSchema, type ReleaseActInput, type ReleaseContentInput, type ReleaseView } from '../../../shared/domain/releases';
import { accountInputSchema, custodyInputSchema } from '../../../shared/domain/social-accounts';
import type { User } from '../../../shared/domain/users';
import { releaseAuthorizationSchema, type ReleaseAuthorization } from '../../../shared/forms/release-authorization-input';
import { createHandlers, createServices, type Services } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { ADMIN, testWorld, type TestWorld } from '../test-support/world';
import { todayInOffice } from '../agencies/rules/civil-date';
import { renderForm } from '../documents/forms';
import { TEST_KDF } from '../vault';
import { areasDoc, outletsDoc } from '../vault/documents';
import { RELEASE_CHANGES_STREAM } from './release-store';

let world: TestWorld | null = null;
const reopened: Services[] = [];
afterEach(async () => {
  for (const s of reopened.splice(0)) await s.session.close();
  await world?.s.session.close();
  world = null;
});

/** What the sheet was asked to print, parsed with the form's own schema; then rendered by the real form. */
const printed: ReleaseAuthorization[] = [];
const renderAndRecord: typeof renderForm = (name, input) => {
  if (name === 'release-authorization') printed.push(releaseAuthorizationSchema.parse(input));
  return renderForm(name, input);
};

const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');
const PNG = b64('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR cartel');
const SCAN = { fileName: 'autorizacion-firmada.pdf', mediaType: 'application/pdf' as const, base64: b64('%PDF-1.4\n firmada') };
const NO = { answer: 'no' as const };
const CHECKLIST = { datos_personales: NO, victimas_o_menores: NO, investigaciones_en_curso: NO, informacion_reservada: NO };

interface Office {
  w: TestWorld;
  cs: User;
  cs2: User;
  head: User;
  dg: User;
  area: Area;
  accountId: string;
  outletId: string;
}

async function office(): Promise<Office> {
  printed.length = 0;
  const w = (world = await testWorld(undefined, undefined, { renderForm: renderAndRecord }));
  const mk = async (userName: string, fullName: string, roles: User['roles']) =>
    ({ ...(await w.s.users.create(w.ws, w.admin, { fullName, position: 'Personal', userName, roles, temporaryPassword: 'Temporal-Inicio-77' })), mustChangePassword: false }) as User;
  const cs = await mk('csocial', 'Carla Soto', ['comunicacion_social']);
  const cs2 = await mk('csocial2', 'Raúl Mena', ['comunicacion_social']);
  const head = await mk('jred', 'Luis Vera', ['capturista']);
  const dg = await mk('dgeneral', 'Dora García', ['director']);
  const area: Area = { id: 'area-red', name: 'Dirección de la Red, Voz, Datos e Imagen', headName: 'Luis Vera', headPosition: 'Director de la Red', headUserId: head.id, active: true, createdAt: '2026-01-01T00:00:00Z' };
  const areas = await areasDoc(w.ws.vault);
  areas.data.areas.push(area, { ...area, id: 'area-baja', name: 'Área extinta', active: false });
  await areas.write();
  const outlets = await outletsDoc(w.ws.vault);
  outlets.data.outlets.push({ id: 'radio-1', name: 'Radio Oaxaca', kind: 'radio', contacts: [], active: true, createdAt: '2026-01-01T00:00:00Z' });
  await outlets.write();
  const account = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse({ network: 'facebook', handle: 'C4Oaxaca', kind: 'oficial', area: 'Comunicación Social', addedOn: '2026-11-01' }));
  return { w, cs, cs2, head, dg, area, accountId: account.account.id, outletId: 'radio-1' };
}

function content(o: Office, over: Partial<ReleaseContentInput> = {}) {
  return releaseContentSchema.parse({
    kind: 'redes_sociales',
    title: 'Simulacro estatal',
    body: 'El C4 participa en el simulacro estatal del 24 de noviembre.',
    providingAreaId: o.area.id,
    channels: [
      { type: 'cuenta', id: o.accountId },
      { type: 'medio', id: o.outletId },
    ],
    plannedAt: '2026-11-24T16:00:00.000Z',
    ...over,
  });
}

const act = (o: Office, user: User, releaseId: string, input: Omit<ReleaseActInput, 'releaseId'>) => o.w.s.releases.act(o.w.ws, user, releaseActInputSchema.parse({ ...input, releaseId }));
const later = (o: Office, minutes: number) => {
  o.w.clock.now += minutes * 60_000;
  return new Date(o.w.clock.now).toISOString();
};

/** Through the area and legal to a printed sheet, by the right people. */
async function toSign(o: Office, v: ReleaseView): Promise<ReleaseView> {
  let r = v;
  if (r.release.channels.some((c) => c.type === 'cuenta')) {
    r = await act(o, o.cs, r.release.id, { action: 'enviar_a_validacion', payload: {} });
    r = await act(o, o.head, r.release.id, { action: 'validar_area', payload: {} });
  } else {
    r = await act(o, o.cs, r.release.id, { action: 'enviar_a_revision', payload: {} });
  }
  r = await act(o, o.w.lawyer, r.release.id, { action: 'aprobar_revision', payload: { checklist: CHECKLIST } });
  await o.w.s.releases.printSheet(o.w.ws, o.cs, r.release.id);
  return r;
}

const sign = (o: Office, releaseId: string, action: 'autorizar' | 'ratificar_autorizacion' = 'autorizar') =>
  act(o, o.dg, releaseId, { action, payload: { signerName: 'Dora García', signerPosition: 'Directora General', signedOn: '2026-11-23', scan: SCAN } });

describe('releases on a real vault', () => {
  it('takes a network release through the area, legal and the signed sheet to publication; an edit after authorisation voids the sheet', async () => {
    const o = await office();
    const { w } = o;
    const material = await w.s.releases.uploadMaterial(w.ws, o.cs, { fileName: 'cartel.png', mediaType: 'image/png', base64: PNG });
    const created = await w.s.releases.create(w.ws, o.cs, content(o, { materials: [material] }));
    expect(created.release).toMatchObject({ folio: 'CS-2026-0001', state: 'borrador', preparedByIds: [o.cs.id] });
    expect((await w.s.releases.create(w.ws, o.cs, content(o, { title: 'Otra' }))).release.folio).toBe('CS-2026-0002');
    const id = created.release.id;

    await expect(act(o, o.cs, id, { action: 'enviar_a_revision', payload: {} })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/titular del área/) });
    await act(o, o.cs, id, { action: 'enviar_a_validacion', payload: {} });
    await expect(act(o, o.cs2, id, { action: 'validar_area', payload: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await w.s.releases.attention(w.ws, o.head)).map((a) => [a.folio, a.reason])).toEqual([['CS-2026-0001', 'espera_mi_accion']]);
    await act(o, o.head, id, { action: 'validar_area', payload: { observations: 'Datos confirmados' } });
    await expect(act(o, o.w.lawyer, id, { action: 'aprobar_revision', payload: { checklist: { ...CHECKLIST, victimas_o_menores: { answer: 'si' } } } })).rejects.toMatchObject({ message: expect.stringMatching(/Explique en una nota/) });
    const approved = await act(o, o.w.lawyer, id, { action: 'aprobar_revision', payload: { checklist: CHECKLIST, observations: 'Sin observaciones' } });
    expect(approved.release.state).toBe('por_autorizar');

    await expect(sign(o, id)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Imprima el formato/) });
    const sheet = await w.s.releases.printSheet(w.ws, o.cs, id);
    expect(sheet).toMatchObject({ fileName: 'autorizacion-difusion-CS-2026-0001-v1.pdf', mediaType: 'application/pdf' });
    expect(printed.at(-1)).toMatchObject({
      folio: 'CS-2026-0001',
      sheetVersion: 1,
      reprint: 0,
      kind: 'Publicación en redes sociales',
      providingArea: 'Dirección de la Red, Voz, Datos e Imagen',
      channels: ['Facebook · C4Oaxaca (oficial)', 'Radio Oaxaca'],
      materials: [{ name: 'cartel.png', mediaType: 'image/png', sha256: material.sha256 }],
      legalOpinion: 'Sin observaciones',
      signers: { preparedBy: { fullName: 'Carla Soto' }, validatedBy: { fullName: 'Luis Vera' }, reviewedBy: { fullName: 'Ana Ortiz' } },
    });
    const reprinted = await w.s.releases.printSheet(w.ws, o.cs, id);
    expect(printed.at(-1)).toMatchObject({ sheetVersion: 1, reprint: 1 });
    expect(reprinted.fileName).toBe('autorizacion-difusion-CS-2026-0001-v1-reimpresion-1.pdf');
    // Both prints are kept byte for byte and come back as they were printed.
    const kept = (await w.s.releases.get(w.ws, o.cs, id)).release.sheets[0]?.kept ?? [];
    expect(kept.map((k) => k.reprint)).toEqual([0, 1]);
    for (const [k, pdf] of [[kept[0]!, sheet], [kept[1]!, reprinted]] as const) {
      const again = await w.s.releases.keptSheet(w.ws, w.lawyer, id, k.id);
      expect(again.base64).toBe(pdf.base64);
    }
    await expect(w.s.releases.keptSheet(w.ws, o.cs, id, 'impreso-otro')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await expect(act(o, o.cs, id, { action: 'autorizar', payload: { signerName: 'Dora García', signerPosition: 'Directora General', signedOn: '2026-11-23', scan: SCAN } })).rejects.toMatchObject({ code: 'SEGREGATION_OF_DUTIES' });
    const authorised = await sign(o, id);
    expect(authorised.release).toMatchObject({ state: 'autorizada', signature: { sheetVersion: 1, signerName: 'Dora García' } });
    expect(authorised.validThrough).toBe('2026-11-27');

    // A new text after the Director signed: the sheet is void, and the area validates the new words before legal sees them again.
    const edited = await w.s.releases.update(w.ws, o.cs2, id, content(o, { materials: [material], body: 'El C4 participa en el simulacro estatal del 24 de noviembre a las 11:00.' }));
    expect(edited.release).toMatchObject({ state: 'en_validacion_area', signature: null, review: null, sheets: [{ version: 1, voided: true }] });
    expect(edited.release.preparedByIds).toEqual([o.cs.id, o.cs2.id]);
    await act(o, o.head, id, { action: 'validar_area', payload: {} });
    await act(o, o.w.lawyer, id, { action: 'aprobar_revision', payload: { checklist: CHECKLIST } });
    await w.s.releases.printSheet(w.ws, o.cs, id);
    expect(printed.at(-1)).toMatchObject({ sheetVersion: 2, reprint: 0 });
    o.w.clock.now += 25_000; // signed at hh:mm:25
    await sign(o, id);

    // The time of a publication is typed to the minute: the signature's own minute is not «before» it, the minute before is.
    const signedAt = Date.parse((await w.s.releases.get(w.ws, o.cs, id)).release.signature?.registeredAt ?? '');
    const minute = (back: number) => new Date(Math.floor(signedAt / 60_000) * 60_000 - back * 60_000).toISOString();
    await expect(act(o, o.cs, id, { action: 'publicar', payload: { channel: { type: 'cuenta', id: o.accountId }, at: minute(1) } })).rejects.toMatchObject({ code: 'VALIDATION', message: 'La publicación no puede ser anterior a su autorización.' });
    const one = await act(o, o.cs, id, { action: 'publicar', payload: { channel: { type: 'cuenta', id: o.accountId }, at: minute(0), url: 'https://facebook.com/C4Oaxaca/posts/1' } });
    const at = later(o, 10);
    expect(one.release.state).toBe('publicada');
    expect(one.pendingChannels).toEqual([{ type: 'medio', id: o.outletId }]);
    await expect(act(o, o.cs, id, { action: 'publicar', payload: { channel: { type: 'cuenta', id: o.accountId }, at } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(w.s.releases.update(w.ws, o.cs, id, content(o, { title: 'Cambio tardío' }))).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/«Publicada» no se modifica/) });
    await act(o, o.cs, id, { action: 'publicar', payload: { channel: { type: 'medio', id: o.outletId }, at, note: 'Noticiero de las 14:00' } });
    const closed = await act(o, o.cs, id, { action: 'cerrar', payload: {} });
    expect(closed.release.state).toBe('cerrada');

    // The annual programme's calendar and its planned-versus-done report count it, on the day it was published.
    const day = todayInOffice(new Date(at));
    const [year, month] = day.split('-').map(Number) as [number, number];
    const calendar = await w.s.programme.calendar(w.ws, year, month);
    expect(calendar.days.find((d) => d.day === day)?.published.map((r) => r.folio)).toEqual(['CS-2026-0001']);
    expect((await w.s.programme.report(w.ws, year, month)).publishedByKind).toEqual([{ kind: 'redes', count: 1 }]);

    const detail = await w.s.releases.get(w.ws, o.dg, id);
    expect(detail.history.map((h) => h.label)).toEqual([
      'Difusión creada',
      'Turnada a validación del área',
      'Validada y aprobada por el área',
      'Revisión jurídica aprobada',
      'Formato de autorización de difusión impreso',
      'Formato de autorización de difusión impreso',
      'Autorización firmada del Director(a) General registrada',
      'Autorización anulada por cambio de contenido; vuelve a revisión',
      'Validada y aprobada por el área',
      'Revisión jurídica aprobada',
      'Formato de autorización de difusión impreso',
      'Autorización firmada del Director(a) General registrada',
      'Publicación registrada',
      'Publicación registrada',
      'Difusión cerrada',
    ]);
    // The Director has not the directories' roles: the detail names each channel for the screen, and what stops it today.
    expect(detail.channelViews).toEqual([
      { channel: { type: 'cuenta', id: o.accountId }, label: 'Facebook · C4Oaxaca (oficial)', refusal: null },
      { channel: { type: 'medio', id: o.outletId }, label: 'Radio Oaxaca', refusal: null },
    ]);
    const scan = await w.s.releases.file(w.ws, o.dg, id, detail.release.signature!.scan.blobId);
    expect(scan.base64).toBe(SCAN.base64);
    // Someone who is neither of the roles nor the area's head does not read it, and the refusal is audited.
    await expect(w.s.releases.get(w.ws, w.clerk, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await w.s.releases.list(w.ws, w.clerk)).toEqual([]);
    const actions = (await w.ws.audit.list({ offset: 0, limit: 200 })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['release.created', 'release.sent_to_area', 'release.area_validated', 'release.review_approved', 'release.authorized', 'release.sheet_voided', 'release.published', 'release.closed', 'release.read_refused', 'document.printed']));
  });

  it('refuses a personal account and an account owing a password change, when added and again at publication', async () => {
    const o = await office();
    const { w } = o;
    const personal = await w.s.socialAccounts.create(
      w.ws,
      w.admin,
      accountInputSchema.parse({ network: 'x', handle: '@DoraGarcia', kind: 'personal_registrada', holder: { fullName: 'Dora García', position: 'Directora General', level: 0 }, area: 'Dirección General', addedOn: '2026-11-01' }),
    );
    await expect(w.s.releases.create(w.ws, o.cs, content(o, { channels: [{ type: 'cuenta', id: personal.account.id }] }))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/X @DoraGarcia es una cuenta personal .*sólo se publican en cuentas oficiales/),
    });
    await expect(w.s.releases.create(w.ws, o.cs, content(o, { providingAreaId: 'area-baja' }))).rejects.toMatchObject({ message: expect.stringMatching(/dada de baja en el catálogo/) });

    const v = await w.s.releases.create(w.ws, o.cs, content(o));
    await toSign(o, v);
    await sign(o, v.release.id);
    // The custodian leaves after the authorisation: the account owes a password change and may not carry the release.
    const withCustody = await w.s.socialAccounts.startCustody(
      w.ws,
      w.admin,
      o.accountId,
      custodyInputSchema.parse({ custodian: { fullName: 'Ana Torres Ruiz', position: 'Community manager', area: 'Comunicación Social' }, startedOn: '2026-11-02', keptIn: 'KeePassXC de Comunicación Social', secondFactorHeldBy: 'Jefatura', recoveryContact: 'cs@c4.example.gob.mx' }),
    );
    await w.s.socialAccounts.endCustody(w.ws, w.admin, o.accountId, withCustody.account.custodies[0]!.id, '2026-11-23', 'salida_de_custodio');
    const at = later(o, 5);
    await expect(act(o, o.cs, v.release.id, { action: 'publicar', payload: { channel: { type: 'cuenta', id: o.accountId }, at } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'La cuenta Facebook C4Oaxaca tiene un cambio de contraseña pendiente desde el 23/11/2026: no se usa hasta registrarlo.',
    });
    // The radio still may.
    expect((await act(o, o.cs, v.release.id, { action: 'publicar', payload: { channel: { type: 'medio', id: o.outletId }, at } })).release.state).toBe('publicada');
  });

  it('holds an embargoed release back, and lapses an authorisation not published in its days', async () => {
    const o = await office();
    const { w } = o;
    const bulletin = (over: Partial<ReleaseContentInput>) => content(o, { kind: 'boletin_prensa', channels: [{ type: 'medio', id: o.outletId }], ...over });
    const embargoed = await toSign(o, await w.s.releases.create(w.ws, o.cs, bulletin({ embargoUntil: '2026-11-24T15:00:00.000Z', plannedAt: '2026-11-24T16:00:00.000Z' })));
    await sign(o, embargoed.release.id);
    await expect(act(o, o.cs, embargoed.release.id, { action: 'publicar', payload: { channel: { type: 'medio', id: o.outletId }, at: later(o, 1) } })).rejects.toMatchObject({
      message: 'La difusión está embargada hasta el 24/11/2026 09:00: no se publica antes.',
    });

    const lapsing = await toSign(o, await w.s.releases.create(w.ws, o.cs, bulletin({ title: 'Se vence' })));
    await sign(o, lapsing.release.id);
    w.clock.now = Date.parse('2026-11-28T18:00:00Z'); // planned on the 24th, good through the 27th (3 days)
    const view = (await w.s.releases.list(w.ws, o.cs)).find((r) => r.release.id === lapsing.release.id)!;
    expect(view).toMatchObject({ vencida: true, validThrough: '2026-11-27' });
    expect((await w.s.releases.attention(w.ws, o.cs)).filter((a) => a.reason === 'vencida').map((a) => a.folio)).toEqual([embargoed.release.folio, lapsing.release.folio]);
    await expect(act(o, o.cs, lapsing.release.id, { action: 'publicar', payload: { channel: { type: 'medio', id: o.outletId }, at: new Date(w.clock.now).toISOString() } })).rejects.toMatchObject({
      message: expect.stringMatching(/La autorización venció/),
    });
    // A new date is a change after authorisation: back to legal review, to be authorised again.
    const redated = await w.s.releases.update(w.ws, o.cs, lapsing.release.id, bulletin({ title: 'Se vence', plannedAt: '2026-11-30T16:00:00.000Z' }));
    expect(redated).toMatchObject({ vencida: false, release: { state: 'en_revision_juridica', sheets: [{ voided: true }] } });
  });

  it('needs, inside a blackout, an exception the blackout allows before the Director may authorise', async () => {
    const o = await office();
    const { w } = o;
    await w.s.blackouts.save(w.ws, w.admin, undefined, blackoutInputSchema.parse({ name: 'Veda electoral 2027', from: '2026-11-24', to: '2026-12-06', allowedExceptions: ['salud', 'proteccion_civil'] }));
    await expect(w.s.blackouts.save(w.ws, w.admin, undefined, blackoutInputSchema.parse({ name: 'Otra', from: '2026-12-01', to: '2026-12-10' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const bulletin = (over: Partial<ReleaseContentInput>) => content(o, { kind: 'boletin_prensa', channels: [{ type: 'medio', id: o.outletId }], ...over });
    const v = await toSign(o, await w.s.releases.create(w.ws, o.cs, bulletin({})));
    expect((await w.s.releases.get(w.ws, o.cs, v.release.id)).blackout).toMatchObject({ name: 'Veda electoral 2027', allowed: ['salud', 'proteccion_civil'] });
    await expect(sign(o, v.release.id)).rejects.toMatchObject({ message: expect.stringMatching(/cae en el periodo de veda «Veda electoral 2027».*elija una de las excepciones/) });

    await w.s.releases.update(w.ws, o.cs, v.release.id, bulletin({ blackoutException: 'educacion' }));
    await act(o, o.w.lawyer, v.release.id, { action: 'aprobar_revision', payload: { checklist: CHECKLIST } });
    await w.s.releases.printSheet(w.ws, o.cs, v.release.id);
    await expect(sign(o, v.release.id)).rejects.toMatchObject({ message: expect.stringMatching(/no admite la excepción «Servicios educativos»/) });

    await w.s.releases.update(w.ws, o.cs, v.release.id, bulletin({ blackoutException: 'proteccion_civil' }));
    await act(o, o.w.lawyer, v.release.id, { action: 'aprobar_revision', payload: { checklist: CHECKLIST } });
    await w.s.releases.printSheet(w.ws, o.cs, v.release.id);
    expect(printed.at(-1)).toMatchObject({ sheetVersion: 3, blackout: { name: 'Veda electoral 2027', exception: 'Protección civil en casos de emergencia' } });
    expect((await sign(o, v.release.id)).release.state).toBe('autorizada');
  });

  it('publishes on the Director’s spoken word in an emergency, and keeps it «pendiente de ratificar» until legal and the signed sheet come', async () => {
    const o = await office();
    const { w } = o;
    const v = await w.s.releases.create(w.ws, o.cs, content(o, { title: 'Alerta por sismo', body: 'Evacúe con calma y siga las rutas señaladas.' }));
    const urgent = await act(o, o.cs, v.release.id, { action: 'autorizar_urgente', payload: { authorizedBy: 'Dora García', at: new Date(w.clock.now).toISOString(), category: 'proteccion_civil', reason: 'Sismo de magnitud 7.1 en la costa' } });
    expect(urgent).toMatchObject({ pendingRatification: true, release: { state: 'autorizada', urgent: { dueBy: '2026-11-24T18:00:00.000Z', reviewedAt: null } } });
    const at = later(o, 3);
    await act(o, o.cs, v.release.id, { action: 'publicar', payload: { channel: { type: 'cuenta', id: o.accountId }, at } });
    await expect(act(o, o.cs, v.release.id, { action: 'cerrar', payload: {} })).rejects.toMatchObject({ message: expect.stringMatching(/pendiente de ratificar/) });
    await expect(w.s.releases.printSheet(w.ws, o.cs, v.release.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await w.s.releases.attention(w.ws, o.w.lawyer)).map((a) => a.label)).toEqual(['Difusión urgente pendiente de ratificar']);

    w.clock.now = Date.parse('2026-11-24T19:00:00Z');
    const overdue = (await w.s.releases.list(w.ws, o.cs))[0]!;
    expect(overdue).toMatchObject({ pendingRatification: true, ratificationOverdue: true });
    expect((await w.s.releases.attention(w.ws, o.cs)).map((a) => a.label)).toEqual(['Difusión urgente con ratificación vencida']);
    await expect(sign(o, v.release.id, 'ratificar_autorizacion')).rejects.toMatchObject({ message: expect.stringMatching(/Primero Jurídico/) });
    await act(o, o.w.lawyer, v.release.id, { action: 'ratificar_revision', payload: { checklist: CHECKLIST } });
    await w.s.releases.printSheet(w.ws, o.cs, v.release.id);
    expect(printed.at(-1)).toMatchObject({ urgent: { authorizedBy: 'Dora García' } });
    await act(o, o.dg, v.release.id, { action: 'ratificar_autorizacion', payload: { signerName: 'Dora García', signerPosition: 'Directora General', signedOn: '2026-11-24', scan: SCAN } });
    const ratified = await w.s.releases.get(w.ws, o.cs, v.release.id);
    expect(ratified).toMatchObject({ pendingRatification: false, ratificationOverdue: false, release: { state: 'publicada' } });
    expect(await w.s.releases.attention(w.ws, o.cs)).toEqual([]);
    expect((await act(o, o.cs, v.release.id, { action: 'cerrar', payload: {} })).release.state).toBe('cerrada');
  });

  it('takes requests from any area user, converts one into a release and declines another with its reason', async () => {
    const o = await office();
    const { w } = o;
    const material = await w.s.releases.uploadMaterial(w.ws, w.clerk, { fileName: 'foto.jpg', mediaType: 'image/jpeg', base64: b64('\xff\xd8\xff\xe0 foto') });
    const first = await w.s.releaseRequests.submit(w.ws, w.clerk, releaseRequestInputSchema.parse({ areaId: o.area.id, what: 'Inauguración del nuevo enlace de radio', why: 'Informar a la población', suggestedOn: '2026-11-30', materials: [material] }));
    const second = await w.s.releaseRequests.submit(w.ws, w.clerk, releaseRequestInputSchema.parse({ areaId: o.area.id, what: 'Cifras internas', why: 'Reconocimiento' }));
    expect([first.folio, second.folio, first.state]).toEqual(['SD-2026-0001', 'SD-2026-0002', 'pendiente']);
    await expect(w.s.releaseRequests.submit(w.ws, w.clerk, releaseRequestInputSchema.parse({ areaId: 'area-baja', what: 'Algo', why: 'Porque sí' }))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await w.s.releaseRequests.mine(w.ws, w.clerk)).map((r) => r.folio)).toEqual(['SD-2026-0002', 'SD-2026-0001']);
    expect(await w.s.releaseRequests.mine(w.ws, w.clerk2)).toEqual([]);
    expect((await w.s.releaseRequests.material(w.ws, o.cs, first.id, material.blobId)).mediaType).toBe('image/jpeg');
    await expect(w.s.releaseRequests.material(w.ws, w.clerk2, first.id, material.blobId)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const { request, release } = await w.s.releaseRequests.convert(w.ws, o.cs, first.id, content(o, { title: 'Nuevo enlace de radio', materials: [material] }));
    expect(request).toMatchObject({ state: 'convertida', releaseId: release.release.id, decidedBy: { id: o.cs.id } });
    expect(release.release).toMatchObject({ requestId: first.id, state: 'borrador' });
    await expect(w.s.releaseRequests.convert(w.ws, o.cs, first.id, content(o))).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/ya fue convertida/) });
    const declined = await w.s.releaseRequests.decline(w.ws, o.cs, second.id, 'Son cifras de uso interno.');
    expect(declined).toMatchObject({ state: 'declinada', declineReason: 'Son cifras de uso interno.' });
    expect((await w.s.releaseRequests.list(w.ws)).map((r) => r.state)).toEqual(['convertida', 'declinada']);
    const actions = (await w.ws.audit.list({ offset: 0, limit: 200 })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['release_request.submitted', 'release_request.converted', 'release_request.declined', 'release.material_uploaded']));
  });

  it('refuses at the boundary a material whose bytes are not what it says, and a decline without a reason', async () => {
    const o = await office();
    const table = createHandlers(o.w.s);
    const silent = { error: () => undefined, warn: () => undefined };
    const fake = await dispatch(table, 'releases.uploadMaterial', { fileName: 'spot.mp4', mediaType: 'video/mp4', base64: b64('MZ\x90\x00 un ejecutable') }, silent);
    expect(fake).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/no corresponde al tipo declarado/) } });
    const mp4 = await dispatch(table, 'releases.uploadMaterial', { fileName: 'spot.mp4', mediaType: 'video/mp4', base64: b64('\x00\x00\x00\x20ftypisom\x00\x00\x02\x00') }, silent);
    expect(mp4).toMatchObject({ ok: true, value: { mediaType: 'video/mp4', size: 16 } });
    const decline = await dispatch(table, 'releaseRequests.decline', { requestId: 'x', reason: '' }, silent);
    expect(decline).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/Escriba el motivo/) } });
  });

  it('cancels with a reason before publication, never after, and keeps the folio', async () => {
    const o = await office();
    const { w } = o;
    const v = await toSign(o, await w.s.releases.create(w.ws, o.cs, content(o)));
    await expect(act(o, o.w.lawyer, v.release.id, { action: 'cancelar', payload: { reason: 'Ya no aplica' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const cancelled = await act(o, o.cs, v.release.id, { action: 'cancelar', payload: { reason: 'La campaña se suspendió.' } });
    expect(cancelled.release).toMatchObject({ state: 'cancelada', cancelReason: 'La campaña se suspendió.', folio: 'CS-2026-0001' });
    expect(cancelled.actions).toEqual([]);
    const other = await toSign(o, await w.s.releases.create(w.ws, o.cs, content(o, { title: 'Publicada' })));
    await sign(o, other.release.id);
    await act(o, o.cs, other.release.id, { action: 'publicar', payload: { channel: { type: 'medio', id: o.outletId }, at: later(o, 2) } });
    await expect(act(o, o.cs, other.release.id, { action: 'cancelar', payload: { reason: 'Demasiado tarde' } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/«Publicada»/) });
    expect(releaseActInputSchema.safeParse({ releaseId: v.release.id, action: 'cancelar', payload: { reason: '' } }).error?.issues[0]?.message).toBe('Escriba el motivo de la cancelación.');
  });

  it('keeps releases in their stream across a reopen, from the checkpoint', async () => {
    const o = await office();
    const { w } = o;
    const v = await w.s.releases.create(w.ws, o.cs, content(o));
    await act(o, o.cs, v.release.id, { action: 'enviar_a_validacion', payload: {} });
    await w.s.session.close();
    const s = createServices({ dataDir: w.dir, version: 't', shell: 'harness', clock: () => new Date(w.clock.now), kdf: TEST_KDF, renderForm: renderAndRecord });
    reopened.push(s);
    await s.session.signIn(ADMIN.userName, ADMIN.password);
    const { ws, user } = s.session.require();
    expect((await s.releases.list(ws, user)).map((r) => [r.release.folio, r.release.state])).toEqual([['CS-2026-0001', 'en_validacion_area']]);
    const stream = await ws.vault.stream<{ kind: string; set: object }>(RELEASE_CHANGES_STREAM);
    const kinds: string[] = [];
    for await (const { record } of stream.readAll()) kinds.push(`${record.kind}:${Object.keys(record.set).sort().join(',')}`);
    // The second frame holds only what changed: the state.
    expect(kinds[1]).toBe('enviar_a_validacion:state');
  });
});
