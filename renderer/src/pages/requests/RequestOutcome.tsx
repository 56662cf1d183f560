import { Text } from '@mantine/core';
import type { ReleaseRequest } from '../../../../shared/domain/releases';
import { formatDateTime } from '../../../../shared/format/date';

/** What became of a request, in a sentence: who decided, when, and the reason of a refusal. */
export function RequestOutcome({ request }: { request: ReleaseRequest }) {
  if (request.state === 'pendiente') {
    return (
      <Text size="sm" c="dimmed">
        En espera de Comunicación Social
      </Text>
    );
  }
  const when = request.decidedAt ? formatDateTime(request.decidedAt) : '';
  const who = request.decidedBy?.fullName ?? 'Comunicación Social';
  if (request.state === 'convertida') {
    return (
      <Text size="sm">
        Comunicación Social la preparó como difusión.{' '}
        <Text span size="xs" c="dimmed">
          {who}, {when}
        </Text>
      </Text>
    );
  }
  return (
    <Text size="sm">
      Declinada: {request.declineReason}{' '}
      <Text span size="xs" c="dimmed">
        {who}, {when}
      </Text>
    </Text>
  );
}
