import { Badge, Group } from '@mantine/core';
import { RELEASE_STATE_LABELS, type ReleaseState } from '../../../../shared/domain/release-states';
import type { ReleaseView } from '../../../../shared/domain/releases';
import { formatDateTime } from '../../../../shared/format/date';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';

const STATE_COLORS: Record<ReleaseState, string> = {
  borrador: 'gray',
  en_validacion_area: 'indigo',
  en_revision_juridica: 'blue',
  devuelta: 'orange',
  por_autorizar: 'violet',
  autorizada: 'teal',
  publicada: 'green',
  cerrada: 'dark',
  cancelada: 'red',
};

/** A release's state and what the core says of it now: lapsed, awaiting ratification, inside a blackout. */
export function ReleaseBadges({ view, showDue = false }: { view: ReleaseView; showDue?: boolean }) {
  const { release } = view;
  return (
    <Group gap={6} wrap="wrap" data-testid="release-badges">
      <Badge color={STATE_COLORS[release.state]} variant="light" tt="none" styles={BADGE_FULL_WIDTH} data-testid="release-state">
        {RELEASE_STATE_LABELS[release.state]}
      </Badge>
      {view.vencida && (
        <Badge color="red" variant="filled" tt="none" styles={BADGE_FULL_WIDTH}>
          Vencida
        </Badge>
      )}
      {view.pendingRatification && (
        <Badge color={view.ratificationOverdue ? 'red' : 'orange'} variant="filled" tt="none" styles={BADGE_FULL_WIDTH}>
          {view.ratificationOverdue ? 'Ratificación vencida' : 'Pendiente de ratificar'}
          {showDue && release.urgent ? ` · antes del ${formatDateTime(release.urgent.dueBy)}` : ''}
        </Badge>
      )}
      {view.blackout && !['publicada', 'cerrada', 'cancelada'].includes(release.state) && (
        <Badge color="yellow" variant="light" tt="none" styles={BADGE_FULL_WIDTH}>
          En veda
        </Badge>
      )}
    </Group>
  );
}
