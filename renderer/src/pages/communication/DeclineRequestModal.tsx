import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import type { ReleaseRequest } from '../../../../shared/domain/releases';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';

/** «Declinar»: the reason the area will read, then a confirmation, since a declined request is not reopened. */
export function DeclineRequestModal({ request, onClose, onDone }: { request: ReleaseRequest; onClose: () => void; onDone: (declined: ReleaseRequest) => void }) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSubmit();

  const confirm = () => {
    if (reason.trim().length < 3) return setError('Escriba el motivo por el que se declina la solicitud; el área lo verá.');
    modals.openConfirmModal({
      title: `¿Declinar la solicitud ${request.folio}?`,
      children: <Text size="sm">Quien la envió verá el motivo. Una solicitud declinada ya no puede convertirse en difusión; si el área insiste, enviará una nueva.</Text>,
      labels: { confirm: 'Declinar', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void run(async () => {
          onDone(await call('releaseRequests.decline', { requestId: request.id, reason }));
        }),
    });
  };

  return (
    <Modal opened onClose={onClose} title={`Declinar la solicitud ${request.folio}`} centered>
      <Stack gap="sm">
        <Textarea label="Motivo" description="Se le muestra a quien envió la solicitud." withAsterisk autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button color="red" loading={busy} onClick={confirm}>
            Declinar
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
