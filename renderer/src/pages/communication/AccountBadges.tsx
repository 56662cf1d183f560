import { Badge, Group } from '@mantine/core';
import { IconAlertTriangle, IconKey } from '@tabler/icons-react';
import { ACCOUNT_STATUS_LABELS, openIncidents, type AccountStatus, type AccountView } from '../../../../shared/domain/social-accounts';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';

const STATUS_COLORS: Record<AccountStatus, string> = { activa: 'green', en_revision: 'yellow', dada_de_baja: 'gray' };

/** The account's status today and what keeps it from being used: an open incident, a password change owed. */
export function AccountBadges({ view, size = 'sm' }: { view: Pick<AccountView, 'status' | 'pendingRotation' | 'account'>; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={STATUS_COLORS[view.status]} variant="light" tt="none" size={size} styles={BADGE_FULL_WIDTH} data-testid="account-status">
        {ACCOUNT_STATUS_LABELS[view.status]}
      </Badge>
      {openIncidents(view.account).length > 0 && (
        <Badge color="red" variant="filled" tt="none" size={size} styles={BADGE_FULL_WIDTH} leftSection={<IconAlertTriangle size={12} />} data-testid="open-incident">
          Incidente abierto
        </Badge>
      )}
      {view.pendingRotation && view.status !== 'dada_de_baja' && (
        <Badge color="red" variant="filled" tt="none" size={size} styles={BADGE_FULL_WIDTH} leftSection={<IconKey size={12} />} data-testid="pending-rotation">
          Cambio de contraseña pendiente
        </Badge>
      )}
    </Group>
  );
}
