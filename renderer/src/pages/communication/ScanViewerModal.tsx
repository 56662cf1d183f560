import { Button, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { DocumentDownload } from '../../../../shared/ipc/contract';
import { downloadBase64 } from '../../api/files';
import { PdfPreview } from '../shipments/PdfPreview';

/** A stored scan (signed resguardo, the servant's request) as it was registered: a PDF drawn by pdf.js, an image as is. */
export function ScanViewerModal({ title, scan, onClose }: { title: string; scan: DocumentDownload; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={title} size="80%" centered>
      <Stack gap="sm">
        {scan.mediaType === 'application/pdf' ? <PdfPreview base64={scan.base64} label={title} /> : <Image src={`data:${scan.mediaType};base64,${scan.base64}`} alt={title} fit="contain" mah="70vh" />}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {scan.fileName}
          </Text>
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => downloadBase64(scan.fileName, scan.mediaType, scan.base64)}>
            Guardar archivo
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
