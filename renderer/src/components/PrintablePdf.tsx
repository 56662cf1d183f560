import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { downloadBase64 } from '../api/files';
import { PdfPreview } from '../pages/shipments/PdfPreview';
import './printable-pdf.css';

function blobUrl(base64: string, mediaType: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mediaType }));
}

/**
 * Electron ships Chromium's PDF viewer for our window (window-options.ts):
 * there the system dialog prints the PDF itself, from a hidden frame. In a
 * plain browser (the harness, headless Chromium) printing a PDF frame takes
 * the page down, so the pages pdf.js drew are printed instead.
 */
const PRINTS_PDF_FRAMES = navigator.userAgent.includes('Electron');

/**
 * The one way Valija shows a PDF from the core and prints it (the paper forms
 * and the recovery sheet alike): pdf.js draws the pages, «Guardar PDF»
 * saves the exact bytes, «Imprimir…» opens the system print dialog.
 */
export function PrintablePdf({ base64, mediaType = 'application/pdf', fileName, label }: { base64: string; mediaType?: string; fileName: string; label: string }) {
  const url = useMemo(() => blobUrl(base64, mediaType), [base64, mediaType]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const frame = useRef<HTMLIFrameElement>(null);
  const [failed, setFailed] = useState(false);

  const print = () => {
    try {
      if (PRINTS_PDF_FRAMES && frame.current?.contentWindow) {
        frame.current.contentWindow.print();
        return;
      }
      document.body.classList.add('valija-printing');
      window.print();
    } catch {
      setFailed(true);
    } finally {
      document.body.classList.remove('valija-printing');
    }
  };

  return (
    <Stack gap="sm">
      <div data-print-root>
        <PdfPreview base64={base64} label={label} />
      </div>
      {PRINTS_PDF_FRAMES && <iframe ref={frame} src={url} title={`${label} para imprimir`} style={{ width: 0, height: 0, border: 0, position: 'absolute' }} />}
      {failed && (
        <Alert color="yellow" data-testid="print-failed">
          No se pudo abrir el diálogo de impresión. Pulse «Guardar PDF» y ábralo con su visor de PDF para imprimirlo.
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
