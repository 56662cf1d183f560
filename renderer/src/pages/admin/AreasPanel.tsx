import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Area } from '../../../../shared/domain/areas';
import { countOf } from '../../../../shared/format/plural';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';
import { AreaFormModal } from './AreaFormModal';

/** Administración → Áreas: the catalogue of the office's areas, their heads and who belongs to each. */
export function AreasPanel() {
  const { data, error, reload } = useLoad(() => Promise.all([call('areas.list', {}), call('users.list', {})]), []);
  const [areas = [], users = []] = data ?? [];
  const [editing, setEditing] = useState<Area | 'new' | null>(null);

  const members = (area: Area) => users.filter((u) => u.active && u.areaId === area.id).length;

  const deactivate = (area: Area) => {
    const count = members(area);
    modals.openConfirmModal({
      title: `¿Dar de baja el área «${area.name}»?`,
      children: (
        <Text size="sm">
          Ya no podrá elegirse para usuarios, envíos ni difusiones nuevas. {count === 1 ? 'Su integrante conserva el área en su registro; cámbiela en Usuarios si pasa a otra. ' : count > 1 ? `Sus ${count} integrantes conservan el área en su registro; cámbiela en Usuarios a quienes pasen a otra. ` : ''}
          Los registros que ya la nombran la conservan.
        </Text>
      ),
      labels: { confirm: 'Dar de baja', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('areas.deactivate', { areaId: area.id });
          notifications.show({ color: 'green', message: `El área «${area.name}» fue dada de baja.` });
          reload();
        } catch (e) {
          notifications.show({ color: 'red', title: 'No se pudo dar de baja', message: errorMessage(e) });
        }
      },
    });
  };

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} title="No se pudo cargar el catálogo de áreas">
          {error}
        </Alert>
      )}
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {countOf(areas.filter((a) => a.active).length, 'área activa', 'áreas activas')}. Las áreas proporcionan la información que se envía o se
          difunde; su titular valida las difusiones en redes sociales.
        </Text>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          Nueva área
        </Button>
      </Group>
      <Card withBorder padding={0} radius="md">
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Área</Table.Th>
              <Table.Th>Titular</Table.Th>
              <Table.Th>Usuario titular</Table.Th>
              <Table.Th>Integrantes</Table.Th>
              <Table.Th w={100}>Estado</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {areas.length === 0 && <EmptyRow colSpan={6}>Aún no hay áreas registradas. Registre la primera con «Nueva área».</EmptyRow>}
            {areas.map((area) => {
              const head = users.find((u) => u.id === area.headUserId);
              return (
                <Table.Tr key={area.id} data-testid={`area-row-${area.name}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {area.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{area.headName}</Text>
                    <Text size="xs" c="dimmed">
                      {area.headPosition}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {head ? (
                      <Text size="sm" c={head.active ? undefined : 'red'}>
                        {/* A head who left stays named until the area is edited: saving asks for an active one. */}
                        {head.active ? head.userName : `${head.userName} (dado de baja)`}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{members(area)}</Table.Td>
                  <Table.Td>
                    {area.active ? (
                      <Badge color="green" tt="none" styles={BADGE_FULL_WIDTH}>
                        Activa
                      </Badge>
                    ) : (
                      <Badge color="gray" tt="none" styles={BADGE_FULL_WIDTH}>
                        Baja
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {area.active && (
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(area)}>
                          Modificar
                        </Button>
                        <Button size="xs" variant="light" color="red" onClick={() => deactivate(area)}>
                          Dar de baja
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      <AreaFormModal
        opened={editing !== null}
        {...(editing && editing !== 'new' ? { area: editing } : {})}
        users={users}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          notifications.show({ color: 'green', message: editing === 'new' ? `Se registró el área «${saved.name}».` : `Se guardó el área «${saved.name}».` });
          setEditing(null);
          reload();
        }}
      />
    </Stack>
  );
}
