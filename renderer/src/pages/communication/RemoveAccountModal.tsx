import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { NETWORK_LABELS, type AccountView } from '../../../../shared/domain/social-accounts';
import { call } from '../../api/client';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { officeTodayIso } from './account-form-values';

/** «Dar de baja»: the date and why, then a confirmation, since a removed account is no longer changed. */
export function RemoveAccountModal({ view, onClose, onDone }: { view: AccountView; onClose: () => void; onDone: () => void }) {
  const { account } = view;
  const [on, setOn] = useState<string | null>(officeTodayIso());
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const running = account.custodies.filter((c) => c.endedOn === null).length;

  const confirm = () => {
    if (!on) return setError('Indique la fecha de la baja.');
    modals.openConfirmModal({
      title: `¿Dar de baja ${NETWORK_LABELS[account.network]} ${account.handle}?`,
      children: (
        <Text size="sm">
          La cuenta sale del directorio y ya no podrá modificarse.
          {running > 0 && ' Terminan también las custodias vigentes y la contraseña deberá cambiarse.'} Su historia se conserva.
        </Text>
      ),
      labels: { confirm: 'Dar de baja', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void run(async () => {
          await call('socialAccounts.remove', { accountId: account.id, on, reason });
          onDone();
        }),
    });
  };

  return (
    <Modal opened onClose={onClose} title="Dar de baja la cuenta" centered>
      <Stack gap="sm">
        <DateInput label="Fecha de la baja" withAsterisk {...DATE_INPUT_PROPS} clearable={false} value={on} onChange={setOn} w={220} />
        <Textarea label="Motivo" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button color="red" loading={busy} onClick={confirm}>
            Dar de baja
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
