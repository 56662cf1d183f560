import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconCalendarPause, IconClockHour4, IconListDetails, IconLock, IconShieldLock, IconUsers } from '@tabler/icons-react';
import { useSignedIn } from '../../stores/session-store';
import { AreasPanel } from './AreasPanel';
import { AuditLogPanel } from './AuditLogPanel';
import { BlackoutsPanel } from './BlackoutsPanel';
import { DeadlinesPanel } from './DeadlinesPanel';
import { SecurityPanel } from './SecurityPanel';
import { UsersPanel } from './UsersPanel';

export function AdministrationPage() {
  const session = useSignedIn();
  const isAdmin = session?.user.roles.includes('administrador') ?? false;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Administración
        </Title>
        <Text c="dimmed" mt={4}>
          Usuarios y roles, áreas de la oficina, periodos de veda, bitácora de auditoría, seguridad de la bóveda y plazos de la oficina.
        </Text>
      </div>
      {!isAdmin ? (
        <Alert color="gray" icon={<IconLock />} title="Sólo para administradores">
          Su usuario no tiene el rol de administrador. Si necesita dar de alta a alguien o revisar la bitácora, pida ayuda a un
          administrador de la oficina.
        </Alert>
      ) : (
        <Tabs defaultValue="usuarios" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="usuarios" leftSection={<IconUsers size={16} />}>
              Usuarios
            </Tabs.Tab>
            <Tabs.Tab value="areas" leftSection={<IconBuildingCommunity size={16} />}>
              Áreas
            </Tabs.Tab>
            <Tabs.Tab value="vedas" leftSection={<IconCalendarPause size={16} />}>
              Vedas
            </Tabs.Tab>
            <Tabs.Tab value="bitacora" leftSection={<IconListDetails size={16} />}>
              Bitácora
            </Tabs.Tab>
            <Tabs.Tab value="seguridad" leftSection={<IconShieldLock size={16} />}>
              Seguridad
            </Tabs.Tab>
            <Tabs.Tab value="plazos" leftSection={<IconClockHour4 size={16} />}>
              Plazos
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="usuarios" pt="md">
            <UsersPanel currentUserId={session?.user.id ?? ''} />
          </Tabs.Panel>
          <Tabs.Panel value="areas" pt="md">
            <AreasPanel />
          </Tabs.Panel>
          <Tabs.Panel value="vedas" pt="md">
            <BlackoutsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="bitacora" pt="md">
            <AuditLogPanel />
          </Tabs.Panel>
          <Tabs.Panel value="seguridad" pt="md">
            <SecurityPanel />
          </Tabs.Panel>
          <Tabs.Panel value="plazos" pt="md">
            <DeadlinesPanel />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
