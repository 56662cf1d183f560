import { Anchor, Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatCivilDate } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { areaName } from '../../components/area-options';

/** Inicio, for Comunicación Social and the administrator: the areas' requests nobody has answered yet, the oldest first. */
export function PendingRequestsPanel() {
  const { data, error } = useLoad(() => Promise.all([call('releaseRequests.list', {}), call('areas.list', {})]), []);
  const [requests = [], areas = []] = data ?? [];
  const pending = requests.filter((r) => r.state === 'pendiente');
  return (
    <Card withBorder radius="md" padding="lg" data-testid="home-release-requests">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="teal" size={34} radius="md">
            <IconInbox size={20} />
          </ThemeIcon>
          <Text fw={600}>Solicitudes de difusión pendientes</Text>
        </Group>
        <Badge color={pending.length > 0 ? 'teal' : 'gray'} variant={pending.length > 0 ? 'filled' : 'light'} size="lg" circle>
          {pending.length}
        </Badge>
      </Group>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {data && pending.length === 0 && (
        <Text size="sm" c="dimmed">
          Ninguna área espera respuesta a una solicitud.
        </Text>
      )}
      <Stack gap={8}>
        {pending.slice(0, 8).map((r) => (
          <Text size="sm" key={r.id} data-testid={`home-request-${r.folio}`} lineClamp={1}>
            <Anchor component={Link} to="/comunicacion/solicitudes" fw={600} size="sm">
              {r.folio}
            </Anchor>{' '}
            · {areaName(areas, r.areaId)} — {r.what}
            {r.suggestedOn && (
              <Text span size="xs" c="dimmed">
                {' '}
                (sugerida para el {formatCivilDate(r.suggestedOn)})
              </Text>
            )}
          </Text>
        ))}
        {pending.length > 8 && (
          <Anchor component={Link} to="/comunicacion/solicitudes" size="sm">
            Ver las {pending.length} en Solicitudes
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
