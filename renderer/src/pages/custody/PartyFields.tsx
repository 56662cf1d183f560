import { useRef } from 'react';
import { Autocomplete, Fieldset, Stack, TextInput } from '@mantine/core';
import { type UseFormReturnType } from '@mantine/form';
import type { Values } from './handoff-values';

export function PartyFields({ form, side, title, names, onPick }: { form: UseFormReturnType<Values>; side: 'from' | 'to'; title: string; names: string[]; onPick: (name: string) => void }) {
  const name = form.getInputProps(`${side}.name`);
  // Position, institution and ID belong to the person they were filled for:
  // typing another name must not leave someone else's details behind.
  const filledFor = useRef(form.values[side].name);
  const onNameChange = (value: string) => {
    if (filledFor.current && value !== filledFor.current) {
      form.setFieldValue(side, { name: value, position: '', institution: '', identification: '' });
      filledFor.current = '';
    } else form.setFieldValue(`${side}.name`, value);
  };
  const pick = (value: string) => {
    onPick(value);
    filledFor.current = form.getValues()[side].position || form.getValues()[side].institution ? value : '';
  };
  return (
    <Fieldset legend={title} variant="filled" radius="md">
      <Stack gap={6}>
        <Autocomplete label="Nombre" withAsterisk data={names} limit={8} {...name} onChange={onNameChange} onOptionSubmit={pick} />
        {/* One per line: positions and institutions are long («Director de Estadística», «Centro Nacional de Información»). */}
        <TextInput label="Cargo" {...form.getInputProps(`${side}.position`)} />
        <TextInput label="Institución" {...form.getInputProps(`${side}.institution`)} />
        {side === 'to' && <TextInput label="Identificación que presentó" placeholder="INE, gafete, núm. de empleado…" {...form.getInputProps('to.identification')} />}
      </Stack>
    </Fieldset>
  );
}
