import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { call } from '../../api/client';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { officeTodayIso } from './account-form-values';

/** «Registrar validación»: someone checked that the account still exists and is the institution's; the six months start again. */
export function ValidateModal({ accountId, onClose, onDone }: { accountId: string; onClose: () => void; onDone: () => void }) {
  const [on, setOn] = useState<string | null>(officeTodayIso());
  const { busy, error, setError, run } = useSubmit();
  const submit = () => {
    if (!on) return setError('Indique la fecha de la validación.');
    return run(async () => {
      await call('socialAccounts.validate', { accountId, on });
      onDone();
    });
  };
  return (
    <Modal opened onClose={onClose} title="Registrar validación" centered>
      <Stack gap="sm">
        <Text size="sm">Registre el día en que se comprobó que la cuenta sigue existiendo, que es de la institución y que su información es correcta. La próxima validación vencerá al cumplirse el periodo de revalidación de la oficina (Administración → Plazos).</Text>
        <DateInput label="Fecha de la validación" withAsterisk {...DATE_INPUT_PROPS} clearable={false} value={on} onChange={setOn} w={220} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            Registrar validación
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
