import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { DATE_RULE_KINDS, DATE_RULE_KIND_LABELS, programmeDateInputSchema, type DateRule, type DateRuleKind, type ProgrammeDate } from '../../../../shared/domain/programme';
import { call } from '../../api/client';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { MONTH_OPTIONS, monthLabel } from './programme-ui';

/** «Agregar fecha»: a commemorative or recurring date and how it recurs; checked with the core's schema before the call. */
export function ProgrammeDateModal({ year, date, onClose, onDone }: { year: number; date: ProgrammeDate | null; onClose: () => void; onDone: () => void }) {
  const rule = date?.rule;
  const [title, setTitle] = useState(date?.title ?? '');
  const [note, setNote] = useState(date?.note ?? '');
  const [kind, setKind] = useState<DateRuleKind>(rule?.kind ?? 'anual');
  const [month, setMonth] = useState(String(rule?.kind === 'anual' ? rule.month : 1));
  const [day, setDay] = useState<number | string>(rule?.kind === 'anual' || rule?.kind === 'mensual' ? rule.day : 1);
  const thisYear = rule?.kind === 'movil' ? rule.dates.find((d) => d.year === year) : undefined;
  const [start, setStart] = useState<string | null>(thisYear?.start ?? null);
  const [end, setEnd] = useState<string | null>(thisYear?.end ?? null);
  const [rotation, setRotation] = useState<string[]>(Array.from({ length: 12 }, (_, i) => (rule?.kind === 'rotativa' ? (rule.entries.find((e) => e.month === i + 1)?.label ?? '') : '')));
  const { busy, error, setError, run } = useSubmit();

  const ruleOf = (): DateRule => {
    switch (kind) {
      case 'anual':
        return { kind, month: Number(month), day: Number(day) };
      case 'mensual':
        return { kind, day: Number(day) };
      case 'movil':
        return { kind, dates: start || end ? [{ year, start: start ?? '', end: end ?? start ?? '' }] : [] };
      case 'rotativa':
        return { kind, entries: rotation.flatMap((label, i) => (label.trim() ? [{ month: i + 1, label: label.trim() }] : [])) };
    }
  };

  const submit = () => {
    const input = { title, note, rule: ruleOf() };
    const checked = programmeDateInputSchema.safeParse(input);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Revise los datos.');
    return run(async () => {
      await call('programme.saveDate', { year, ...(date ? { dateId: date.id } : {}), date: input });
      onDone();
    });
  };

  return (
    <Modal opened onClose={onClose} title={date ? 'Modificar fecha' : 'Agregar fecha'} size="lg" centered>
      <Stack gap="sm">
        <TextInput label="Nombre de la fecha" withAsterisk value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Textarea label="Acción" description="Qué hace la oficina ese día, por ejemplo «Publicación en redes sociales»." autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Select label="Cómo se repite" data={DATE_RULE_KINDS.map((k) => ({ value: k, label: DATE_RULE_KIND_LABELS[k] }))} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v as DateRuleKind)} />
        {kind === 'anual' && (
          <Group grow>
            <Select label="Mes" data={MONTH_OPTIONS} value={month} allowDeselect={false} onChange={(v) => v && setMonth(v)} />
            <NumberInput label="Día" min={1} max={31} allowDecimal={false} value={day} onChange={setDay} description="El 29 de febrero sólo aparece en años bisiestos." />
          </Group>
        )}
        {kind === 'mensual' && <NumberInput label="Día de cada mes" min={1} max={31} allowDecimal={false} value={day} onChange={setDay} description="En un mes que no tiene ese día (el 31 en abril, el 30 en febrero), la fecha cae en su último día." w={260} />}
        {kind === 'movil' && (
          <>
            <Text size="sm">Fechas de {year}. Déjelas vacías si aún no se conocen: la fecha aparece «por definir» y no entra al calendario.</Text>
            <Group grow>
              <DateInput label="Primer día" {...DATE_INPUT_PROPS} value={start} onChange={setStart} />
              <DateInput label="Último día" {...DATE_INPUT_PROPS} value={end} onChange={setEnd} />
            </Group>
          </>
        )}
        {kind === 'rotativa' && (
          <>
            <Text size="sm">A quién o dónde toca cada mes; un mes vacío no tiene cobertura. Abarca el mes completo.</Text>
            <SimpleGrid cols={3} spacing="xs">
              {rotation.map((label, i) => (
                <TextInput key={i} label={monthLabel(i + 1)} size="xs" value={label} onChange={(e) => setRotation(rotation.map((x, j) => (j === i ? e.currentTarget.value : x)))} />
              ))}
            </SimpleGrid>
          </>
        )}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            Guardar fecha
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
