import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { modals } from '@mantine/modals';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { CUSTODY_END_REASON_LABELS, type CustodyEndReason, type PasswordCustody } from '../../../../shared/domain/social-accounts';
import { formatCivilDate } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { officeTodayIso } from './account-form-values';

/** A person ends a custody by hand for these; a user's deactivation and the account's removal end it on their own. */
const REASONS: CustodyEndReason[] = ['salida_de_custodio', 'cambio_de_funciones'];

/** «Terminar custodia»: date and reason, then a confirmation, since it leaves the account owing a password change. */
export function EndCustodyModal({ accountId, custody, onClose, onDone }: { accountId: string; custody: PasswordCustody; onClose: () => void; onDone: () => void }) {
  const [on, setOn] = useState<string | null>(officeTodayIso());
  const [reason, setReason] = useState<CustodyEndReason | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const name = custody.custodian.fullName;

  const confirm = () => {
    if (!on) return setError('Indique la fecha en que termina la custodia.');
    if (!reason) return setError('Elija el motivo del fin de la custodia.');
    modals.openConfirmModal({
      title: `¿Terminar la custodia de ${name}?`,
      children: (
        <Text size="sm">
          {name} deja de conocer legítimamente la contraseña el {formatCivilDate(on)}. La cuenta quedará con un cambio de contraseña pendiente y no deberá usarse hasta que se registre el cambio.
        </Text>
      ),
      labels: { confirm: 'Terminar custodia', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void run(async () => {
          await call('socialAccounts.endCustody', { accountId, custodyId: custody.id, on, reason });
          onDone();
        }),
    });
  };

  return (
    <Modal opened onClose={onClose} title="Terminar custodia" centered>
      <Stack gap="sm">
        <Text size="sm">
          Custodia de <b>{name}</b> desde el {formatCivilDate(custody.startedOn)}.
        </Text>
        <Group grow align="flex-start">
          <DateInput label="Fecha de término" withAsterisk {...DATE_INPUT_PROPS} clearable={false} value={on} onChange={setOn} />
          <Select label="Motivo" withAsterisk placeholder="Elija…" data={REASONS.map((value) => ({ value, label: CUSTODY_END_REASON_LABELS[value] }))} value={reason} onChange={(v) => setReason(v as CustodyEndReason | null)} allowDeselect={false} />
        </Group>
        <Alert color="orange" variant="light" icon={<IconKey />}>
          Al terminar la custodia, la contraseña debe cambiarse: la cuenta mostrará «Cambio de contraseña pendiente» hasta que se registre.
        </Alert>
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button color="red" loading={busy} onClick={confirm}>
            Terminar custodia
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
