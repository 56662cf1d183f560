import { Alert, Badge, Button, Card, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import {
  CHANNEL_LABELS,
  FREQUENCIES,
  FREQUENCY_LABELS,
  obligationInputSchema,
  reportInputSchema,
  SHIPMENT_CHANNELS,
  type Frequency,
  type PeriodStatus,
  type ShipmentChannel,
} from '../../../../shared/domain/agencies';
import type { ReportsOverview } from '../../../../shared/domain/directory-views';
import { formatCivilDate } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { PageHeader } from '../../components/PageHeader';
import { PeriodStatusBadge } from '../../components/status-badges';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';
import { useIsAdmin } from '../../stores/session-store';
import { FormError } from '../../forms/FormError';
import { EmptyRow } from '../../components/EmptyRow';

export function ReportsPage() {
  const isAdmin = useIsAdmin();
  const { data, error, reload } = useLoad(() => call('reports.overview', {}), []);
  const [busy, setBusy] = useState(false);

  const loadExample = async () => {
    setBusy(true);
    try {
      const counts = await call('reports.loadExample', {});
      notifications.show({ color: 'green', title: 'Catálogo de ejemplo cargado', message: `${counts.reports} reportes, ${counts.obligations} obligaciones y ${counts.agencies} dependencias de la directiva 1.2.8 del C4 Oaxaca.` });
      reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const removeExample = () =>
    modals.openConfirmModal({
      title: '¿Retirar los datos de ejemplo?',
      children: <Text size="sm">Se quitan los reportes, obligaciones, dependencias y convenios marcados como ejemplo. Lo que usted registró no se toca.</Text>,
      labels: { confirm: 'Retirar ejemplo', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          const counts = await call('reports.removeExample', {});
          notifications.show({ color: 'green', message: `Se retiraron ${counts.reports} reportes, ${counts.obligations} obligaciones y ${counts.agencies} dependencias de ejemplo.` });
          reload();
        } catch (e) {
          notifications.show({ color: 'red', message: errorMessage(e) });
        }
      },
    });

  return (
    <Stack gap="lg">
      <PageHeader
        title="Reportes periódicos"
        description="Reportes analíticos que la oficina entrega cada mes, trimestre, semestre o año, y su calendario de entregas."
        actions={
          isAdmin &&
          data &&
          (data.hasExampleData ? (
            <Button variant="default" color="red" leftSection={<IconTrash size={18} />} onClick={removeExample}>
              Retirar datos de ejemplo
            </Button>
          ) : (
            <Button variant="default" leftSection={<IconDatabaseImport size={18} />} loading={busy} onClick={() => void loadExample()}>
              Cargar catálogo de ejemplo
            </Button>
          ))
        }
      />
      {error && <Alert color="red">{error}</Alert>}
      {data && (
        <Tabs defaultValue="calendario" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="calendario">Calendario</Tabs.Tab>
            <Tabs.Tab value="obligaciones">Obligaciones ({data.obligations.length})</Tabs.Tab>
            <Tabs.Tab value="catalogo">Catálogo ({data.reports.length})</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="calendario" pt="md">
            <PeriodsTable overview={data} />
          </Tabs.Panel>
          <Tabs.Panel value="obligaciones" pt="md">
            <ObligationsTab overview={data} isAdmin={isAdmin} onSaved={reload} />
          </Tabs.Panel>
          <Tabs.Panel value="catalogo" pt="md">
            <CatalogueTab overview={data} isAdmin={isAdmin} onSaved={reload} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function PeriodsTable({ overview }: { overview: ReportsOverview }) {
  const [status, setStatus] = useState<'todos' | PeriodStatus>('todos');
  const rows = useMemo(() => overview.periods.filter((p) => status === 'todos' || p.status === status).slice(0, 200), [overview, status]);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Hoy es {formatCivilDate(overview.today)}. Cada periodo se entrega el día indicado del mes siguiente a su cierre.
        </Text>
        <SegmentedControl
          size="xs"
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={[
            { value: 'todos', label: 'Todos' },
            { value: 'pendiente', label: 'Pendientes' },
            { value: 'vencido', label: 'Vencidos' },
            { value: 'entregado', label: 'Entregados' },
          ]}
        />
      </Group>
      <Card withBorder padding={0} radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reporte</Table.Th>
              <Table.Th w={110}>Beneficiario</Table.Th>
              <Table.Th w={190}>Periodo</Table.Th>
              <Table.Th w={110}>Entrega</Table.Th>
              <Table.Th w={110}>Estado</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={`${p.obligationId}:${p.key}`}>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {p.reportName}
                  </Text>
                </Table.Td>
                <Table.Td>{p.beneficiaryAcronym}</Table.Td>
                <Table.Td>{p.label}</Table.Td>
                <Table.Td>{formatCivilDate(p.due)}</Table.Td>
                <Table.Td>
                  <PeriodStatusBadge status={p.status} />
                </Table.Td>
              </Table.Tr>
            ))}
            {rows.length === 0 && (
              <EmptyRow colSpan={5}>
                    {overview.obligations.length === 0 ? 'No hay obligaciones registradas. Registre una o cargue el catálogo de ejemplo.' : 'No hay periodos con ese estado.'}
</EmptyRow>
            )}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function ObligationsTab({ overview, isAdmin, onSaved }: { overview: ReportsOverview; isAdmin: boolean; onSaved: () => void }) {
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      {isAdmin && (
        <Group justify="flex-end">
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} disabled={overview.reports.length === 0}>
            Nueva obligación
          </Button>
        </Group>
      )}
      <Card withBorder padding={0} radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reporte</Table.Th>
              <Table.Th>Beneficiario</Table.Th>
              <Table.Th>Periodicidad</Table.Th>
              <Table.Th>Día de entrega</Table.Th>
              <Table.Th>Canal habitual</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.obligations.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {o.reportName}
                  </Text>
                  {o.example && (
                    <Badge size="xs" color="grape" variant="light" tt="none">
                      Ejemplo
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{o.beneficiary?.acronym ?? '—'}</Table.Td>
                <Table.Td>{FREQUENCY_LABELS[o.frequency]}</Table.Td>
                <Table.Td>{o.dueDay}</Table.Td>
                <Table.Td>{CHANNEL_LABELS[o.usualChannel]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Nueva obligación de reporte" size="lg" centered>
        {creating && (
          <ObligationForm
            overview={overview}
            onSaved={() => {
              setCreating(false);
              onSaved();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ObligationForm({ overview, onSaved }: { overview: ReportsOverview; onSaved: () => void }) {
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

function CatalogueTab({ overview, isAdmin, onSaved }: { overview: ReportsOverview; isAdmin: boolean; onSaved: () => void }) {
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      {isAdmin && (
        <Group justify="flex-end">
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
            Nuevo reporte
          </Button>
        </Group>
      )}
      <Card withBorder padding={0} radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reporte</Table.Th>
              <Table.Th w={200}>Área que lo genera</Table.Th>
              <Table.Th w={150}>Uso</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.reports.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm">{r.name}</Text>
                  {r.description && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {r.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.producingArea}</Table.Td>
                <Table.Td>{[r.internal && 'Interno', r.external && 'Externo'].filter(Boolean).join(' y ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Nuevo reporte del catálogo" size="lg" centered>
        {creating && (
          <ReportForm
            onSaved={() => {
              setCreating(false);
              onSaved();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ReportForm({ onSaved }: { onSaved: () => void }) {
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
