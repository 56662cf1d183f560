import { ActionIcon, Anchor, Code, SimpleGrid, Table, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { MEDIA_KIND_LABELS, SANITISATION_METHOD_LABELS, type MediaDetails as Media, type MediaFile, type ShipmentAttachment } from '../../../../shared/domain/shipments';
import { formatBytes } from '../../../../shared/format/bytes';
import { formatCivilDate } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { DetailField } from '../../components/DetailField';

/** The media and its sanitisation record, on the shipment page. */
export function MediaDetails({ media }: { media: Media }) {
  const s = media.sanitisation;
  return (
    <SimpleGrid cols={2}>
      <DetailField label="Medio">{[MEDIA_KIND_LABELS[media.kind], media.brand, media.model, media.capacity].filter(Boolean).join(' · ')}</DetailField>
      <DetailField label="Número de serie">{media.serial}</DetailField>
      <DetailField label="Borrado seguro">{`${SANITISATION_METHOD_LABELS[s.method]} con ${s.tool}, ${formatCivilDate(s.date)}`}</DetailField>
      <DetailField label="Realizó / verificó">{`${s.performedBy} / ${s.verifiedBy}`}</DetailField>
    </SimpleGrid>
  );
}

/** The files of a magnetic-media shipment: name, size and SHA-256 (whole on hover); removable in the form. */
export function FilesTable({ files, onRemove }: { files: readonly Pick<MediaFile, 'name' | 'size' | 'sha256'>[]; onRemove?: (index: number) => void }) {
  return (
    <Table verticalSpacing={4} data-testid="media-files">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Archivo</Table.Th>
          <Table.Th>Tamaño</Table.Th>
          <Table.Th>SHA-256</Table.Th>
          {onRemove && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {files.map((f, index) => (
          <Table.Tr key={f.name}>
            <Table.Td>{f.name}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(f.size)}</Table.Td>
            <Table.Td>
              <Tooltip label={f.sha256}>
                <Code>{f.sha256.slice(0, 16)}…</Code>
              </Tooltip>
            </Table.Td>
            {onRemove && (
              <Table.Td>
                <ActionIcon variant="subtle" color="red" aria-label={`Quitar ${f.name}`} onClick={() => onRemove(index)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function MediaFilesTable({ files }: { files: MediaFile[] }) {
  return (
    <>
      <Title order={3} size="h6" mt="md" mb="xs">
        Archivos del medio ({files.length}, {formatBytes(files.reduce((sum, f) => sum + f.size, 0))})
      </Title>
      <FilesTable files={files} />
    </>
  );
}

export function AttachmentList({ shipmentId, attachments }: { shipmentId: string; attachments: ShipmentAttachment[] }) {
  const open = async (blobId: string) => {
    try {
      const file = await call('shipments.attachment', { shipmentId, blobId });
      downloadBase64(file.fileName, file.mediaType, file.base64);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };
  return (
    <>
      <Title order={3} size="h6" mt="md" mb="xs">
        Anexos
      </Title>
      <Table verticalSpacing={4} data-testid="attachments">
        <Table.Tbody>
          {attachments.map((a) => (
            <Table.Tr key={a.blobId}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" onClick={() => void open(a.blobId)}>
                  <IconPaperclip size={14} style={{ verticalAlign: 'middle', marginRight: 4 }} />
                  {a.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(a.size)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
