import { Badge, Button, Card, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { CHANNEL_LABELS, FREQUENCY_LABELS } from '../../../../shared/domain/agencies';
import type { ReportsOverview } from '../../../../shared/domain/directory-views';
import { ObligationForm } from './ObligationForm';

export function ObligationsTab({ overview, isAdmin, onSaved }: { overview: ReportsOverview; isAdmin: boolean; onSaved: () => void }) {
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
