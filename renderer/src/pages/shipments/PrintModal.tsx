import { Modal } from '@mantine/core';
import { useState } from 'react';
import type { Shipment } from '../../../../shared/domain/shipments';
import { PrintPanel } from './PrintPanel';

/**
 * Printing a form (docs/DOMAIN.md, "The paper forms"): choose the form and paper, then «Generar» issues
 * it — counted and audited, so a second issue says «REIMPRESIÓN n» — and
 * shows it here to print through the system dialog or save as PDF.
 */
export function PrintModal({ shipment, opened, onClose }: { shipment: Shipment; opened: boolean; onClose: () => void }) {
  const [wide, setWide] = useState(false);
  const close = () => {
    setWide(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Imprimir formato" size={wide ? '80%' : 'lg'} centered>
      {/* Mounted only while open, so each opening starts from a clean choice. */}
      {opened && <PrintPanel shipment={shipment} onIssued={() => setWide(true)} />}
    </Modal>
  );
}
