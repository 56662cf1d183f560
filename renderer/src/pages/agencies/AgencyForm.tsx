import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, agencyInputSchema, type Agency, type AgencyKind } from '../../../../shared/domain/agencies';
import { call } from '../../api/client';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';
import { FormError } from '../../forms/FormError';

const KIND_OPTIONS = AGENCY_KINDS.map((value) => ({ value, label: AGENCY_KIND_LABELS[value] }));

function initialValues(agency?: Agency) {
  return {
    name: agency?.name ?? '',
    acronym: agency?.acronym ?? '',
    kind: (agency?.kind ?? '') as AgencyKind | '',
    address: agency?.address ?? '',
    phone: agency?.phone ?? '',
    email: agency?.email ?? '',
    notes: agency?.notes ?? '',
    active: agency?.active ?? true,
    recipients: (agency?.recipients ?? []).map(({ fullName, position, identification }) => ({ fullName, position, identification })),
  };
}

export function AgencyForm({ agency, onSaved }: { agency?: Agency; onSaved: (agency: Agency) => void }) {
  const { busy, error, run } = useSubmit();
  const form = useForm({ initialValues: initialValues(agency), validate: zodValidate(agencyInputSchema) });

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const saved = await call('agencies.save', { ...(agency ? { agencyId: agency.id } : {}), agency: { ...values, kind: values.kind as AgencyKind } });
      onSaved(saved);
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Nombre" withAsterisk {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <TextInput label="Siglas" withAsterisk {...form.getInputProps('acronym')} />
          <Select label="Tipo" withAsterisk data={KIND_OPTIONS} placeholder="Elija…" {...form.getInputProps('kind')} />
        </SimpleGrid>
        <Textarea label="Domicilio" autosize minRows={2} {...form.getInputProps('address')} />
        <SimpleGrid cols={2}>
          <TextInput label="Teléfono" {...form.getInputProps('phone')} />
          <TextInput label="Correo institucional" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Stack gap={6}>
          <Group justify="space-between">
            <Text fw={500} size="sm">
              Destinatarios autorizados
            </Text>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('recipients', { fullName: '', position: '', identification: '' })}>
              Agregar destinatario
            </Button>
          </Group>
          {form.values.recipients.length === 0 && (
            <Text size="sm" c="dimmed">
              Sin destinatarios registrados.
            </Text>
          )}
          {form.values.recipients.map((_, index) => (
            <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
              <TextInput label="Nombre completo" style={{ flex: 2 }} {...form.getInputProps(`recipients.${index}.fullName`)} />
              <TextInput label="Cargo" style={{ flex: 2 }} {...form.getInputProps(`recipients.${index}.position`)} />
              <TextInput label="Identificación" style={{ flex: 1 }} {...form.getInputProps(`recipients.${index}.identification`)} />
              <ActionIcon variant="subtle" color="red" mt={26} aria-label="Quitar destinatario" onClick={() => form.removeListItem('recipients', index)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <Textarea label="Notas" autosize minRows={2} {...form.getInputProps('notes')} />
        <Switch label="Dependencia activa" {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            Guardar dependencia
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
