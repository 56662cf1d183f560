import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { grantsSavedMessage } from '../../../../shared/domain/read-access';
import type { User } from '../../../../shared/domain/users';
import { formatDate } from '../../../../shared/format/date';
import { countOf } from '../../../../shared/format/plural';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';
import { useDiscardGuard } from '../../forms/discard-guard';
import { areaName } from '../../components/area-options';
import { NewUserForm } from './NewUserForm';
import { ReadAccessCell } from './ReadAccessCell';
import { ReadGrantsForm } from './ReadGrantsForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { RoleBadges } from './RoleBadges';
import { UserAreaForm } from './UserAreaForm';

export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const { data: users = [], error: loadError, reload: load } = useLoad(() => call('users.list', {}), []);
  const [creating, setCreating] = useState(false);
  const discard = useDiscardGuard('Nuevo usuario');
  const [resetting, setResetting] = useState<User | null>(null);
  const [granting, setGranting] = useState<User | null>(null);
  const [placing, setPlacing] = useState<User | null>(null);
  const { data: areas = [] } = useLoad(() => call('areas.list', {}), []);


  /** After a deactivation the key the person knew is still the vault's: renewing it is offered, and on unless unticked. */
  const followRotation = async (jobId: string) => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const status = await call('jobs.get', { jobId });
      if (status.state === 'running') continue;
      notifications.show({ color: status.state === 'done' ? 'green' : 'red', title: 'Llave de cifrado', message: status.message });
      return;
    }
  };

  const deactivate = (user: User) => {
    let rotate = true;
    modals.openConfirmModal({
      title: `¿Dar de baja a ${user.fullName}?`,
      children: (
        <Stack gap="sm">
          <Text size="sm">
            Ya no podrá iniciar sesión y su llave de acceso a la bóveda se elimina. Su nombre se conserva en la bitácora y en los
            registros que firmó. Esta acción no se puede deshacer.
          </Text>
          <Checkbox
            defaultChecked
            onChange={(event) => {
              rotate = event.currentTarget.checked;
            }}
            label="Renovar también la llave de cifrado (recomendado)"
            description="Así, ni una copia anterior de la bóveda ni una llave que haya conservado le servirán para leer lo que se guarde después. Toma unos minutos; se puede seguir trabajando."
          />
        </Stack>
      ),
      labels: { confirm: 'Dar de baja', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('users.deactivate', { userId: user.id });
          notifications.show({ color: 'green', message: `${user.fullName} fue dado de baja.` });
          load();
        } catch (e) {
          notifications.show({ color: 'red', title: 'No se pudo dar de baja', message: errorMessage(e) });
          return;
        }
        if (!rotate) return;
        try {
          const job = await call('vault.rotateKey', {});
          notifications.show({ message: 'Renovando la llave de cifrado de la bóveda…' });
          await followRotation(job.id);
        } catch (e) {
          notifications.show({ color: 'red', title: 'No se pudo renovar la llave', message: `${errorMessage(e)} Puede renovarla desde Administración → Seguridad.` });
        }
      },
    });
  };

  return (
    <Stack gap="md">
      {loadError && (
        <Alert color="red" icon={<IconAlertCircle />} title="No se pudo cargar la lista de usuarios">
          {loadError}
        </Alert>
      )}
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {countOf(users.filter((u) => u.active).length, 'usuario activo', 'usuarios activos')}
        </Text>
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => {
            discard.clear();
            setCreating(true);
          }}>
          Nuevo usuario
        </Button>
      </Group>
      <Card withBorder padding={0} radius="md">
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nombre</Table.Th>
              <Table.Th>Usuario</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>Estado</Table.Th>
              <Table.Th>Acceso a clasificada</Table.Th>
              <Table.Th>Alta</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id} data-testid={`user-row-${user.userName}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {user.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.position}
                  </Text>
                  {/* Under the name, not a column of its own: the row's seven columns already fill a 1366-pixel screen. */}
                  <Text size="xs" c="dimmed" data-testid="user-area">
                    Área: {areaName(areas, user.areaId)}
                  </Text>
                </Table.Td>
                <Table.Td>{user.userName}</Table.Td>
                <Table.Td>
                  <RoleBadges roles={user.roles} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {!user.active ? (
                    <Badge color="gray" tt="none">Baja</Badge>
                  ) : user.mustChangePassword ? (
                    <Badge color="yellow" tt="none" styles={BADGE_FULL_WIDTH}>Contraseña temporal</Badge>
                  ) : (
                    <Badge color="green" tt="none">Activo</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <ReadAccessCell user={user} onChange={setGranting} />
                </Table.Td>
                <Table.Td>{formatDate(user.createdAt)}</Table.Td>
                <Table.Td>
                  {user.active && (
                    // Stacked, so the row's seven columns fit a 1366-pixel screen.
                    <Stack gap={6} w="max-content" ml="auto">
                      <Button size="xs" variant="default" onClick={() => setPlacing(user)}>
                        Cambiar área
                      </Button>
                    </Stack>
                  )}
                  {user.active && user.id !== currentUserId && (
                    <Stack gap={6} w="max-content" ml="auto" mt={6}>
                      <Button size="xs" variant="default" onClick={() => setResetting(user)}>
                        Restablecer contraseña
                      </Button>
                      <Button size="xs" variant="light" color="red" onClick={() => deactivate(user)}>
                        Dar de baja
                      </Button>
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Modal opened={creating} onClose={discard.guard(() => setCreating(false))} title="Nuevo usuario" size="lg" centered>
        <NewUserForm
          onChange={discard.markDirty}
          onCreated={async (user) => {
            discard.clear();
            setCreating(false);
            notifications.show({ color: 'green', message: `Se dio de alta a ${user.fullName}. Entregue la contraseña temporal en persona.` });
            load();
          }}
        />
      </Modal>
      <Modal opened={granting !== null} onClose={() => setGranting(null)} title="Acceso a información clasificada" centered>
        {granting && (
          <ReadGrantsForm
            user={granting}
            onCancel={() => setGranting(null)}
            onSaved={(saved) => {
              notifications.show({ color: 'green', title: 'Acceso a información clasificada', message: grantsSavedMessage(saved) });
              setGranting(null);
              load();
            }}
          />
        )}
      </Modal>
      <Modal opened={placing !== null} onClose={() => setPlacing(null)} title="Área del usuario" centered>
        {placing && (
          <UserAreaForm
            user={placing}
            areas={areas}
            onCancel={() => setPlacing(null)}
            onSaved={(saved) => {
              notifications.show({ color: 'green', message: saved.areaId ? `${saved.fullName} pertenece ahora a ${areaName(areas, saved.areaId)}.` : `${saved.fullName} ya no pertenece a ningún área.` });
              setPlacing(null);
              load();
            }}
          />
        )}
      </Modal>
      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title="Restablecer contraseña" centered>
        {resetting && (
          <ResetPasswordForm
            user={resetting}
            onDone={async () => {
              notifications.show({ color: 'green', message: `La contraseña de ${resetting.fullName} es temporal: deberá cambiarla al entrar.` });
              setResetting(null);
              load();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
