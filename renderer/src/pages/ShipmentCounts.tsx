import { Anchor, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FINAL_STATES, SHIPMENT_STATE_LABELS, SHIPMENT_STATES, type ShipmentState } from '../../../shared/domain/shipment-states';
import { countOf } from '../../../shared/format/plural';

/** Shipments in each open state, each a link to the list filtered by it. */
export function ShipmentCounts({ counts }: { counts: Partial<Record<ShipmentState, number>> }) {
  const open = SHIPMENT_STATES.filter((s) => !FINAL_STATES.includes(s));
  return (
    <Card withBorder radius="md" padding="md" data-testid="home-shipments">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Envíos en curso</Text>
        <Anchor component={Link} to="/envios" size="sm">
          Ver todos
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="xs">
        {open.map((state) => (
          <div key={state} data-testid={`home-count-${state}`}>
            <Text size="xl" fw={700} c={counts[state] ? undefined : 'dimmed'}>
              {counts[state] ?? 0}
            </Text>
            <Text size="xs" c="dimmed">
              {SHIPMENT_STATE_LABELS[state]}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        Cerrados: {countOf(counts.entregado ?? 0, 'entregado', 'entregados')} · {countOf((counts.rechazado ?? 0) + (counts.devuelto_mensajeria ?? 0), 'rechazado o devuelto', 'rechazados o devueltos')} por mensajería · {countOf(counts.cancelado ?? 0, 'cancelado', 'cancelados')}.
      </Text>
    </Card>
  );
}
