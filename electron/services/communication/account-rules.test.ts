import { describe, expect, it } from 'vitest';
import { ACCOUNT_KINDS, accountInputSchema, custodyInputSchema, holderSchema, type PasswordCustody, type SocialAccount } from '../../../shared/domain/social-accounts';
import { countsAsOfficial, custodiesOfUser, endCustody, inPublicDirectory, isUsable, openIncident, openIncidents, pendingRotationOn, recordIncidentStep, recordRotation, revalidationDueOn, statusOn } from './account-rules';

function custody(id: string, overrides: Partial<PasswordCustody> = {}): PasswordCustody {
  return {
    id,
    custodian: { userId: null, fullName: 'Ana Torres Ruiz', position: 'Community manager', area: 'Comunicación Social' },
    startedOn: '2026-01-10',
    keptIn: 'KeePassXC de Comunicación Social, entrada Facebook oficial',
    secondFactorHeldBy: 'Jefatura de Comunicación Social (teléfono institucional)',
    recoveryContact: 'comunicacion@c4.example.gob.mx',
    endedOn: null,
    endReason: null,
    acknowledgementScan: null,
    ...overrides,
  };
}

function account(overrides: Partial<SocialAccount> = {}): SocialAccount {
  return {
    id: 'cta-1',
    network: 'facebook',
    handle: 'C4Oficial',
    url: 'https://facebook.com/C4Oficial',
    kind: 'oficial',
    holder: null,
    area: 'Comunicación Social',
    addedOn: '2026-01-05',
    listedPublicly: false,
    rotationEveryDays: null,
    notes: '',
    removedOn: null,
    status: 'activa',
    lastValidatedOn: '2026-01-05',
    requestScan: null,
    custodies: [custody('cus-1'), custody('cus-2', { custodian: { userId: 'usr-7', fullName: 'Luis Mora Gil', position: 'Diseñador', area: 'Comunicación Social' } })],
    rotations: [],
    pendingRotation: null,
    incidents: [],
    ...overrides,
  };
}

describe('account types (séptima, décima novena)', () => {
  it('counts official accounts, and personal ones administered by an area only while the servant holds the post', () => {
    expect(countsAsOfficial({ kind: 'oficial', removedOn: null })).toBe(true);
    expect(countsAsOfficial({ kind: 'personal_administrada', removedOn: null })).toBe(true);
    expect(countsAsOfficial({ kind: 'personal_administrada', removedOn: '2026-06-30' })).toBe(false);
    expect(countsAsOfficial({ kind: 'personal_registrada', removedOn: null })).toBe(false);
  });

  it('asks a personal account for its holder and refuses one on an official account', () => {
    const base = { network: 'x', handle: '@titular', area: 'Dirección General', addedOn: '2026-02-01' } as const;
    const personal = accountInputSchema.safeParse({ ...base, kind: 'personal_registrada' });
    expect(personal.success).toBe(false);
    expect(personal.error?.issues[0]?.message).toBe('Una cuenta personal necesita los datos del servidor público que la tiene.');
    const official = accountInputSchema.safeParse({ ...base, kind: 'oficial', holder: { fullName: 'Rosa Díaz Peña', position: 'Directora', level: 1 } });
    expect(official.error?.issues[0]?.message).toBe('Una cuenta oficial es de la institución: no lleva titular personal.');
    expect(accountInputSchema.safeParse({ ...base, kind: 'personal_administrada', holder: { fullName: 'Rosa Díaz Peña', position: 'Directora', level: 1 } }).success).toBe(true);
    expect(ACCOUNT_KINDS).toHaveLength(3);
  });
});

describe('the hierarchy check (quinta)', () => {
  it('accepts the head and up to four levels below, and refuses the fifth with the rule in Spanish', () => {
    for (const level of [0, 1, 2, 3, 4]) expect(holderSchema.safeParse({ fullName: 'Rosa Díaz Peña', position: 'Directora', level }).success).toBe(true);
    const fifth = holderSchema.safeParse({ fullName: 'Rosa Díaz Peña', position: 'Jefa de oficina', level: 5 });
    expect(fifth.success).toBe(false);
    expect(fifth.error?.issues[0]?.message).toMatch(/^Sólo el titular y hasta cuatro niveles jerárquicos por debajo de él/);
    expect(holderSchema.safeParse({ fullName: 'Rosa Díaz Peña', position: 'Directora', level: 1.5 }).success).toBe(false);
  });
});

describe('revalidation', () => {
  it('is due six months after the last validation, and an overdue account is «en revisión»', () => {
    const a = account({ lastValidatedOn: '2026-01-31' });
    expect(revalidationDueOn(a, 6)).toBe('2026-07-31');
    expect(statusOn(a, '2026-07-31', 6)).toBe('activa');
    expect(statusOn(a, '2026-08-01', 6)).toBe('en_revision');
    expect(revalidationDueOn(a, 3)).toBe('2026-04-30');
    expect(statusOn(a, '2026-05-01', 3)).toBe('en_revision');
    expect(statusOn({ ...a, removedOn: '2026-03-01' }, '2026-08-01', 6)).toBe('dada_de_baja');
  });
});

describe('rotation', () => {
  it('ending a custody opens a password change, and recording it closes it', () => {
    const a = account();
    expect(isUsable(a, '2026-03-01', 6)).toBe(true);
    const ended = endCustody(a, 'cus-1', '2026-03-01', 'salida_de_custodio');
    expect(ended.custodies.find((c) => c.id === 'cus-1')).toMatchObject({ endedOn: '2026-03-01', endReason: 'salida_de_custodio' });
    expect(ended.pendingRotation).toEqual({ since: '2026-03-01', reason: 'salida_de_custodio', custodyId: 'cus-1' });
    expect(isUsable(ended, '2026-03-02', 6)).toBe(false);
    expect(() => endCustody(ended, 'cus-1', '2026-03-05', 'salida_de_custodio')).toThrow(/ya terminó el 2026-03-01/);
    expect(() => recordRotation(ended, { on: '2026-02-28', reason: 'salida_de_custodio', changedBy: 'Luis Mora Gil', note: '' })).toThrow(/pendiente desde el 2026-03-01/);
    const rotated = recordRotation(ended, { on: '2026-03-02', reason: 'salida_de_custodio', changedBy: 'Luis Mora Gil', note: '' });
    expect(rotated.pendingRotation).toBeNull();
    expect(rotated.rotations).toHaveLength(1);
    expect(isUsable(rotated, '2026-03-02', 6)).toBe(true);
  });

  it('finds the custodies a user holds, so deactivating the user ends them and opens the change', () => {
    const accounts = [account(), account({ id: 'cta-2', custodies: [custody('cus-9', { custodian: { userId: 'usr-7', fullName: 'Luis Mora Gil', position: 'Diseñador', area: 'Comunicación Social' }, endedOn: '2026-02-01', endReason: 'cambio_de_funciones' })] })];
    const held = custodiesOfUser(accounts, 'usr-7');
    expect(held).toEqual([{ accountId: 'cta-1', custodyId: 'cus-2' }]);
    const after = endCustody(accounts[0]!, held[0]!.custodyId, '2026-04-01', 'baja_de_usuario');
    expect(pendingRotationOn(after, '2026-04-01')).toMatchObject({ reason: 'salida_de_custodio', custodyId: 'cus-2' });
  });

  it('a periodic rotation comes due by itself, counted from the last change', () => {
    const a = account({ rotationEveryDays: 90 });
    expect(pendingRotationOn(a, '2026-04-04')).toBeNull();
    expect(pendingRotationOn(a, '2026-04-05')).toEqual({ since: '2026-04-05', reason: 'periodico', custodyId: null });
    const changed = recordRotation(a, { on: '2026-04-06', reason: 'periodico', changedBy: 'Ana Torres Ruiz', note: '' });
    expect(pendingRotationOn(changed, '2026-07-04')).toBeNull();
    expect(pendingRotationOn(changed, '2026-07-05')).toMatchObject({ since: '2026-07-05' });
  });
});

describe('incidents (décima quinta: the security protocol)', () => {
  it('opens with a password change owed, records its steps in time, and closes only when every step is done', () => {
    const opened = openIncident(account(), { id: 'inc-1', kind: 'acceso_no_autorizado', description: 'Publicación que nadie del área hizo.', openedBy: 'Ana Torres Ruiz', detectedAt: '2026-05-10T15:00:00.000Z' });
    expect(openIncidents(opened)).toHaveLength(1);
    expect(opened.pendingRotation).toEqual({ since: '2026-05-10', reason: 'incidente', custodyId: null });
    expect(isUsable(opened, '2026-05-10', 6)).toBe(false);
    const by = (at: string) => ({ at, note: '', recordedBy: 'Ana Torres Ruiz' });
    expect(() => recordIncidentStep(opened, 'inc-1', 'informado_jefatura', by('2026-05-10T14:00:00.000Z'))).toThrow(/no puede ser anterior a la detección/);
    let a = recordIncidentStep(opened, 'inc-1', 'informado_jefatura', by('2026-05-10T15:20:00.000Z'));
    expect(() => recordIncidentStep(a, 'inc-1', 'cerrado', by('2026-05-10T16:00:00.000Z'))).toThrow('Para cerrar el incidente faltan estos pasos del protocolo: «Contraseña cambiada», «Plataforma notificada», «Publicaciones revisadas».');
    a = recordIncidentStep(a, 'inc-1', 'contrasena_cambiada', by('2026-05-10T15:40:00.000Z'));
    // The password change of the protocol is the rotation the incident owed.
    expect(a.pendingRotation).toBeNull();
    expect(a.rotations.at(-1)).toMatchObject({ on: '2026-05-10', reason: 'incidente', changedBy: 'Ana Torres Ruiz' });
    expect(() => recordIncidentStep(a, 'inc-1', 'contrasena_cambiada', by('2026-05-10T15:45:00.000Z'))).toThrow(/ya está registrado/);
    a = recordIncidentStep(a, 'inc-1', 'plataforma_notificada', by('2026-05-10T16:00:00.000Z'));
    a = recordIncidentStep(a, 'inc-1', 'publicaciones_revisadas', by('2026-05-11T10:00:00.000Z'));
    expect(isUsable(a, '2026-05-11', 6)).toBe(false);
    a = recordIncidentStep(a, 'inc-1', 'cerrado', by('2026-05-11T12:00:00.000Z'));
    expect(openIncidents(a)).toEqual([]);
    expect(isUsable(a, '2026-05-11', 6)).toBe(true);
    expect(() => recordIncidentStep(a, 'inc-1', 'plataforma_notificada', by('2026-05-12T12:00:00.000Z'))).toThrow('El incidente ya está cerrado.');
  });
});

describe('the public directory (octava)', () => {
  it('lists what counts as official and the personal accounts whose holders asked, never removed ones', () => {
    const holder = { fullName: 'Rosa Díaz Peña', position: 'Directora', level: 1 };
    expect(inPublicDirectory(account())).toBe(true);
    expect(inPublicDirectory(account({ kind: 'personal_administrada', holder }))).toBe(true);
    expect(inPublicDirectory(account({ kind: 'personal_registrada', holder }))).toBe(false);
    expect(inPublicDirectory(account({ kind: 'personal_registrada', holder, listedPublicly: true }))).toBe(true);
    expect(inPublicDirectory(account({ removedOn: '2026-05-01', status: 'dada_de_baja' }))).toBe(false);
  });
});

describe('no password anywhere', () => {
  it('has no schema field that could hold a password', () => {
    const keys = (shape: Record<string, unknown>) => Object.keys(shape).join(' ');
    const fields = [keys(accountInputSchema.shape), keys(custodyInputSchema.shape), keys(holderSchema.shape)].join(' ');
    expect(fields).not.toMatch(/pass|contrase|secret|clave|pin\b|token/i);
    // The custody says where the secret lives, as a pointer.
    expect(Object.keys(custodyInputSchema.shape)).toContain('keptIn');
  });
});
