import { describe, expect, it } from 'vitest';
import { type Agency, type Agreement } from '../../../../shared/domain/agencies';
import { AppError } from '../../../../shared/errors';
import {
  agencyDisplayName,
  agreementStatus,
  assertMayReceive,
  checkMayReceive,
  daysUntilExpiry,
  findValidAgreement,
  isAgreementValidOn,
} from './agreement-rule';

const cni: Agency = {
  id: 'ag-cni',
  name: 'Centro Nacional de Información',
  acronym: 'CNI',
  kind: 'federal',
  address: '',
  phone: '',
  email: '',
  notes: '',
  recipients: [],
  active: true,
  example: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function agreement(over: Partial<Agreement> & Pick<Agreement, 'id' | 'validFrom' | 'validTo'>): Agreement {
  return {
    agencyId: cni.id,
    number: `CNI-${over.id}`,
    scope: 'Intercambio de información estadística.',
    signedOn: over.validFrom,
    document: null,
    example: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

const dated = agreement({ id: '001/2024', validFrom: '2024-11-01', validTo: '2026-10-31' });
const indefinite = agreement({ id: 'IND', validFrom: '2025-03-01', validTo: null });

describe('agreementStatus', () => {
  it('is valid from the first to the last day, both inclusive', () => {
    expect(agreementStatus(dated, '2024-10-31')).toBe('no_iniciado');
    expect(agreementStatus(dated, '2024-11-01')).toBe('vigente');
    expect(agreementStatus(dated, '2026-10-31')).toBe('por_vencer');
    expect(agreementStatus(dated, '2026-11-01')).toBe('vencido');
  });

  it('warns exactly warnDays before validTo, not one day earlier', () => {
    // 2026-10-01 → 2026-10-31 is 30 days.
    expect(agreementStatus(dated, '2026-10-01')).toBe('por_vencer');
    expect(agreementStatus(dated, '2026-09-30')).toBe('vigente');
    expect(agreementStatus(dated, '2026-10-24', 7)).toBe('por_vencer');
    expect(agreementStatus(dated, '2026-10-23', 7)).toBe('vigente');
    expect(agreementStatus(dated, '2026-10-31', 0)).toBe('por_vencer');
    expect(agreementStatus(dated, '2026-10-30', 0)).toBe('vigente');
  });

  it('never expires nor warns when indefinite', () => {
    expect(agreementStatus(indefinite, '2025-02-28')).toBe('no_iniciado');
    expect(agreementStatus(indefinite, '2025-03-01')).toBe('vigente');
    expect(agreementStatus(indefinite, '2099-12-31', 100000)).toBe('vigente');
    expect(daysUntilExpiry(indefinite, '2026-01-01')).toBeNull();
    expect(daysUntilExpiry(dated, '2026-10-31')).toBe(0);
    expect(daysUntilExpiry(dated, '2026-11-02')).toBe(-2);
  });

  it('a one-day agreement is valid only that day', () => {
    const oneDay = agreement({ id: 'X', validFrom: '2026-05-05', validTo: '2026-05-05' });
    expect(isAgreementValidOn(oneDay, '2026-05-04')).toBe(false);
    expect(isAgreementValidOn(oneDay, '2026-05-05')).toBe(true);
    expect(isAgreementValidOn(oneDay, '2026-05-06')).toBe(false);
  });

  it('rejects a malformed today instead of comparing strings blindly', () => {
    expect(() => agreementStatus(dated, '23/11/2026')).toThrow(AppError);
  });
});

describe('findValidAgreement', () => {
  it('ignores other agencies and expired agreements', () => {
    const other = agreement({ id: 'OTRA', agencyId: 'ag-otra', validFrom: '2020-01-01', validTo: null });
    const renewed = agreement({ id: '002/2026', validFrom: '2026-11-01', validTo: '2028-10-31' });
    const all = [other, dated, renewed];
    expect(findValidAgreement(all, cni.id, '2026-10-31')).toBe(dated);
    expect(findValidAgreement(all, cni.id, '2026-11-01')).toBe(renewed);
    expect(findValidAgreement(all, cni.id, '2024-10-31')).toBeNull();
    expect(findValidAgreement(all, 'ag-otra', '2026-11-01')).toBe(other);
    expect(findValidAgreement([], cni.id, '2026-11-01')).toBeNull();
  });

  it('prefers the one that lasts longest, and indefinite above all', () => {
    const short = agreement({ id: 'S', validFrom: '2026-01-01', validTo: '2026-12-31' });
    const long = agreement({ id: 'L', validFrom: '2026-06-01', validTo: '2028-12-31' });
    expect(findValidAgreement([short, long], cni.id, '2026-07-01')).toBe(long);
    expect(findValidAgreement([long, short], cni.id, '2026-07-01')).toBe(long);
    expect(findValidAgreement([short, indefinite, long], cni.id, '2026-07-01')).toBe(indefinite);
    // Before `long` starts only `short` (and the indefinite one) are candidates.
    expect(findValidAgreement([short, long], cni.id, '2026-05-31')).toBe(short);
  });
});

describe('checkMayReceive / assertMayReceive', () => {
  it('accepts an active agency with an agreement valid that day', () => {
    expect(checkMayReceive(cni, [dated], '2026-10-31')).toEqual({ ok: true, agreement: dated });
    expect(assertMayReceive(cni, [dated, indefinite], '2026-11-23')).toBe(indefinite);
  });

  it('explains an expired agreement, naming agency, date and agreement', () => {
    const result = checkMayReceive(cni, [dated], '2026-11-23');
    expect(result).toEqual({
      ok: false,
      code: 'NO_VALID_AGREEMENT',
      message:
        'La dependencia CNI (Centro Nacional de Información) no tiene un convenio de colaboración vigente el 23/11/2026: su convenio CNI-001/2024 venció el 31/10/2026.',
    });
  });

  it('names the most recently expired agreement when there are several', () => {
    const older = agreement({ id: '000/2022', validFrom: '2022-01-01', validTo: '2023-12-31' });
    const result = checkMayReceive(cni, [dated, older], '2026-11-01');
    expect(!result.ok && result.message).toMatch(/su convenio CNI-001\/2024 venció el 31\/10\/2026\.$/);
  });

  it('explains an agreement that has not started yet', () => {
    const result = checkMayReceive(cni, [dated], '2024-10-31');
    expect(!result.ok && result.message).toBe(
      'La dependencia CNI (Centro Nacional de Información) no tiene un convenio de colaboración vigente el 31/10/2024: su convenio CNI-001/2024 aún no inicia: entra en vigor el 01/11/2024.',
    );
  });

  it('explains a gap between an expired agreement and its renewal', () => {
    const renewal = agreement({ id: '002/2027', validFrom: '2027-01-01', validTo: null });
    const result = checkMayReceive(cni, [dated, renewal], '2026-12-15');
    expect(!result.ok && result.message).toBe(
      'La dependencia CNI (Centro Nacional de Información) no tiene un convenio de colaboración vigente el 15/12/2026: su convenio CNI-001/2024 venció el 31/10/2026 y el convenio CNI-002/2027 aún no inicia: entra en vigor el 01/01/2027.',
    );
  });

  it('says when the agency has no agreement at all', () => {
    const someoneElses = agreement({ id: 'Z', agencyId: 'ag-otra', validFrom: '2020-01-01', validTo: null });
    const result = checkMayReceive(cni, [someoneElses], '2026-11-23');
    expect(result).toEqual({
      ok: false,
      code: 'NO_VALID_AGREEMENT',
      message: 'La dependencia CNI (Centro Nacional de Información) no tiene un convenio de colaboración vigente el 23/11/2026: no tiene ningún convenio registrado.',
    });
  });

  it('refuses an inactive agency even with a valid agreement', () => {
    const inactive = { ...cni, active: false };
    const result = checkMayReceive(inactive, [indefinite], '2026-11-23');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('AGENCY_INACTIVE');
    expect(!result.ok && result.message).toMatch(/^La dependencia CNI \(Centro Nacional de Información\) está dada de baja .* 23\/11\/2026/);
  });

  it('throws AppError with the same code and message', () => {
    try {
      assertMayReceive(cni, [dated], '2026-11-01');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('NO_VALID_AGREEMENT');
      expect((error as AppError).message).toContain('el 01/11/2026');
    }
    expect(() => assertMayReceive({ ...cni, active: false }, [dated], '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'AGENCY_INACTIVE' }),
    );
  });

  it('shows a single name when the acronym is the name', () => {
    expect(agencyDisplayName({ acronym: 'REPUVE', name: 'REPUVE' })).toBe('REPUVE');
    expect(agencyDisplayName({ acronym: 'IMO', name: 'Instituto de la Mujer Oaxaqueña' })).toBe('IMO (Instituto de la Mujer Oaxaqueña)');
  });
});
