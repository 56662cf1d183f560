import { describe, expect, it } from 'vitest';
import { accountInputSchema, custodyInputSchema, HOLDER_LEVEL_MESSAGE, type SocialAccount } from '../../../../shared/domain/social-accounts';
import { zodValidate } from '../../forms/zod-form';
import { kindLabel, pendingReason, withOfficeDates } from './account-labels';
import { initialAccountValues, initialCustodyValues, officeTodayIso, pickCustodian, toAccountInput, toCustodyInput } from './account-form-values';

const validate = (values: ReturnType<typeof initialAccountValues>) => zodValidate(accountInputSchema)(toAccountInput(values));

describe('the account form', () => {
  it('dates steps by the office day in Mexico City, not by UTC', () => {
    // 02:00 UTC on 24 November is still the evening of the 23rd in Mexico City.
    expect(officeTodayIso(new Date('2026-11-24T02:00:00Z'))).toBe('2026-11-23');
    expect(officeTodayIso(new Date('2026-11-24T07:00:00Z'))).toBe('2026-11-24');
  });

  it('sends an official account without a holder, even if holder fields were typed before changing the type', () => {
    const values = { ...initialAccountValues('2026-11-23'), network: 'facebook' as const, handle: 'C4Oaxaca', kind: 'oficial' as const, holder: { fullName: 'Rosa Díaz', position: 'Directora', level: 2 } };
    const input = toAccountInput(values);
    expect(input.holder).toBeNull();
    expect(input.rotationEveryDays).toBeNull();
    expect(validate(values)).toEqual({});
    expect(accountInputSchema.parse(input)).toMatchObject({ kind: 'oficial', holder: null, addedOn: '2026-11-23', area: 'Comunicación Social' });
  });

  it('refuses level 5 for a personal account with the rule of the quinta, next to the level', () => {
    const base = { ...initialAccountValues('2026-11-23'), network: 'x' as const, handle: '@DirectoraC4', kind: 'personal_registrada' as const };
    expect(validate({ ...base, holder: { fullName: 'Rosa Díaz Peña', position: 'Jefa de Unidad', level: 5 } })).toEqual({ 'holder.level': HOLDER_LEVEL_MESSAGE });
    expect(validate({ ...base, holder: { fullName: 'Rosa Díaz Peña', position: 'Jefa de Unidad', level: '' } })['holder.level']).toBe('Indique el nivel jerárquico (0 para el titular).');
    expect(validate({ ...base, holder: { fullName: 'Rosa Díaz Peña', position: 'Jefa de Unidad', level: 2 } })).toEqual({});
  });

  it('names what is missing instead of sending empty choices', () => {
    const errors = validate({ ...initialAccountValues('2026-11-23'), addedOn: null });
    expect(errors).toMatchObject({ network: 'Elija la red social.', kind: 'Elija el tipo de cuenta.', handle: 'Escriba el usuario o nombre de la cuenta.', addedOn: 'Escriba la fecha como día/mes/año.' });
  });

  it('starts an edit from the record, periodic rotation and all', () => {
    const account = { network: 'x', handle: '@C4', url: '', kind: 'personal_administrada', holder: { fullName: 'Rosa Díaz Peña', position: 'Directora General', level: 0 }, area: 'Dirección', addedOn: '2026-02-01', listedPublicly: true, rotationEveryDays: 90, notes: '' } as unknown as SocialAccount;
    const values = initialAccountValues('2026-11-23', account);
    expect(toAccountInput(values)).toMatchObject({ holder: { level: 0 }, rotationEveryDays: 90, listedPublicly: true, addedOn: '2026-02-01' });
  });
});

describe('the custody form', () => {
  it('fills a Valija user in, and clears them for another person', () => {
    const start = initialCustodyValues('2026-11-23', 'Comunicación Social');
    const picked = pickCustodian(start, { userId: 'u-1', fullName: 'Ana Torres Ruiz', position: 'Community manager' });
    expect(toCustodyInput(picked).custodian).toEqual({ userId: 'u-1', fullName: 'Ana Torres Ruiz', position: 'Community manager', area: 'Comunicación Social' });
    const other = pickCustodian(picked, null);
    expect(toCustodyInput(other).custodian).toEqual({ userId: null, fullName: '', position: '', area: 'Comunicación Social' });
    const typed = { ...other, fullName: 'Luis Gómez Sol', position: 'Diseñador', keptIn: 'KeePassXC del área, entrada X', secondFactorHeldBy: 'Jefatura', recoveryContact: 'cs@c4.gob.mx' };
    expect(custodyInputSchema.parse(toCustodyInput(typed))).toMatchObject({ custodian: { userId: null, fullName: 'Luis Gómez Sol' }, startedOn: '2026-11-23' });
  });
});

describe('history lines', () => {
  it('show the core’s ISO dates the way the office writes them, and leave other numbers alone', () => {
    expect(withOfficeDates('Luis Gómez Sol, desde el 2026-12-02')).toBe('Luis Gómez Sol, desde el 02/12/2026');
    expect(withOfficeDates('Salida de custodio, el 2026-11-22, por Ana; folio CS-07 2026')).toBe('Salida de custodio, el 22/11/2026, por Ana; folio CS-07 2026');
    // An instant reads in the office's zone (America/Mexico_City, UTC−6).
    expect(withOfficeDates('ratificar antes del 2026-12-03T13:28:34.812Z')).toBe('ratificar antes del 03/12/2026 07:28');
  });
});

describe('what the directory says of an account', () => {
  const custody = { id: 'c-1', custodian: { userId: null, fullName: 'Luis Gómez Sol', position: 'Diseñador', area: 'CS' } };
  const account = { kind: 'personal_administrada', custodies: [custody] } as unknown as SocialAccount;

  it('shows a personal account administered by the area as official while it counts as one (décima novena)', () => {
    expect(kindLabel({ account, countsAsOfficial: true })).toBe('Personal administrada por el área (cuenta oficial)');
    expect(kindLabel({ account, countsAsOfficial: false })).toBe('Personal administrada por el área');
    expect(kindLabel({ account: { ...account, kind: 'personal_registrada' }, countsAsOfficial: false })).toBe('Personal registrada');
  });

  it('says why a password change is owed, naming the custodian who left', () => {
    expect(pendingReason({ account, pendingRotation: { since: '2026-12-02', reason: 'salida_de_custodio', custodyId: 'c-1' } })).toBe('El 02/12/2026 terminó la custodia de Luis Gómez Sol.');
    expect(pendingReason({ account, pendingRotation: { since: '2026-12-02', reason: 'periodico', custodyId: null } })).toBe('Venció el cambio periódico de contraseña el 02/12/2026.');
    expect(pendingReason({ account, pendingRotation: null })).toBe('');
  });
});
