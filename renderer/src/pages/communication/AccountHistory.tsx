import { Card, Table, Text, Title } from '@mantine/core';
import type { AccountHistoryEntry } from '../../../../shared/domain/social-accounts';
import { formatDateTime } from '../../../../shared/format/date';
import { EmptyRow } from '../../components/EmptyRow';
import { withOfficeDates } from './account-labels';

/** Every step taken on the account, read back from its change frames, latest first. */
export function AccountHistory({ history }: { history: AccountHistoryEntry[] }) {
  const latestFirst = [...history].reverse();
  return (
    <Card withBorder radius="md" padding={0} data-testid="account-history">
      <Title order={2} size="h5" p="md">
        Historia de la cuenta
      </Title>
      <Table verticalSpacing="xs" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>Fecha y hora</Table.Th>
            <Table.Th w={260}>Registro</Table.Th>
            <Table.Th>Detalle</Table.Th>
            <Table.Th w={220}>Usuario</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {latestFirst.map((h, i) => (
            <Table.Tr key={`${h.at}:${i}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {h.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{withOfficeDates(h.detail)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{h.actor.fullName}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
          {latestFirst.length === 0 && <EmptyRow colSpan={4}>Sin registros.</EmptyRow>}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
