import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { OUTLET_KIND_LABELS, OUTLET_KINDS, outletInputSchema, type MediaOutlet, type OutletKind } from '../../../../shared/domain/areas';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';

const KIND_OPTIONS = OUTLET_KINDS.map((value) => ({ value, label: OUTLET_KIND_LABELS[value] }));
const EMPTY_CONTACT = { name: '', position: '', email: '', phone: '' };

/** A media outlet and its contacts, checked with the core's own schema before it is sent. */
export function OutletForm({ outlet, onSaved }: { outlet?: MediaOutlet; onSaved: (outlet: MediaOutlet) => void }) {
  const { busy, error, run } = useSubmit();
  const form = useForm({
    initialValues: {
      name: outlet?.name ?? '',
      kind: (outlet?.kind ?? '') as OutletKind | '',
      contacts: (outlet?.contacts ?? []).map(({ name, position, email, phone }) => ({ name, position, email, phone })),
    },
    validate: zodValidate(outletInputSchema),
  });

  const submit = form.onSubmit(async (values) => {
    const input = { ...values, kind: values.kind as OutletKind };
    await run(async () => {
      onSaved(outlet ? await call('outlets.update', { outletId: outlet.id, outlet: input }) : await call('outlets.create', { outlet: input }));
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Nombre del medio" placeholder="Por ejemplo, Radio Oaxaca Noticias" withAsterisk {...form.getInputProps('name')} />
          <Select label="Tipo" placeholder="Elija…" data={KIND_OPTIONS} withAsterisk {...form.getInputProps('kind')} />
        </SimpleGrid>
        <Group justify="space-between">
          <Text fw={500} size="sm">
            Contactos
          </Text>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('contacts', { ...EMPTY_CONTACT })}>
            Agregar contacto
          </Button>
        </Group>
        {form.values.contacts.length === 0 && (
          <Text size="sm" c="dimmed">
            Sin contactos registrados. Agregue al menos a quien recibe los boletines.
          </Text>
        )}
        {form.values.contacts.map((_, index) => (
          <Card key={index} withBorder padding="sm" radius="sm" data-testid={`contact-${index}`}>
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <SimpleGrid cols={2} spacing="xs" style={{ flex: 1 }}>
                <TextInput label="Nombre" withAsterisk {...form.getInputProps(`contacts.${index}.name`)} />
                <TextInput label="Cargo" {...form.getInputProps(`contacts.${index}.position`)} />
                <TextInput label="Correo electrónico" type="email" {...form.getInputProps(`contacts.${index}.email`)} />
                <TextInput label="Teléfono" placeholder="951 501 5000 ext. 1234" {...form.getInputProps(`contacts.${index}.phone`)} />
              </SimpleGrid>
              <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Quitar contacto ${index + 1}`} onClick={() => form.removeListItem('contacts', index)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Card>
        ))}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {outlet ? 'Guardar cambios' : 'Registrar medio'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
