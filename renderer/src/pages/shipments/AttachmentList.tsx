import { Anchor, Table, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import type { ShipmentAttachment } from '../../../../shared/domain/shipments';
import { formatBytes } from '../../../../shared/format/bytes';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';

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
