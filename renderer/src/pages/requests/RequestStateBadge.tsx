import { Badge } from '@mantine/core';
import { RELEASE_REQUEST_STATE_LABELS, type ReleaseRequestState } from '../../../../shared/domain/releases';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';

const COLORS: Record<ReleaseRequestState, string> = { pendiente: 'yellow', convertida: 'green', declinada: 'gray' };

export function RequestStateBadge({ state }: { state: ReleaseRequestState }) {
  return (
    <Badge color={COLORS[state]} tt="none" styles={BADGE_FULL_WIDTH}>
      {RELEASE_REQUEST_STATE_LABELS[state]}
    </Badge>
  );
}
