import { Badge, Button, Card, Group, Modal, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { COURIER_KIND_LABELS, type Courier } from '../../../../shared/domain/custody';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { CourierForm } from './CourierForm';

/** Couriers (Mensajeros): custody holders who are not users of the app. */
export function CouriersPanel() {
  const { data, reload } = useLoad(() => call('couriers.list', {}), []);
  const [editing, setEditing] = useState<Courier | 'new' | null>(null);
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h5">
            Mensajeros
          </Title>
          <Text size="xs" c="dimmed">
            Personal interno o servicios externos que llevan los envíos; no usan la aplicación.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setEditing('new')}>
          Nuevo mensajero
        </Button>
      </Group>
      <Table verticalSpacing="xs" highlightOnHover data-testid="couriers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nombre</Table.Th>
            <Table.Th>Tipo</Table.Th>
            <Table.Th>Área o empresa</Table.Th>
            <Table.Th>Identificación</Table.Th>
            <Table.Th>Entregas</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.map((c) => (
            <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => setEditing(c)}>
              <Table.Td fw={600}>{c.fullName}</Table.Td>
              <Table.Td>{COURIER_KIND_LABELS[c.kind]}</Table.Td>
              <Table.Td>{c.organisation}</Table.Td>
              <Table.Td>{c.identification}</Table.Td>
              <Table.Td>{c.uses}</Table.Td>
              <Table.Td>{!c.active && <Badge color="gray">Inactivo</Badge>}</Table.Td>
            </Table.Tr>
          ))}
          {data && data.length === 0 && <EmptyRow colSpan={6}>Aún no hay mensajeros registrados.</EmptyRow>}
        </Table.Tbody>
      </Table>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Nuevo mensajero' : 'Modificar mensajero'} size="lg" centered>
        {editing !== null && (
          <CourierForm
            courier={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              reload();
            }}
          />
        )}
      </Modal>
    </Card>
  );
}
