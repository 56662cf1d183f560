import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { BLACKOUT_EXCEPTION_LABELS, BLACKOUT_EXCEPTIONS, blackoutInputSchema, type Blackout, type BlackoutException } from '../../../../shared/domain/releases';
import { call } from '../../api/client';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { assertValid } from '../../forms/first-issue';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';

/** Register or edit a blackout period: its name, both days (inclusive) and the exceptions it admits. The core refuses one that overlaps another. */
export function BlackoutFormModal({ blackout, onClose, onSaved }: { blackout?: Blackout; onClose: () => void; onSaved: (saved: Blackout) => void }) {
  const [name, setName] = useState(blackout?.name ?? '');
  const [from, setFrom] = useState<string | null>(blackout?.from ?? null);
  const [to, setTo] = useState<string | null>(blackout?.to ?? null);
  const [allowed, setAllowed] = useState<string[]>(blackout?.allowedExceptions ?? []);
  const [notes, setNotes] = useState(blackout?.notes ?? '');
  const { busy, error, setError, run } = useSubmit();

  const submit = () => {
    if (!from || !to) return setError('Indique el primer y el último día de la veda.');
    void run(async () => {
      const input = { name, from, to, allowedExceptions: allowed as BlackoutException[], notes };
      assertValid(blackoutInputSchema, input);
      const saved = await call('blackouts.save', { ...(blackout ? { blackoutId: blackout.id } : {}), blackout: input });
      onSaved(saved);
    });
  };

  return (
    <Modal opened onClose={onClose} title={blackout ? 'Modificar periodo de veda' : 'Nuevo periodo de veda'} size="lg" centered>
      <Stack gap="sm">
        <TextInput label="Nombre" placeholder="Proceso electoral local 2027" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <SimpleGrid cols={2} spacing="sm">
          <DateInput label="Desde" description="Primer día, incluido" withAsterisk {...DATE_INPUT_PROPS} value={from} onChange={setFrom} />
          <DateInput label="Hasta" description="Último día, incluido" withAsterisk {...DATE_INPUT_PROPS} value={to} onChange={setTo} />
        </SimpleGrid>
        <Checkbox.Group label="Excepciones que admite" description="Lo que sí puede difundirse durante la veda (Constitución, art. 41, base III, apartado C): una difusión planeada dentro de ella necesita una de estas excepciones para autorizarse y publicarse." value={allowed} onChange={setAllowed}>
          <Stack gap={6} mt={6}>
            {BLACKOUT_EXCEPTIONS.map((e) => (
              <Checkbox key={e} value={e} label={BLACKOUT_EXCEPTION_LABELS[e]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea label="Notas" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button loading={busy} onClick={submit}>
            Guardar
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
