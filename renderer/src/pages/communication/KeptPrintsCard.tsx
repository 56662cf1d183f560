import { Button, Card, Table, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { KeptPrint } from '../../../../shared/domain/printing';
import type { SocialAccount } from '../../../../shared/domain/social-accounts';
import { formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useShownDocument } from './account-documents';
import { ShownDocumentModal } from './ShownDocumentModal';

const FORM_LABELS: Record<string, string> = { custodyAcknowledgement: 'Resguardo de contraseña', incidentReport: 'Reporte de incidente' };

/** Whose resguardo or which incident a print is of, in the account's own words. */
function printSubject(account: SocialAccount, print: KeptPrint): string {
  const [kind, id] = print.subject.split(':');
  if (kind === 'custodia') return account.custodies.find((c) => c.id === id)?.custodian.fullName ?? '—';
  const n = account.incidents.findIndex((i) => i.id === id);
  return n >= 0 ? `Incidente ${n + 1}` : '—';
}

/** Every resguardo and incident report printed for the account, as the vault kept it byte for byte. */
export function KeptPrintsCard({ account }: { account: SocialAccount }) {
  const documents = useShownDocument();
  const prints = [...(account.prints ?? [])].reverse();
  if (prints.length === 0) return null;
  return (
    <Card withBorder radius="md" padding={0} data-testid="kept-prints">
      <Title order={2} size="h5" px="md" pt="md">
        Impresiones guardadas
      </Title>
      <Text size="sm" c="dimmed" px="md" pb="xs">
        Cada impresión se guarda tal como salió, con su huella SHA-256: la hoja que alguien firmó puede verse y guardarse de nuevo, idéntica.
      </Text>
      <Table verticalSpacing="xs" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>Impresa</Table.Th>
            <Table.Th w={220}>Formato</Table.Th>
            <Table.Th>De</Table.Th>
            <Table.Th w={200}>Imprimió</Table.Th>
            <Table.Th w={170}>Huella (SHA-256)</Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {prints.map((p) => {
            const form = FORM_LABELS[p.form] ?? p.form;
            return (
              <Table.Tr key={p.id} data-testid={`kept-print-${p.fileName}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.printedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{p.reprint > 0 && p.form === 'custodyAcknowledgement' ? `${form} (reimpresión ${p.reprint})` : form}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{printSubject(account, p)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.printedBy}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={p.sha256}>
                    {p.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="default" leftSection={<IconEye size={14} />} loading={documents.loading === p.id} onClick={() => void documents.show(p.id, `${form} guardado`, 'print', () => call('socialAccounts.keptPrint', { accountId: account.id, printId: p.id }))}>
                    Ver
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <ShownDocumentModal shown={documents.shown} onClose={documents.close} />
    </Card>
  );
}
