import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { CUSTODY_END_REASON_LABELS, type AccountView, type PasswordCustody } from '../../../../shared/domain/social-accounts';
import { formatCivilDate } from '../../../../shared/format/date';
import { EmptyRow } from '../../components/EmptyRow';
import { EndCustodyModal } from './EndCustodyModal';
import { StartCustodyModal } from './StartCustodyModal';

/** Who holds (and held) the account's password, where it is kept, and the steps to hand it over. */
export function CustodiansCard({ view, onChanged }: { view: AccountView; onChanged: () => void }) {
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<PasswordCustody | null>(null);
  const removed = view.status === 'dada_de_baja';
  // Current custodians first, then the past ones, the latest end first.
  const custodies = [...view.account.custodies].sort((a, b) => (a.endedOn === null ? 0 : 1) - (b.endedOn === null ? 0 : 1) || (b.endedOn ?? b.startedOn).localeCompare(a.endedOn ?? a.startedOn));

  return (
    <Card withBorder radius="md" padding={0} data-testid="custodians">
      <Group justify="space-between" p="md">
        <div>
          <Title order={2} size="h5">
            Custodios de la contraseña
          </Title>
          <Text size="sm" c="dimmed">
            Quién conoce la contraseña y dónde se resguarda. Cuando un custodio deja de serlo, la contraseña debe cambiarse.
          </Text>
        </div>
        {!removed && (
          <Button size="sm" leftSection={<IconUserPlus size={16} />} onClick={() => setAssigning(true)} style={{ flexShrink: 0 }}>
            Asignar custodio
          </Button>
        )}
      </Group>
      <Table verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={250}>Custodio</Table.Th>
            <Table.Th>Dónde se resguarda</Table.Th>
            <Table.Th w={250}>Segundo factor · recuperación</Table.Th>
            <Table.Th w={170}>Periodo</Table.Th>
            <Table.Th w={150} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {custodies.map((c) => (
            <Table.Tr key={c.id} data-testid={`custody-row-${c.custodian.fullName}`} c={c.endedOn ? 'dimmed' : undefined}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {c.custodian.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.custodian.position} · {c.custodian.area}
                </Text>
                {c.custodian.userId && (
                  <Badge size="xs" variant="outline" color="gray" tt="none" mt={2}>
                    Usuario de Valija
                  </Badge>
                )}
              </Table.Td>
              <Table.Td miw={220}>
                <Text size="sm">{c.keptIn}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.secondFactorHeldBy}</Text>
                <Text size="xs" c="dimmed">
                  {c.recoveryContact}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  Desde el {formatCivilDate(c.startedOn)}
                  {c.endedOn && ` hasta el ${formatCivilDate(c.endedOn)}`}
                </Text>
                {c.endReason && (
                  <Text size="xs" c="dimmed">
                    {CUSTODY_END_REASON_LABELS[c.endReason]}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  {c.endedOn === null ? (
                    !removed && (
                      <Button size="xs" variant="default" onClick={() => setEnding(c)}>
                        Terminar custodia
                      </Button>
                    )
                  ) : (
                    <Badge color="gray" variant="light" tt="none">
                      Terminada
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          {custodies.length === 0 && <EmptyRow colSpan={5}>Nadie tiene asignada la custodia de esta contraseña.</EmptyRow>}
        </Table.Tbody>
      </Table>
      {assigning && (
        <StartCustodyModal
          view={view}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            onChanged();
          }}
        />
      )}
      {ending && (
        <EndCustodyModal
          accountId={view.account.id}
          custody={ending}
          onClose={() => setEnding(null)}
          onDone={() => {
            setEnding(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
