import { Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { type PeriodStatus } from '../../../../shared/domain/agencies';
import type { ReportsOverview } from '../../../../shared/domain/directory-views';
import { formatCivilDate } from '../../../../shared/format/date';
import { PeriodStatusBadge } from '../../components/status-badges';
import { EmptyRow } from '../../components/EmptyRow';

export function PeriodsTable({ overview }: { overview: ReportsOverview }) {
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
