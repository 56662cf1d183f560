import { Alert, Button, Card, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { PAPER_FORM_LABELS, type PrintedSheetInfo } from '../../../../shared/domain/printing';
import { formatDateTime } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { useLoad } from '../../api/use-load';
import { PdfPreview } from './PdfPreview';

function printLabel(p: PrintedSheetInfo): string {
  const sheet = p.sheetVersion !== undefined ? `hoja ${p.sheetVersion}, ` : '';
  return `${sheet}${p.reprint === 0 ? 'original' : `reimpresión ${p.reprint}`}`;
}

/**
 * Every print of the shipment's forms, kept byte for byte in the vault: the
 * approval sheet the Director General signed can be shown and saved again
 * exactly as it went to paper. `refresh` changes after a new print.
 */
export function PrintedSheetsCard({ shipmentId, refresh }: { shipmentId: string; refresh: number }) {
  const { data, error } = useLoad(() => call('shipments.printedSheets', { shipmentId }), [shipmentId, refresh]);
  const [shown, setShown] = useState<{ info: PrintedSheetInfo; base64: string } | null>(null);

  const fetchSheet = async (info: PrintedSheetInfo) => call('shipments.printedSheet', { shipmentId, sheetId: info.id });
  const show = async (info: PrintedSheetInfo) => {
    try {
      setShown({ info, base64: (await fetchSheet(info)).base64 });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };
  const save = async (info: PrintedSheetInfo) => {
    try {
      const file = await fetchSheet(info);
      downloadBase64(file.fileName, file.mediaType, file.base64);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  if (error) return <Alert color="red">{error}</Alert>;
  if (!data || data.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="xs">
        Formatos impresos
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Cada impresión se guarda cifrada tal como salió a papel, con su huella SHA-256.
      </Text>
      <Table verticalSpacing={4} data-testid="printed-sheets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Formato</Table.Th>
            <Table.Th>Impresión</Table.Th>
            <Table.Th>Fecha</Table.Th>
            <Table.Th>Imprimió</Table.Th>
            <Table.Th>SHA-256</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{PAPER_FORM_LABELS[p.form]}</Table.Td>
              <Table.Td>{printLabel(p)}</Table.Td>
              <Table.Td>{formatDateTime(p.printedAt)}</Table.Td>
              <Table.Td>{p.printedBy}</Table.Td>
              <Table.Td>
                <Code title={p.sha256}>{p.sha256.slice(0, 12)}…</Code>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="compact-sm" variant="default" leftSection={<IconEye size={14} />} onClick={() => void show(p)} aria-label={`Ver ${p.fileName}`}>
                    Ver
                  </Button>
                  <Button size="compact-sm" variant="default" leftSection={<IconDeviceFloppy size={14} />} onClick={() => void save(p)} aria-label={`Guardar ${p.fileName}`}>
                    Guardar
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={shown ? `${PAPER_FORM_LABELS[shown.info.form]} · ${printLabel(shown.info)}` : ''} size="80%" centered>
        {shown && (
          <Stack gap="sm">
            <PdfPreview base64={shown.base64} label={PAPER_FORM_LABELS[shown.info.form]} />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {shown.info.fileName}
              </Text>
              <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save(shown.info)}>
                Guardar PDF
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
