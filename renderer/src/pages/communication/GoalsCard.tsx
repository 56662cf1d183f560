import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { GOAL_PERIOD_LABELS, PROGRAMME_RELEASE_KIND_LABELS, type ProgrammeGoal } from '../../../../shared/domain/programme';
import type { ProgrammeView } from '../../../../shared/domain/programme-views';
import { call } from '../../api/client';
import { EmptyRow } from '../../components/EmptyRow';
import { ExampleBadge } from './ExampleBadge';
import { GoalModal } from './GoalModal';
import { RowActions } from './RowActions';
import { confirmRemoval } from './programme-ui';

/** The goals counted per period against the releases (Cumplimiento). */
export function GoalsCard({ view, canChange, onChanged }: { view: ProgrammeView; canChange: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState<ProgrammeGoal | 'new' | null>(null);
  const year = view.programme.year;
  return (
    <Card withBorder radius="md" padding={0}>
      <Group justify="space-between" p="md">
        <Title order={2} size="h4">
          Metas
        </Title>
        {canChange && (
          <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Agregar meta
          </Button>
        )}
      </Group>
      <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="programme-goals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={260}>Meta</Table.Th>
            <Table.Th>Descripción</Table.Th>
            {canChange && <Table.Th w={80} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.programme.goals.map((g) => {
            const label = `${g.count} × ${PROGRAMME_RELEASE_KIND_LABELS[g.kind]} ${GOAL_PERIOD_LABELS[g.period]}`;
            return (
              <Table.Tr key={g.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {label}
                  </Text>
                  <ExampleBadge example={g.example} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{g.description || '—'}</Text>
                </Table.Td>
                {canChange && (
                  <Table.Td>
                    <RowActions label={`la meta ${label}`} onEdit={() => setEditing(g)} onRemove={() => confirmRemoval('¿Eliminar la meta?', `Se elimina la meta «${label}» del programa ${year}.`, () => call('programme.removeGoal', { year, goalId: g.id }), onChanged)} />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
          {view.programme.goals.length === 0 && <EmptyRow colSpan={canChange ? 3 : 2}>El programa de {year} no tiene metas.</EmptyRow>}
        </Table.Tbody>
      </Table>
      {editing && (
        <GoalModal
          year={year}
          goal={editing === 'new' ? null : editing}
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
