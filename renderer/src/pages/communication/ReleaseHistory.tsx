import { Card, Text, Timeline, Title } from '@mantine/core';
import type { ReleaseHistoryEntry } from '../../../../shared/domain/releases';
import { formatDateTime } from '../../../../shared/format/date';
import { withOfficeDates } from './account-labels';

/** Every change of the release, from its stream, in order. */
export function ReleaseHistory({ history }: { history: ReleaseHistoryEntry[] }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="md">
        Historial
      </Title>
      <Timeline active={history.length - 1} bulletSize={14} lineWidth={2} data-testid="release-history">
        {history.map((h, i) => (
          <Timeline.Item key={i} title={h.label}>
            <Text size="xs" c="dimmed">
              {formatDateTime(h.at)} · {h.actor.fullName}
            </Text>
            {h.detail && <Text size="sm">{withOfficeDates(h.detail)}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
