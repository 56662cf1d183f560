import { Badge, Button, Card, Group, Modal, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { COURIER_KIND_LABELS, COURIER_KINDS, courierInputSchema, type Courier, type CourierKind } from '../../../../shared/domain/custody';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';

interface CourierValues {
  kind: CourierKind;
  fullName: string;
  position: string;
  organisation: string;
  identification: string;
  phone: string;
  active: boolean;
}

function CourierForm({ courier, onDone }: { courier: Courier | null; onDone: () => void }) {
  const { busy, error, run } = useSubmit();
  const form = useForm<CourierValues>({
    initialValues: courier
      ? { kind: courier.kind, fullName: courier.fullName, position: courier.position, organisation: courier.organisation, identification: courier.identification, phone: courier.phone, active: courier.active }
      : { kind: 'interno', fullName: '', position: '', organisation: '', identification: '', phone: '', active: true },
    validate: ({ active: _active, ...fields }) => zodValidate(courierInputSchema)(fields),
  });
  const submit = form.onSubmit(({ active, ...fields }) =>
    run(async () => {
      await call('couriers.save', { ...(courier ? { courierId: courier.id } : {}), courier: fields, active });
      onDone();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SegmentedControl data={COURIER_KINDS.map((k) => ({ value: k, label: COURIER_KIND_LABELS[k] }))} {...form.getInputProps('kind')} />
        <TextInput label="Nombre completo" withAsterisk data-autofocus {...form.getInputProps('fullName')} />
        <SimpleGrid cols={2}>
          <TextInput label={form.values.kind === 'interno' ? 'Área' : 'Empresa de mensajería'} withAsterisk {...form.getInputProps('organisation')} />
          <TextInput label="Cargo" {...form.getInputProps('position')} />
          <TextInput label="Identificación" placeholder="INE, gafete, núm. de empleado…" withAsterisk {...form.getInputProps('identification')} />
          <TextInput label="Teléfono" {...form.getInputProps('phone')} />
        </SimpleGrid>
        {courier && <Switch label="Activo (aparece en la ventanilla)" {...form.getInputProps('active', { type: 'checkbox' })} />}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            Guardar mensajero
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

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
