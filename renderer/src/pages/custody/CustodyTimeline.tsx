import { Badge, Group, Text, Timeline } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CUSTODY_EVENT_LABELS, describeParty, type CustodyEvent } from '../../../../shared/domain/custody';
import { formatDateTime } from '../../../../shared/format/date';

/** A shipment's chain of custody, oldest first: who handed it to whom, where, and the seals as found. */
export function CustodyTimeline({ events }: { events: readonly CustodyEvent[] }) {
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Todavía no hay movimientos de custodia: el primero es el sellado del envío.
      </Text>
    );
  }
  const seqOf = new Map(events.map((e) => [e.id, e.seq]));
  return (
    <Timeline active={events.length - 1} bulletSize={22} lineWidth={2} data-testid="custody-timeline">
      {events.map((e) => (
        <Timeline.Item
          key={e.id}
          bullet={<Text size="xs" fw={700}>{e.seq}</Text>}
          color={e.brokenSeal ? 'red' : undefined}
          title={
            <Group gap="xs">
              <Text fw={600} size="sm">
                {CUSTODY_EVENT_LABELS[e.type]}
              </Text>
              {e.brokenSeal && (
                <Badge color="red" size="sm" leftSection={<IconAlertTriangle size={12} />}>
                  Sello dañado
                </Badge>
              )}
              {e.corrects && (
                <Badge color="gray" variant="light" size="sm">
                  Corrige al evento {seqOf.get(e.corrects) ?? '—'}
                </Badge>
              )}
            </Group>
          }
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at)} · {e.place} · registró {e.recordedBy.fullName}
          </Text>
          <Text size="sm">
            Entrega: {describeParty(e.from)}
          </Text>
          <Text size="sm">
            Recibe: {describeParty(e.to)}
            {e.to.identification ? ` (identificación: ${e.to.identification})` : ''}
          </Text>
          {e.purpose && <Text size="sm">Motivo: {e.purpose}</Text>}
          {e.seals.length > 0 && (
            <Text size="sm">
              Sellos:{' '}
              {e.seals.map((s, i) => (
                <Text span key={s.number} c={s.intact ? undefined : 'red'} fw={s.intact ? undefined : 600}>
                  {i > 0 ? ', ' : ''}
                  {s.number} {s.intact ? '(íntegro)' : `(dañado: ${s.description})`}
                </Text>
              ))}
            </Text>
          )}
          {e.remarks && (
            <Text size="sm" c="dimmed">
              {e.remarks}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
