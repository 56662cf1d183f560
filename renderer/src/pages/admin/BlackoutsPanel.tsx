import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { BLACKOUT_EXCEPTION_LABELS, type Blackout } from '../../../../shared/domain/releases';
import { formatCivilDate } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';
import { officeTodayIso } from '../communication/account-form-values';
import { BlackoutFormModal } from './BlackoutFormModal';

/** Administración → Vedas: the periods in which government propaganda is held back, and what each still admits. */
export function BlackoutsPanel() {
  const { data, error, reload } = useLoad(() => call('blackouts.list', {}), []);
  const blackouts = data ?? [];
  const [editing, setEditing] = useState<Blackout | 'new' | null>(null);
  const today = officeTodayIso();

  const remove = (b: Blackout) =>
    modals.openConfirmModal({
      title: `¿Retirar el periodo de veda «${b.name}»?`,
      children: <Text size="sm">Las difusiones planeadas del {formatCivilDate(b.from)} al {formatCivilDate(b.to)} dejarán de necesitar una excepción. El registro del periodo se conserva como retirado.</Text>,
      labels: { confirm: 'Retirar', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('blackouts.remove', { blackoutId: b.id });
          notifications.show({ color: 'green', message: `Se retiró el periodo de veda «${b.name}».` });
          reload();
        } catch (e) {
          notifications.show({ color: 'red', title: 'No se pudo retirar', message: errorMessage(e) });
        }
      },
    });

  const status = (b: Blackout) => {
    if (b.removedAt) return { label: 'Retirada', color: 'gray' };
    if (b.to < today) return { label: 'Concluida', color: 'gray' };
    if (b.from <= today) return { label: 'En curso', color: 'red' };
    return { label: 'Programada', color: 'blue' };
  };

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} title="No se pudieron cargar los periodos de veda">
          {error}
        </Alert>
      )}
      <Group justify="space-between">
        <Text c="dimmed" size="sm" maw={720}>
          Durante una veda (por ejemplo, electoral) no se difunde propaganda gubernamental salvo las excepciones que el periodo admite. Dos periodos no pueden
          traslaparse.
        </Text>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          Nuevo periodo
        </Button>
      </Group>
      <Card withBorder padding={0} radius="md">
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="blackouts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Periodo</Table.Th>
              <Table.Th w={230}>Fechas</Table.Th>
              <Table.Th>Excepciones que admite</Table.Th>
              <Table.Th w={120}>Estado</Table.Th>
              <Table.Th w={190} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data && blackouts.length === 0 && <EmptyRow colSpan={5}>No hay periodos de veda registrados.</EmptyRow>}
            {blackouts.map((b) => {
              const s = status(b);
              return (
                <Table.Tr key={b.id} data-testid={`blackout-${b.name}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {b.name}
                    </Text>
                    {b.notes && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {b.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {formatCivilDate(b.from)} al {formatCivilDate(b.to)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {b.allowedExceptions.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        Ninguna
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {b.allowedExceptions.map((e) => (
                          <Text size="sm" key={e}>
                            {BLACKOUT_EXCEPTION_LABELS[e]}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.color} tt="none" styles={BADGE_FULL_WIDTH}>
                      {s.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {!b.removedAt && (
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(b)}>
                          Modificar
                        </Button>
                        <Button size="xs" variant="light" color="red" onClick={() => remove(b)}>
                          Retirar
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      {editing && (
        <BlackoutFormModal
          {...(editing !== 'new' ? { blackout: editing } : {})}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            notifications.show({ color: 'green', message: `Se guardó el periodo de veda «${saved.name}».` });
            setEditing(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
