import { Button, Card, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReportsOverview } from '../../../../shared/domain/directory-views';
import { ReportForm } from './ReportForm';

export function CatalogueTab({ overview, isAdmin, onSaved }: { overview: ReportsOverview; isAdmin: boolean; onSaved: () => void }) {
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
