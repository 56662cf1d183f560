import { Button, Group, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { CHANNEL_LABELS, FREQUENCIES, FREQUENCY_LABELS, obligationInputSchema, SHIPMENT_CHANNELS, type Frequency, type ShipmentChannel } from '../../../../shared/domain/agencies';
import type { ReportsOverview } from '../../../../shared/domain/directory-views';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';
import { FormError } from '../../forms/FormError';

export function ObligationForm({ overview, onSaved }: { overview: ReportsOverview; onSaved: () => void }) {
  const { data: agencies } = useLoad(() => call('agencies.list', {}), []);
  const { busy, error, run } = useSubmit();
  const form = useForm({
    initialValues: { reportId: '', beneficiaryAgencyId: '', frequency: 'mensual' as Frequency, dueDay: 10 as number | string, usualChannel: 'oficio' as ShipmentChannel, startsOn: null as string | null },
    validate: (v) => zodValidate(obligationInputSchema)({ ...v, dueDay: Number(v.dueDay), startsOn: v.startsOn ?? '' }),
  });
  const submit = form.onSubmit((v) =>
    run(async () => {
      await call('reports.saveObligation', { obligation: { ...v, dueDay: Number(v.dueDay), startsOn: v.startsOn ?? '' } });
      onSaved();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select label="Reporte" withAsterisk searchable data={overview.reports.map((r) => ({ value: r.id, label: r.name }))} {...form.getInputProps('reportId')} />
        <Select label="Dependencia beneficiaria" withAsterisk searchable data={(agencies ?? []).map(({ agency }) => ({ value: agency.id, label: `${agency.acronym} · ${agency.name}` }))} {...form.getInputProps('beneficiaryAgencyId')} />
        <SimpleGrid cols={3}>
          <Select label="Periodicidad" withAsterisk data={FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))} {...form.getInputProps('frequency')} />
          <NumberInput label="Día de entrega" description="Del mes siguiente al cierre" withAsterisk min={1} max={31} allowDecimal={false} {...form.getInputProps('dueDay')} />
          <Select label="Canal habitual" withAsterisk data={SHIPMENT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} {...form.getInputProps('usualChannel')} />
        </SimpleGrid>
        <DateInput label="Primer periodo que se debe" description="Fecha dentro del primer periodo a entregar" withAsterisk {...DATE_INPUT_PROPS} {...form.getInputProps('startsOn')} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            Guardar obligación
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
