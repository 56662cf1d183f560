import { Modal } from '@mantine/core';
import { SHIPMENT_ACTION_LABELS } from '../../../../shared/domain/shipment-states';
import type { Shipment } from '../../../../shared/domain/shipments';
import { ActionForm, type DeskAction } from './ActionForm';

export function ActionModal({ shipment, action, signer = null, onClose, onDone }: { shipment: Shipment; action: DeskAction | null; signer?: { name: string; position: string } | null; onClose: () => void; onDone: () => void }) {
  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? SHIPMENT_ACTION_LABELS[action] : ''} size="lg" centered>
      {action && <ActionForm shipment={shipment} action={action} signer={signer} onDone={onDone} />}
    </Modal>
  );
}
