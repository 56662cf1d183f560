import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { DATE_STATUS_LABELS, GOAL_PERIOD_LABELS, PROGRAMME_RELEASE_KIND_LABELS, formatDay, type DateStatus } from '../../../../shared/domain/programme';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { PageHeader } from '../../components/PageHeader';
import { YearMonthPicker } from './YearMonthPicker';
import { monthLabel, officeYearMonth, saveDownload } from './programme-ui';

const STATUS_COLORS: Record<DateStatus, string> = { cumplida: 'green', planeada: 'blue', sin_difusion: 'red', proxima: 'gray' };

/** Comunicación Social → «Cumplimiento»: the goals against the releases counted, and each programme date against what was published for it. */
export function CompliancePage() {
  const [{ year, month }, setShown] = useState<{ year: number; month: number | null }>(officeYearMonth());
  const { data, error } = useLoad(() => call('programme.report', { year, month }), [year, month]);
  const [busy, setBusy] = useState<'pdf' | 'csv' | null>(null);
  const download = async (what: 'pdf' | 'csv') => {
    setBusy(what);
    await saveDownload(() => call(what === 'pdf' ? 'programme.reportPdf' : 'programme.reportCsv', { year, month }));
    setBusy(null);
  };
  const period = month === null ? `el año ${year}` : `${monthLabel(month).toLowerCase()} de ${year}`;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Cumplimiento del programa"
        description="Lo planeado contra lo hecho: las metas de difusión contra las difusiones publicadas, y cada fecha del programa contra lo que se publicó para ella."
        actions={
          <>
            <Button variant="default" leftSection={<IconFileTypePdf size={18} />} loading={busy === 'pdf'} onClick={() => void download('pdf')}>
              Descargar PDF
            </Button>
            <Button variant="default" leftSection={<IconFileTypeCsv size={18} />} loading={busy === 'csv'} onClick={() => void download('csv')}>
              Descargar CSV
            </Button>
          </>
        }
      />
      <YearMonthPicker year={year} month={month} allowWholeYear onChange={(y, m) => setShown({ year: y, month: m })} />
      {error && <Alert color="red">{error}</Alert>}
      {data && !data.hasProgramme && <Alert color="gray">No hay programa registrado para {year}: no hay metas ni fechas que comparar.</Alert>}
      {data && (
        <Text size="sm" c="dimmed">
          Periodo: {period} ({formatDay(data.from)} al {formatDay(data.to)}), con corte al {formatDay(data.today)}. Las difusiones se cuentan por el día en que se publicaron.
        </Text>
      )}
      {data && (
        <Card withBorder radius="md" padding={0}>
          <Title order={2} size="h4" p="md">
            Metas
          </Title>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="compliance-goals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Meta</Table.Th>
                <Table.Th w={100} ta="right">
                  Esperadas
                </Table.Th>
                <Table.Th w={100} ta="right">
                  Publicadas
                </Table.Th>
                <Table.Th w={100} ta="right">
                  Planeadas
                </Table.Th>
                <Table.Th w={240}>Estado</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.goals.map((g) => (
                <Table.Tr key={g.goalId}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {g.count} × {PROGRAMME_RELEASE_KIND_LABELS[g.kind]} {GOAL_PERIOD_LABELS[g.period]}
                    </Text>
                    {g.description && (
                      <Text size="xs" c="dimmed">
                        {g.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{g.expected}</Table.Td>
                  <Table.Td ta="right">{g.published}</Table.Td>
                  <Table.Td ta="right">{g.planned}</Table.Td>
                  <Table.Td>
                    <Badge color={g.met ? 'green' : 'red'} variant="light" tt="none">
                      {g.met ? 'Cumplida' : 'No cumplida'}
                    </Badge>
                    {g.monthsMet !== null && (
                      <Text size="xs" c="dimmed">
                        {g.monthsMet} de {g.monthsCounted} meses transcurridos
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {data.goals.length === 0 && <EmptyRow colSpan={5}>El programa no tiene metas.</EmptyRow>}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {data && (
        <Card withBorder radius="md" padding={0}>
          <Title order={2} size="h4" p="md">
            Fechas del programa
          </Title>
          <Table verticalSpacing="xs" horizontalSpacing="md" striped data-testid="compliance-dates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Fecha del programa</Table.Th>
                <Table.Th w={220}>Día</Table.Th>
                <Table.Th w={160}>Estado</Table.Th>
                <Table.Th w={200}>Difusiones</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.dates.map((d) => (
                <Table.Tr key={`${d.dateId}-${d.start}`}>
                  <Table.Td>
                    <Text size="sm">{d.label ? `${d.title} - ${d.label}` : d.title}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.label !== null ? `Todo el mes` : d.start === d.end ? formatDay(d.start) : `${formatDay(d.start)} al ${formatDay(d.end)}`}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[d.status]} variant="light" tt="none">
                      {DATE_STATUS_LABELS[d.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.releases.join(', ') || '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              {data.dates.length === 0 && <EmptyRow colSpan={4}>El programa no tiene fechas en este periodo.</EmptyRow>}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {data && (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Difusiones publicadas en el periodo:
          </Text>
          {data.publishedByKind.length === 0 ? (
            <Text size="sm" c="dimmed">
              ninguna.
            </Text>
          ) : (
            data.publishedByKind.map((k) => (
              <Badge key={k.kind} variant="light" tt="none">
                {PROGRAMME_RELEASE_KIND_LABELS[k.kind]}: {k.count}
              </Badge>
            ))
          )}
        </Group>
      )}
    </Stack>
  );
}
