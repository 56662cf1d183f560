import { describe, expect, it } from 'vitest';
import { MATERIAL_SIGNATURE_MISMATCH_MESSAGE } from '../../../../shared/domain/file-signature';
import type { Blackout, Release } from '../../../../shared/domain/releases';
import type { AccountView } from '../../../../shared/domain/social-accounts';
import { accountChoices, blackoutForPlanned, emptyReleaseForm, exceptionsOffered, formatBytes, materialRefusal, releaseContentOf, releaseFormValues } from './release-form-values';

const filled = { ...emptyReleaseForm(), kind: 'redes_sociales' as const, title: 'Simulacro estatal', body: 'Texto del simulacro.', providingAreaId: 'area-1', accountIds: ['acc-1'], outletIds: ['radio-1'], plannedAt: '24/11/2026 10:00' };

function account(id: string, over: Partial<AccountView> = {}, kind: AccountView['account']['kind'] = 'oficial'): AccountView {
  return {
    account: { id, network: 'facebook', handle: id, kind, incidents: [] } as unknown as AccountView['account'],
    status: 'activa',
    countsAsOfficial: kind !== 'personal_registrada',
    revalidationDueOn: '2027-05-01',
    pendingRotation: null,
    usable: kind !== 'personal_registrada',
    ...over,
  };
}

describe('release form values', () => {
  it('turns the form into the content the core takes: office time to an instant, channels of both kinds, no legal basis when public', () => {
    const out = releaseContentOf({ ...filled, legalBasis: 'sobra' });
    expect(out.errors).toBeNull();
    expect(out.content).toMatchObject({
      plannedAt: '2026-11-24T16:00:00.000Z',
      embargoUntil: null,
      legalBasis: '',
      channels: [
        { type: 'cuenta', id: 'acc-1' },
        { type: 'medio', id: 'radio-1' },
      ],
    });
  });

  it('gives each field the Spanish message of the core schema, and a date typed wrong its format', () => {
    const out = releaseContentOf({ ...emptyReleaseForm(), plannedAt: '24-11-2026' });
    expect(out.content).toBeNull();
    expect(out.errors).toMatchObject({
      kind: 'Elija el tipo de difusión.',
      title: 'Escriba el título de la difusión.',
      providingAreaId: 'Elija el área que proporciona la información.',
      channels: 'Elija al menos un canal: una cuenta oficial o un medio de comunicación.',
      plannedAt: expect.stringContaining('dd/mm/aaaa hh:mm'),
    });
    expect(releaseContentOf({ ...filled, classification: 'reservada' }).errors).toEqual({ legalBasis: 'Una difusión clasificada necesita el fundamento legal de su clasificación.' });
    expect(releaseContentOf({ ...filled, embargoUntil: '25/11/2026 09:00' }).errors).toEqual({ plannedAt: 'La fecha planeada no puede ser anterior al fin del embargo.' });
  });

  it('reads a saved release back in office time, channels split by kind', () => {
    const release = { ...filled, channels: [{ type: 'medio', id: 'radio-1' }, { type: 'cuenta', id: 'acc-1' }], plannedAt: '2026-11-24T16:00:00.000Z', embargoUntil: '2026-11-24T15:30:00.000Z', materials: [] } as unknown as Release;
    expect(releaseFormValues(release)).toMatchObject({ accountIds: ['acc-1'], outletIds: ['radio-1'], plannedAt: '24/11/2026 10:00', embargoUntil: '24/11/2026 09:30' });
  });

  it('offers official usable accounts first and shows personal and rotation-pending ones disabled with the reason; removed ones only if already chosen', () => {
    const choices = accountChoices(
      [account('personal', {}, 'personal_registrada'), account('rotating', { pendingRotation: { since: '2026-11-20' } as AccountView['pendingRotation'], usable: false }), account('ok'), account('gone', { status: 'dada_de_baja', usable: false })],
      [],
    );
    expect(choices.map((c) => [c.id, c.disabledReason])).toEqual([
      ['ok', null],
      ['personal', 'Cuenta personal (Personal registrada): las difusiones sólo se publican en cuentas oficiales.'],
      ['rotating', 'Cambio de contraseña pendiente desde el 20/11/2026.'],
    ]);
    expect(accountChoices([account('gone', { status: 'dada_de_baja', usable: false })], ['gone']).map((c) => c.disabledReason)).toEqual(['Dada de baja.']);
  });

  it('finds the blackout of the planned office day and offers only the exceptions it admits', () => {
    const veda = { id: 'v', name: 'Veda 2027', from: '2027-04-04', to: '2027-06-02', allowedExceptions: ['salud', 'proteccion_civil'], notes: '', createdAt: '', removedAt: null } as Blackout;
    // 23:30 in Oaxaca on 3 April is already 4 April in UTC: the office's day decides.
    expect(blackoutForPlanned([veda], '03/04/2027 23:30')).toBeNull();
    expect(blackoutForPlanned([veda], '04/04/2027 00:10')?.name).toBe('Veda 2027');
    expect(blackoutForPlanned([{ ...veda, removedAt: '2027-01-01T00:00:00Z' }], '10/04/2027 10:00')).toBeNull();
    expect(exceptionsOffered(veda)).toEqual(['salud', 'proteccion_civil']);
    expect(exceptionsOffered(null)).toEqual([]);
  });

  it('shows sizes and the boundary refusal of a material in plain words', () => {
    expect(formatBytes(28)).toBe('28 B');
    expect(formatBytes(830_000)).toBe('830 KB');
    expect(formatBytes(2_400_000)).toBe('2.4 MB');
    expect(materialRefusal(`Los datos enviados no son válidos: campo «base64»: ${MATERIAL_SIGNATURE_MISMATCH_MESSAGE}.`)).toBe(MATERIAL_SIGNATURE_MISMATCH_MESSAGE);
    expect(materialRefusal('Otra cosa.')).toBe('Otra cosa.');
  });
});
