import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { pdfjs } from '../../files/pdfjs';


/**
 * The form's pages drawn on canvases by pdf.js: the same on every shell
 * (Chromium's own PDF viewer is missing in some, such as a headless one),
 * and exactly the bytes that will be printed or saved.
 */
export function PdfPreview({ base64, label }: { base64: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number } | { error: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    let destroy: (() => Promise<void>) | null = null;
    void (async () => {
      try {
        const task = (await pdfjs()).getDocument({ data: bytes });
        destroy = () => task.destroy();
        const pdf = await task.promise;
        const host = container.current;
        if (!host || cancelled) return;
        host.replaceChildren();
        for (let n = 1; n <= pdf.numPages && !cancelled; n += 1) {
          const page = await pdf.getPage(n);
          const viewport = page.getViewport({ scale: 1.5 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = '100%';
          canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,.25)';
          canvas.setAttribute('aria-label', `${label}, página ${n} de ${pdf.numPages}`);
          host.appendChild(canvas);
          await page.render({ canvas, viewport }).promise;
        }
        if (!cancelled) setState({ pages: pdf.numPages });
      } catch {
        if (!cancelled) setState({ error: 'No se pudo mostrar la vista previa; el PDF puede guardarse o imprimirse de todos modos.' });
      }
    })();
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [base64, label]);

  return (
    <Stack gap="xs">
      {state === null && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {state && 'error' in state && <Text c="red">{state.error}</Text>}
      {/* A fixed height while pages are appended one by one, so the buttons below do not move under the pointer. */}
      <div
        ref={container}
        data-testid="pdf-preview"
        data-state={state === null ? 'dibujando' : 'error' in state ? 'error' : 'listo'}
        style={{ display: 'flex', flexDirection: 'column', gap: 16, height: state === null ? '70vh' : undefined, maxHeight: '70vh', overflowY: 'auto', padding: 12, background: 'var(--mantine-color-gray-2)', borderRadius: 8 }}
      />
    </Stack>
  );
}
