import { Alert, Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { ROTATION_REASON_LABELS, ROTATION_REASONS, rotationInputSchema, type AccountView, type RotationReason } from '../../../../shared/domain/social-accounts';
import { formatCivilDate } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';
import { useSignedIn } from '../../stores/session-store';
import { officeTodayIso } from './account-form-values';
import { PASSWORD_POLICY_TEXT } from './account-labels';

const REASON_OPTIONS = ROTATION_REASONS.map((value) => ({ value, label: ROTATION_REASON_LABELS[value] }));

/** «Registrar cambio de contraseña»: when, why and by whom; it settles the change owed up to that day. */
export function RotationModal({ view, onClose, onDone }: { view: AccountView; onClose: () => void; onDone: () => void }) {
  const me = useSignedIn()?.user.fullName ?? '';
  const { busy, error, run } = useSubmit();
  const validate = zodValidate(rotationInputSchema);
  const form = useForm<{ on: string | null; reason: RotationReason | ''; changedBy: string; note: string }>({
    initialValues: { on: officeTodayIso(), reason: view.pendingRotation?.reason ?? '', changedBy: me, note: '' },
    validate: (v) => validate({ ...v, on: v.on ?? '' }),
  });
  const submit = form.onSubmit((v) =>
    run(async () => {
      await call('socialAccounts.recordRotation', { accountId: view.account.id, rotation: { on: v.on ?? '', reason: v.reason as RotationReason, changedBy: v.changedBy, note: v.note } });
      onDone();
    }),
  );
  return (
    <Modal opened onClose={onClose} title="Registrar cambio de contraseña" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {view.pendingRotation && (
            <Alert color="red" variant="light">
              La cuenta debe un cambio de contraseña desde el {formatCivilDate(view.pendingRotation.since)}: regístrelo con esa fecha o una posterior.
            </Alert>
          )}
          <Alert color="blue" variant="light">
            {PASSWORD_POLICY_TEXT}
          </Alert>
          <Group grow align="flex-start">
            <DateInput label="Fecha del cambio" withAsterisk {...DATE_INPUT_PROPS} clearable={false} {...form.getInputProps('on')} />
            <Select label="Motivo" withAsterisk data={REASON_OPTIONS} placeholder="Elija…" allowDeselect={false} {...form.getInputProps('reason')} />
          </Group>
          <TextInput label="Quién cambió la contraseña" withAsterisk {...form.getInputProps('changedBy')} />
          <Textarea label="Nota" description="Por ejemplo, en qué entrada del gestor de contraseñas quedó. Nunca la contraseña." autosize minRows={2} {...form.getInputProps('note')} />
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancelar
            </Button>
            <Button type="submit" loading={busy}>
              Registrar cambio
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
