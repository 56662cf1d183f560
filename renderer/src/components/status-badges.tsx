import { Badge } from '@mantine/core';
import { AGREEMENT_STATUS_LABELS, PERIOD_STATUS_LABELS, type AgreementStatus, type PeriodStatus } from '../../../shared/domain/agencies';

/** Status words must never be cut to "Ven…": the badge keeps its natural width. */
const FULL_WIDTH = { root: { flex: 'none', maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } } as const;

const AGREEMENT_COLORS: Record<AgreementStatus, string> = { vigente: 'green', por_vencer: 'yellow', vencido: 'red', no_iniciado: 'gray' };
const PERIOD_COLORS: Record<PeriodStatus, string> = { pendiente: 'blue', entregado: 'green', vencido: 'red' };

export { FULL_WIDTH as BADGE_FULL_WIDTH };

export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  return (
    <Badge color={AGREEMENT_COLORS[status]} variant="light" tt="none" styles={FULL_WIDTH}>
      {AGREEMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function PeriodStatusBadge({ status }: { status: PeriodStatus }) {
  return (
    <Badge color={PERIOD_COLORS[status]} variant="light" tt="none" styles={FULL_WIDTH}>
      {PERIOD_STATUS_LABELS[status]}
    </Badge>
  );
}
