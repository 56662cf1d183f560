import { Badge, Button, Group, Paper, Table, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconLock, IconPrinter } from '@tabler/icons-react';
import { INCIDENT_KIND_LABELS, INCIDENT_STEP_LABELS, INCIDENT_STEPS, type AccountIncident, type IncidentStep } from '../../../../shared/domain/social-accounts';
import { formatDateTime } from '../../../../shared/format/date';

/** One incident: what happened, and its protocol as a checklist with each step's time and who recorded it. */
export function IncidentItem({ incident, number, printing, onStep, onPrint }: { incident: AccountIncident; number: number; printing: boolean; onStep: (step: IncidentStep) => void; onPrint: () => void }) {
  const open = !incident.steps.cerrado;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`incident-${number}`}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Group gap="xs">
            <Text fw={700}>
              Incidente {number}: {INCIDENT_KIND_LABELS[incident.kind]}
            </Text>
            {open ? (
              <Badge color="red" variant="filled" tt="none" data-testid="incident-status">
                Abierto
              </Badge>
            ) : (
              <Badge color="gray" variant="light" tt="none" data-testid="incident-status">
                Cerrado
              </Badge>
            )}
          </Group>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
            {incident.description}
          </Text>
          <Text size="xs" c="dimmed">
            Lo registró {incident.openedBy}.
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={printing} onClick={onPrint}>
            Imprimir reporte
          </Button>
          {open && (
            <Button size="xs" color="red" variant="light" leftSection={<IconLock size={14} />} onClick={() => onStep('cerrado')}>
              Cerrar incidente
            </Button>
          )}
        </Group>
      </Group>
      <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="incident-protocol">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Paso del protocolo</Table.Th>
            <Table.Th w={150}>Fecha y hora</Table.Th>
            <Table.Th w={200}>Registró</Table.Th>
            <Table.Th>Nota</Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {INCIDENT_STEPS.map((step) => {
            const done = incident.steps[step];
            return (
              <Table.Tr key={step} data-testid={`incident-step-${step}`} c={done ? undefined : 'dimmed'}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <ThemeIcon size="sm" radius="xl" color={done ? 'green' : 'gray'} variant={done ? 'filled' : 'light'} aria-label={done ? 'Hecho' : 'Pendiente'}>
                      {done ? <IconCheck size={12} /> : <IconCircleDashed size={12} />}
                    </ThemeIcon>
                    <Text size="sm" fw={done ? 600 : 400}>
                      {INCIDENT_STEP_LABELS[step]}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{done ? formatDateTime(done.at) : 'Pendiente'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{done?.recordedBy ?? ''}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {done?.note ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {!done && open && step !== 'cerrado' && (
                    <Group justify="flex-end">
                      <Button size="compact-sm" variant="default" onClick={() => onStep(step)} aria-label={`Registrar «${INCIDENT_STEP_LABELS[step]}»`}>
                        Registrar
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
