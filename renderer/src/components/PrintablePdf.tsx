import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { downloadBase64 } from '../api/files';
import { PdfPreview } from '../pages/shipments/PdfPreview';

function blobUrl(base64: string, mediaType: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mediaType }));
}

/**
 * The one way Valija shows a PDF from the core and prints it (the paper forms
 * and the recovery sheet alike): pdf.js draws the pages, «Guardar PDF»
 * saves the exact bytes, «Imprimir…» opens the system dialog on the PDF
 * itself from a hidden frame. Where the browser has no PDF viewer (some
 * headless or locked-down Chromium), printing from the frame would take the
 * page down, so it says so and offers the saved file instead.
 */
export function PrintablePdf({ base64, mediaType = 'application/pdf', fileName, label }: { base64: string; mediaType?: string; fileName: string; label: string }) {
  const url = useMemo(() => blobUrl(base64, mediaType), [base64, mediaType]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const frame = useRef<HTMLIFrameElement>(null);
  const [noViewer, setNoViewer] = useState(false);

  const print = () => {
    if (navigator.pdfViewerEnabled === false || !frame.current?.contentWindow) {
      setNoViewer(true);
      return;
    }
    frame.current.contentWindow.print();
  };

  return (
    <Stack gap="sm">
      <PdfPreview base64={base64} label={label} />
      {navigator.pdfViewerEnabled !== false && <iframe ref={frame} src={url} title={`${label} para imprimir`} style={{ width: 0, height: 0, border: 0, position: 'absolute' }} />}
      {noViewer && (
        <Alert color="yellow" data-testid="no-pdf-viewer">
          Este equipo no puede abrir el diálogo de impresión del PDF desde Valija. Pulse «Guardar PDF» y ábralo con su visor de PDF para imprimirlo.
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {fileName}
        </Text>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => downloadBase64(fileName, mediaType, base64)}>
            Guardar PDF
          </Button>
          <Button leftSection={<IconPrinter size={16} />} onClick={print}>
            Imprimir…
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
