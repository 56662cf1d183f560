import { Badge, Button, Card, Code, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { Release } from '../../../../shared/domain/releases';
import { formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';
import { useShownDocument } from './account-documents';
import { ShownDocumentModal } from './ShownDocumentModal';

/** The authorisation sheets printed: the one in force, and those an edit voided («ANULADA»). */
export function ReleaseSheetsCard({ release }: { release: Release }) {
  const documents = useShownDocument();
  if (release.sheets.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="sm">
        Hojas de autorización impresas
      </Title>
      <Table verticalSpacing="xs" data-testid="release-sheets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Hoja</Table.Th>
            <Table.Th>Impresa</Table.Th>
            <Table.Th w={110}>Impresiones</Table.Th>
            <Table.Th w={150}>SHA-256 del PDF</Table.Th>
            <Table.Th>Estado</Table.Th>
            <Table.Th>Copias guardadas</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...release.sheets].reverse().map((s) => (
            <Table.Tr key={s.version} data-testid={`release-sheet-${s.version}`}>
              <Table.Td>{s.version}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(s.printedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {s.printedBy.fullName}
                </Text>
              </Table.Td>
              <Table.Td>{s.prints}</Table.Td>
              <Table.Td>
                <Tooltip label={s.sha256}>
                  <Code>{s.sha256.slice(0, 12)}…</Code>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                {s.voided ? (
                  <>
                    <Badge color="red" variant="filled" tt="none" styles={BADGE_FULL_WIDTH}>
                      Anulada
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(s.voidedAt ?? '')}: {s.voidReason}
                    </Text>
                  </>
                ) : (
                  <Badge color={release.signature?.sheetVersion === s.version ? 'green' : 'blue'} variant="light" tt="none" styles={BADGE_FULL_WIDTH}>
                    {release.signature?.sheetVersion === s.version ? 'Firmada' : 'Vigente, por firmar'}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {/* Every print kept byte for byte: the sheet the Director General signed, shown again exactly as it was printed. */}
                <Group gap={4}>
                  {(s.kept ?? []).map((k) => (
                    <Button
                      key={k.id}
                      size="compact-xs"
                      variant="default"
                      leftSection={<IconEye size={12} />}
                      loading={documents.loading === k.id}
                      onClick={() => void documents.show(k.id, `Hoja ${s.version} de ${release.folio}${k.reprint > 0 ? `, reimpresión ${k.reprint}` : ''}`, 'print', () => call('releases.keptSheet', { releaseId: release.id, printId: k.id }))}
                    >
                      {k.reprint === 0 ? 'Original' : `Reimpresión ${k.reprint}`}
                    </Button>
                  ))}
                  {(s.kept ?? []).length === 0 && (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ShownDocumentModal shown={documents.shown} onClose={documents.close} />
    </Card>
  );
}
