import { Button, Card, Group, List, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ACTIVITY_TIMING_LABELS, formatDay, type ProgrammeActivity } from '../../../../shared/domain/programme';
import type { ProgrammeView } from '../../../../shared/domain/programme-views';
import { call } from '../../api/client';
import { EmptyRow } from '../../components/EmptyRow';
import { ActivityModal } from './ActivityModal';
import { ExampleBadge } from './ExampleBadge';
import { RowActions } from './RowActions';
import { confirmRemoval } from './programme-ui';

/** «Programa de actividades»: activity, strategy, expected results and timing. */
export function ActivitiesCard({ view, canChange, onChanged }: { view: ProgrammeView; canChange: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState<ProgrammeActivity | 'new' | null>(null);
  const year = view.programme.year;
  return (
    <Card withBorder radius="md" padding={0}>
      <Group justify="space-between" p="md">
        <Title order={2} size="h4">
          Actividades
        </Title>
        {canChange && (
          <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Agregar actividad
          </Button>
        )}
      </Group>
      <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="programme-activities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Actividad</Table.Th>
            <Table.Th>Estrategia</Table.Th>
            <Table.Th>Resultado esperado</Table.Th>
            <Table.Th w={140}>Tiempo</Table.Th>
            {canChange && <Table.Th w={80} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.programme.activities.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {a.activity}
                </Text>
                <ExampleBadge example={a.example} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.strategy || '—'}</Text>
              </Table.Td>
              <Table.Td>
                {a.expectedResults.length === 0 ? (
                  '—'
                ) : (
                  <List size="sm" spacing={2}>
                    {a.expectedResults.map((r) => (
                      <List.Item key={r}>{r}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ACTIVITY_TIMING_LABELS[a.timing]}</Text>
                {a.dates.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {a.dates.map(formatDay).join(', ')}
                  </Text>
                )}
              </Table.Td>
              {canChange && (
                <Table.Td>
                  <RowActions
                    label={`la actividad ${a.activity}`}
                    onEdit={() => setEditing(a)}
                    onRemove={() => confirmRemoval('¿Eliminar la actividad?', `Se elimina «${a.activity}» del programa ${year}.`, () => call('programme.removeActivity', { year, activityId: a.id }), onChanged)}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {view.programme.activities.length === 0 && <EmptyRow colSpan={canChange ? 5 : 4}>El programa de {year} no tiene actividades.</EmptyRow>}
        </Table.Tbody>
      </Table>
      {editing && (
        <ActivityModal
          year={year}
          activity={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
