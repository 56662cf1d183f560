import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DocumentDownload } from '../../../../shared/ipc/contract';
import { errorMessage } from '../../api/client';

/** A document from the core shown in a modal: a print to sign (preview, save, print) or a registered scan. */
export interface ShownDocument {
  title: string;
  kind: 'print' | 'scan';
  file: DocumentDownload;
}

/** Fetches a print or a scan and keeps it to show; a refusal is a red notification in the core's words. */
export function useShownDocument() {
  const [shown, setShown] = useState<ShownDocument | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const show = async (key: string, title: string, kind: ShownDocument['kind'], fetch: () => Promise<DocumentDownload>) => {
    setLoading(key);
    try {
      setShown({ title, kind, file: await fetch() });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setLoading(null);
    }
  };
  return { shown, loading, show, close: () => setShown(null) };
}
