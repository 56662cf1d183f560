import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CustodyVerification, HandoffAction } from '../../../../shared/domain/custody';
import { SHIPMENT_ACTION_LABELS } from '../../../../shared/domain/shipment-states';
import type { ShipmentDetail } from '../../../../shared/domain/shipments';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useSignedIn } from '../../stores/session-store';
import { HandoffForm, type Me } from './HandoffForm';
import { useDiscardGuard } from '../../forms/discard-guard';

export function useMe(): Me {
  const session = useSignedIn();
  return { name: session?.user.fullName ?? '', position: session?.user.position ?? '', institution: session?.office.institution ?? '' };
}

/** The handoff form in a modal: for a handoff action (`action`), or a custody event only (`free`). */
export function HandoffModal({ detail, action, free = false, onClose, onDone }: { detail: ShipmentDetail; action: HandoffAction | null; free?: boolean; onClose: () => void; onDone: () => void }) {
  const opened = action !== null || free;
  const { data: known } = useLoad(() => (opened ? call('custody.known', {}) : Promise.resolve(null)), [opened]);
  const me = useMe();
  const title = action ? SHIPMENT_ACTION_LABELS[action] : 'Registrar movimiento de custodia';
  const discard = useDiscardGuard(title);
  return (
    <Modal opened={opened} onClose={discard.guard(onClose)} title={title} size="xl" centered>
      {opened && known && (
        <HandoffForm
          detail={detail}
          action={action}
          known={known}
          me={me}
          onChange={discard.markDirty}
          onDone={() => {
            discard.clear();
            onDone();
          }}
        />
      )}
    </Modal>
  );
}

/** Runs a verification (one shipment, or the whole vault) and keeps its result for display. */
export function useVerification(shipmentId?: string) {
  const [result, setResult] = useState<CustodyVerification | null>(null);
  const [checking, setChecking] = useState(false);
  const verify = async () => {
    setChecking(true);
    try {
      setResult(await call('custody.verify', shipmentId ? { shipmentId } : {}));
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setChecking(false);
    }
  };
  return { result, checking, verify, clear: () => setResult(null) };
}

