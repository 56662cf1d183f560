import { ActionIcon, Checkbox, Group, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { type UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import type { Values } from './handoff-values';

/** Every seal of the package, intact by default; a damaged one asks what was seen. */
export function SealsFields({ form, addable }: { form: UseFormReturnType<Values>; addable: boolean }) {
  const seals = form.values.seals;
  return (
    <Stack gap={6}>
      <Text fw={500} size="sm">
        Sellos
      </Text>
      {seals.length === 0 && !addable && (
        <Text size="sm" c="dimmed">
          El envío no tiene sellos registrados.
        </Text>
      )}
      {seals.map((seal, index) => (
        <Group key={seal.number} align="flex-start" gap="sm" wrap="nowrap" data-testid={`seal-${seal.number}`}>
          <Text size="sm" ff="monospace" w={140} mt={6}>
            {seal.number}
          </Text>
          <Checkbox label="Íntegro" mt={6} {...form.getInputProps(`seals.${index}.intact`, { type: 'checkbox' })} />
          {!seal.intact && <TextInput aria-label={`Estado del sello ${seal.number}`} placeholder="¿Qué se observó? (roto, despegado, con otra cinta…)" style={{ flex: 1 }} {...form.getInputProps(`seals.${index}.description`)} />}
          {addable && (
            <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Quitar sello ${seal.number}`} onClick={() => form.removeListItem('seals', index)}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {addable && (
        <TagsInput
          label="Agregar sellos colocados"
          description="Escriba cada número y pulse Intro."
          value={[]}
          onChange={(added) => {
            const have = new Set(seals.map((s) => s.number.toUpperCase()));
            for (const number of added) if (!have.has(number.toUpperCase())) form.insertListItem('seals', { number, intact: true, description: '' });
          }}
        />
      )}
    </Stack>
  );
}
