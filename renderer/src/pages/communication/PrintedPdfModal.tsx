import { Modal } from '@mantine/core';
import type { DocumentDownload } from '../../../../shared/ipc/contract';
import { PrintablePdf } from '../../components/PrintablePdf';

/** A print from the core (resguardo, incident report) shown the way every paper form is: preview, «Guardar PDF», «Imprimir…». */
export function PrintedPdfModal({ title, pdf, onClose }: { title: string; pdf: DocumentDownload; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={title} size="80%" centered>
      <PrintablePdf base64={pdf.base64} mediaType={pdf.mediaType} fileName={pdf.fileName} label={title} />
    </Modal>
  );
}
