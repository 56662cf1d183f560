import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { GOAL_PERIODS, GOAL_PERIOD_LABELS, PROGRAMME_RELEASE_KINDS, PROGRAMME_RELEASE_KIND_LABELS, goalInputSchema, type GoalPeriod, type ProgrammeGoal, type ProgrammeReleaseKind } from '../../../../shared/domain/programme';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';

/** «Agregar meta»: how many releases of a kind, per month or per year («al menos dos boletines mensuales»). */
export function GoalModal({ year, goal, onClose, onDone }: { year: number; goal: ProgrammeGoal | null; onClose: () => void; onDone: () => void }) {
  const [kind, setKind] = useState<ProgrammeReleaseKind>(goal?.kind ?? 'boletin');
  const [count, setCount] = useState<number | string>(goal?.count ?? 2);
  const [period, setPeriod] = useState<GoalPeriod>(goal?.period ?? 'mes');
  const [description, setDescription] = useState(goal?.description ?? '');
  const { busy, error, setError, run } = useSubmit();
  const submit = () => {
    const input = { kind, count: Number(count), period, description };
    const checked = goalInputSchema.safeParse(input);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Revise los datos.');
    return run(async () => {
      await call('programme.saveGoal', { year, ...(goal ? { goalId: goal.id } : {}), goal: input });
      onDone();
    });
  };
  return (
    <Modal opened onClose={onClose} title={goal ? 'Modificar meta' : 'Agregar meta'} centered>
      <Stack gap="sm">
        <Select label="Tipo de difusión" data={PROGRAMME_RELEASE_KINDS.map((k) => ({ value: k, label: PROGRAMME_RELEASE_KIND_LABELS[k] }))} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v as ProgrammeReleaseKind)} />
        <Group grow>
          <NumberInput label="Cantidad" min={1} max={1000} allowDecimal={false} withAsterisk value={count} onChange={setCount} />
          <Select label="Periodo" data={GOAL_PERIODS.map((p) => ({ value: p, label: GOAL_PERIOD_LABELS[p] }))} value={period} allowDeselect={false} onChange={(v) => v && setPeriod(v as GoalPeriod)} />
        </Group>
        <TextInput label="Descripción" description="Por ejemplo, la propuesta del programa de la que sale la meta." value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            Guardar meta
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
