import { Badge } from '@mantine/core';
import { SHIPMENT_STATE_LABELS, type ShipmentState } from '../../../../shared/domain/shipment-states';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';

const COLORS: Record<ShipmentState, string> = {
  borrador: 'gray',
  en_revision_juridica: 'indigo',
  devuelto: 'orange',
  revisado: 'cyan',
  por_firmar: 'yellow',
  autorizado: 'teal',
  sellado: 'blue',
  en_transito: 'violet',
  entregado: 'green',
  rechazado: 'red',
  devuelto_mensajeria: 'red',
  cancelado: 'dark',
};

export function ShipmentStateBadge({ state }: { state: ShipmentState }) {
  return (
    <Badge color={COLORS[state]} variant="light" tt="none" styles={BADGE_FULL_WIDTH} data-testid="shipment-state">
      {SHIPMENT_STATE_LABELS[state]}
    </Badge>
  );
}
