import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ACTIVITY_TIMINGS, ACTIVITY_TIMING_LABELS, activityInputSchema, type ActivityTiming, type ProgrammeActivity } from '../../../../shared/domain/programme';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** «Agregar actividad» / «Modificar actividad»: checked with the core's own schema before the call. */
export function ActivityModal({ year, activity, onClose, onDone }: { year: number; activity: ProgrammeActivity | null; onClose: () => void; onDone: () => void }) {
  const [name, setName] = useState(activity?.activity ?? '');
  const [strategy, setStrategy] = useState(activity?.strategy ?? '');
  const [results, setResults] = useState(activity?.expectedResults.join('\n') ?? '');
  const [timing, setTiming] = useState<ActivityTiming>(activity?.timing ?? 'permanente');
  const [dates, setDates] = useState(activity?.dates.map((d) => d.split('-').reverse().join('/')).join(', ') ?? '');
  const { busy, error, setError, run } = useSubmit();

  const submit = () => {
    const typed = dates
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((d) => {
        const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d);
        return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : d;
      });
    const input = { activity: name, strategy, expectedResults: lines(results), timing, dates: timing === 'fechas' ? typed : [] };
    const checked = activityInputSchema.safeParse(input);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Revise los datos.');
    return run(async () => {
      await call('programme.saveActivity', { year, ...(activity ? { activityId: activity.id } : {}), activity: input });
      onDone();
    });
  };

  return (
    <Modal opened onClose={onClose} title={activity ? 'Modificar actividad' : 'Agregar actividad'} size="lg" centered>
      <Stack gap="sm">
        <TextInput label="Actividad" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Textarea label="Estrategia" autosize minRows={2} value={strategy} onChange={(e) => setStrategy(e.currentTarget.value)} />
        <Textarea label="Resultados esperados" description="Uno por renglón." autosize minRows={2} value={results} onChange={(e) => setResults(e.currentTarget.value)} />
        <Select label="Tiempo" data={ACTIVITY_TIMINGS.map((t) => ({ value: t, label: ACTIVITY_TIMING_LABELS[t] }))} value={timing} allowDeselect={false} onChange={(v) => v && setTiming(v as ActivityTiming)} />
        {timing === 'fechas' && <TextInput label="Fechas" description="dd/mm/aaaa, separadas por comas." withAsterisk value={dates} onChange={(e) => setDates(e.currentTarget.value)} />}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            Guardar actividad
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
