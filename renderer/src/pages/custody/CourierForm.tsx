import { Button, Group, SegmentedControl, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { COURIER_KIND_LABELS, COURIER_KINDS, courierInputSchema, type Courier, type CourierKind } from '../../../../shared/domain/custody';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';

export interface CourierValues {
  kind: CourierKind;
  fullName: string;
  position: string;
  organisation: string;
  identification: string;
  phone: string;
  active: boolean;
}

export function CourierForm({ courier, onDone }: { courier: Courier | null; onDone: () => void }) {
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
