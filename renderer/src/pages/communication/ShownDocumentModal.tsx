import type { ShownDocument } from './account-documents';
import { PrintedPdfModal } from './PrintedPdfModal';
import { ScanViewerModal } from './ScanViewerModal';

/** Whichever document `useShownDocument` holds, in the modal that suits it. */
export function ShownDocumentModal({ shown, onClose }: { shown: ShownDocument | null; onClose: () => void }) {
  if (!shown) return null;
  return shown.kind === 'print' ? <PrintedPdfModal title={shown.title} pdf={shown.file} onClose={onClose} /> : <ScanViewerModal title={shown.title} scan={shown.file} onClose={onClose} />;
}
