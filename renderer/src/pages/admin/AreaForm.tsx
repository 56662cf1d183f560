import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { areaInputSchema, type Area } from '../../../../shared/domain/areas';
import type { User } from '../../../../shared/domain/users';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';

/**
 * An area of the office: its name and head as printed on forms («Validó el
 * área»), and the Valija user who heads it, if any. Choosing that user fills
 * in the name and position while they are still empty.
 */
export function AreaForm({ area, users, onSaved }: { area?: Area; users: User[]; onSaved: (area: Area) => void }) {
  const { busy, error, run } = useSubmit();
  const form = useForm({
    initialValues: { name: area?.name ?? '', headName: area?.headName ?? '', headPosition: area?.headPosition ?? '', headUserId: area?.headUserId ?? null },
    validate: zodValidate(areaInputSchema),
  });
  // Only active users may head an area; the current head stays listed so an edit does not drop them silently.
  const options = users
    .filter((u) => u.active || u.id === area?.headUserId)
    .map((u) => ({ value: u.id, label: `${u.fullName} (${u.userName})${u.active ? '' : ' · dado de baja'}` }));

  const chooseHead = (userId: string | null) => {
    form.setFieldValue('headUserId', userId);
    const user = users.find((u) => u.id === userId);
    if (!user) return;
    if (form.values.headName.trim() === '') form.setFieldValue('headName', user.fullName);
    if (form.values.headPosition.trim() === '') form.setFieldValue('headPosition', user.position);
  };

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      onSaved(area ? await call('areas.update', { areaId: area.id, area: values }) : await call('areas.create', { area: values }));
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Nombre del área" placeholder="Por ejemplo, Unidad de Policía Cibernética" withAsterisk {...form.getInputProps('name')} />
        <Select
          label="Usuario de Valija titular del área"
          description="Opcional. Quien valida las difusiones del área en Valija."
          placeholder="Ninguno"
          data={options}
          searchable
          clearable
          nothingFoundMessage="Ningún usuario activo con ese nombre"
          {...form.getInputProps('headUserId')}
          onChange={chooseHead}
        />
        <SimpleGrid cols={2}>
          <TextInput label="Nombre del titular" description="Como se imprime en los formatos." withAsterisk {...form.getInputProps('headName')} />
          <TextInput label="Cargo del titular" description="Como se imprime en los formatos." withAsterisk {...form.getInputProps('headPosition')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          El área firma «Validó el área» en las autorizaciones de difusión en redes sociales.
        </Text>
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {area ? 'Guardar cambios' : 'Registrar área'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
