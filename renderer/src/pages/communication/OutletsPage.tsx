import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { OUTLET_KIND_LABELS, type MediaOutlet } from '../../../../shared/domain/areas';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';
import { PageHeader } from '../../components/PageHeader';
import { OutletContactsCell } from './OutletContactsCell';
import { OutletFormModal } from './OutletFormModal';

/** Comunicación Social → Medios: the directory of media outlets the releases go to, with their contacts. */
export function OutletsPage() {
  const { data: outlets = [], error, reload } = useLoad(() => call('outlets.list', {}), []);
  const [editing, setEditing] = useState<MediaOutlet | 'new' | null>(null);

  const deactivate = (outlet: MediaOutlet) => {
    modals.openConfirmModal({
      title: `¿Dar de baja «${outlet.name}»?`,
      children: <Text size="sm">Ya no se ofrecerá como destino de difusiones nuevas. Sus datos y contactos se conservan en el directorio como dado de baja.</Text>,
      labels: { confirm: 'Dar de baja', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('outlets.deactivate', { outletId: outlet.id });
          notifications.show({ color: 'green', message: `«${outlet.name}» fue dado de baja del directorio de medios.` });
          reload();
        } catch (e) {
          notifications.show({ color: 'red', title: 'No se pudo dar de baja', message: errorMessage(e) });
        }
      },
    });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Medios de comunicación"
        description="Directorio de radio, televisión, prensa, medios digitales y agencias de noticias a los que se envían las difusiones, con sus contactos."
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
            Registrar medio
          </Button>
        }
      />
      {error && <Alert color="red">{error}</Alert>}
      <Card withBorder padding={0} radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Medio</Table.Th>
              <Table.Th w={170}>Tipo</Table.Th>
              <Table.Th>Contactos</Table.Th>
              <Table.Th w={100}>Estado</Table.Th>
              <Table.Th w={220} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outlets.length === 0 && <EmptyRow colSpan={5}>Aún no hay medios en el directorio. Registre el primero con «Registrar medio».</EmptyRow>}
            {outlets.map((outlet) => (
              <Table.Tr key={outlet.id} data-testid={`outlet-row-${outlet.name}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {outlet.name}
                  </Text>
                </Table.Td>
                <Table.Td>{OUTLET_KIND_LABELS[outlet.kind]}</Table.Td>
                <Table.Td>
                  <OutletContactsCell contacts={outlet.contacts} />
                </Table.Td>
                <Table.Td>
                  {outlet.active ? (
                    <Badge color="green" tt="none" styles={BADGE_FULL_WIDTH}>
                      Activo
                    </Badge>
                  ) : (
                    <Badge color="gray" tt="none" styles={BADGE_FULL_WIDTH}>
                      Baja
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {outlet.active && (
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(outlet)}>
                        Modificar
                      </Button>
                      <Button size="xs" variant="light" color="red" onClick={() => deactivate(outlet)}>
                        Dar de baja
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <OutletFormModal
        opened={editing !== null}
        {...(editing && editing !== 'new' ? { outlet: editing } : {})}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          notifications.show({ color: 'green', message: editing === 'new' ? `Se registró «${saved.name}» en el directorio de medios.` : `Se guardó «${saved.name}».` });
          setEditing(null);
          reload();
        }}
      />
    </Stack>
  );
}
