import { Anchor, Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { Link } from 'react-router';
import { NETWORK_LABELS, ROTATION_REASON_LABELS } from '../../../../shared/domain/social-accounts';
import { formatCivilDate } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { AccountBadges } from './AccountBadges';

/** Inicio, for Comunicación Social and the administrator: the accounts en revisión or owing a password change. */
export function AccountsAttentionPanel() {
  const { data, error } = useLoad(() => call('socialAccounts.attention', {}), []);
  const count = data?.length ?? 0;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="home-social-accounts">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="orange" size={34} radius="md">
            <IconSpeakerphone size={20} />
          </ThemeIcon>
          <Text fw={600}>Cuentas de redes sociales que requieren atención</Text>
        </Group>
        <Badge color={count > 0 ? 'orange' : 'gray'} variant={count > 0 ? 'filled' : 'light'} size="lg" circle>
          {count}
        </Badge>
      </Group>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {data && count === 0 && (
        <Text size="sm" c="dimmed">
          Todas las cuentas están validadas y sin cambios de contraseña pendientes.
        </Text>
      )}
      <Stack gap={8}>
        {(data ?? []).map((view) => (
          <Group key={view.account.id} gap="xs" wrap="wrap" data-testid={`attention-${view.account.handle}`}>
            <Anchor component={Link} to={`/comunicacion/cuentas/${view.account.id}`} size="sm" fw={600}>
              {NETWORK_LABELS[view.account.network]} · {view.account.handle}
            </Anchor>
            <AccountBadges view={view} />
            <Text size="xs" c="dimmed">
              {view.pendingRotation
                ? `${ROTATION_REASON_LABELS[view.pendingRotation.reason]}, desde el ${formatCivilDate(view.pendingRotation.since)}`
                : `validación vencida el ${formatCivilDate(view.revalidationDueOn)}`}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
