import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProgrammeDate } from '../../../../shared/domain/programme';
import type { ProgrammeView } from '../../../../shared/domain/programme-views';
import { call } from '../../api/client';
import { EmptyRow } from '../../components/EmptyRow';
import { ExampleBadge } from './ExampleBadge';
import { ProgrammeDateModal } from './ProgrammeDateModal';
import { RowActions } from './RowActions';
import { confirmRemoval } from './programme-ui';

/** The programme's recurring dates: yearly, monthly, movable and rotating. */
export function ProgrammeDatesCard({ view, canChange, onChanged }: { view: ProgrammeView; canChange: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState<ProgrammeDate | 'new' | null>(null);
  const year = view.programme.year;
  return (
    <Card withBorder radius="md" padding={0}>
      <Group justify="space-between" p="md">
        <Title order={2} size="h4">
          Fechas del programa
        </Title>
        {canChange && (
          <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Agregar fecha
          </Button>
        )}
      </Group>
      <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="programme-dates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Fecha</Table.Th>
            <Table.Th>Cuándo</Table.Th>
            <Table.Th>Acción</Table.Th>
            {canChange && <Table.Th w={80} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.programme.dates.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {d.title}
                </Text>
                <ExampleBadge example={d.example} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{view.ruleTexts[d.id]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.note || '—'}</Text>
              </Table.Td>
              {canChange && (
                <Table.Td>
                  <RowActions label={`la fecha ${d.title}`} onEdit={() => setEditing(d)} onRemove={() => confirmRemoval('¿Eliminar la fecha?', `Se elimina «${d.title}» del programa ${year}.`, () => call('programme.removeDate', { year, dateId: d.id }), onChanged)} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {view.programme.dates.length === 0 && <EmptyRow colSpan={canChange ? 4 : 3}>El programa de {year} no tiene fechas.</EmptyRow>}
        </Table.Tbody>
      </Table>
      {editing && (
        <ProgrammeDateModal
          year={year}
          date={editing === 'new' ? null : editing}
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
