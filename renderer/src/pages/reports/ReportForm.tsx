import { Button, Checkbox, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { reportInputSchema } from '../../../../shared/domain/agencies';
import { call } from '../../api/client';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';
import { FormError } from '../../forms/FormError';

export function ReportForm({ onSaved }: { onSaved: () => void }) {
  const { busy, error, run } = useSubmit();
  const form = useForm({ initialValues: { name: '', producingArea: '', internal: false, external: true, description: '' }, validate: zodValidate(reportInputSchema) });
  const submit = form.onSubmit((report) =>
    run(async () => {
      await call('reports.saveReport', { report });
      onSaved();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Nombre del reporte" withAsterisk {...form.getInputProps('name')} />
        <TextInput label="Área que lo genera" withAsterisk {...form.getInputProps('producingArea')} />
        <Group>
          <Checkbox label="Uso interno" {...form.getInputProps('internal', { type: 'checkbox' })} />
          <Checkbox label="Uso externo" {...form.getInputProps('external', { type: 'checkbox' })} error={form.errors.external} />
        </Group>
        <Textarea label="Descripción" autosize minRows={2} {...form.getInputProps('description')} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            Guardar reporte
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
