import { Alert, Button, Fieldset, Group, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { ACCOUNT_KIND_LABELS, ACCOUNT_KINDS, MAX_HOLDER_LEVEL, NETWORK_LABELS, NETWORKS, accountInputSchema, type AccountKind, type AccountView, type SocialAccount } from '../../../../shared/domain/social-accounts';
import { call } from '../../api/client';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { useDiscardGuard } from '../../forms/discard-guard';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';
import { PASSWORD_POLICY_TEXT } from './account-labels';
import { initialAccountValues, isPersonal, officeTodayIso, toAccountInput, type AccountFormValues } from './account-form-values';

const NETWORK_OPTIONS = NETWORKS.map((value) => ({ value, label: NETWORK_LABELS[value] }));

const KIND_HINTS: Record<AccountKind, string> = {
  oficial: 'De la institución; la administra el área responsable.',
  personal_registrada: 'De un servidor público que la registró a petición expresa; la administra él mismo.',
  personal_administrada: 'De un servidor público, administrada por el área: cuenta como oficial mientras ocupe el cargo.',
};

/**
 * «Registrar cuenta» (or «Modificar cuenta» with `account`). The parent mounts
 * it only while open, so each opening starts from the record or from blank.
 */
export function AccountFormModal({ account, onClose, onSaved }: { account?: SocialAccount; onClose: () => void; onSaved: (view: AccountView) => void }) {
  const { busy, error, run } = useSubmit();
  const discard = useDiscardGuard(account ? 'Modificar cuenta' : 'Registrar cuenta');
  const validate = zodValidate(accountInputSchema);
  const form = useForm<AccountFormValues>({
    initialValues: initialAccountValues(officeTodayIso(), account),
    validate: (values) => validate(toAccountInput(values)),
    onValuesChange: discard.markDirty,
  });
  const personal = isPersonal(form.values.kind);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const input = toAccountInput(values);
      const saved = account ? await call('socialAccounts.update', { accountId: account.id, account: input }) : await call('socialAccounts.create', { account: input });
      discard.clear();
      onSaved(saved);
    });
  });

  return (
    <Modal opened onClose={discard.guard(onClose)} title={account ? 'Modificar cuenta' : 'Registrar cuenta'} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Alert color="blue" variant="light" icon={<IconLock />} data-testid="password-policy">
            {PASSWORD_POLICY_TEXT}
          </Alert>
          <SimpleGrid cols={2}>
            <Select label="Red social" withAsterisk data={NETWORK_OPTIONS} placeholder="Elija…" allowDeselect={false} {...form.getInputProps('network')} />
            <TextInput label="Usuario o nombre de la cuenta" withAsterisk placeholder="@C4Oaxaca" {...form.getInputProps('handle')} />
          </SimpleGrid>
          <TextInput label="Dirección (URL)" placeholder="https://" {...form.getInputProps('url')} />
          <Radio.Group label="Tipo de cuenta" withAsterisk {...form.getInputProps('kind')}>
            <Stack gap={8} mt={6}>
              {ACCOUNT_KINDS.map((kind) => (
                <Radio key={kind} value={kind} label={ACCOUNT_KIND_LABELS[kind]} description={KIND_HINTS[kind]} />
              ))}
            </Stack>
          </Radio.Group>
          {personal && (
            <Fieldset legend="Servidor público titular de la cuenta">
              <Stack gap="sm">
                <SimpleGrid cols={2}>
                  <TextInput label="Nombre completo" withAsterisk {...form.getInputProps('holder.fullName')} />
                  <TextInput label="Cargo" withAsterisk {...form.getInputProps('holder.position')} />
                </SimpleGrid>
                <NumberInput
                  label="Nivel jerárquico"
                  withAsterisk
                  description={`0 es el titular de la institución; 1 a ${MAX_HOLDER_LEVEL}, los niveles por debajo de él. Sólo ellos pueden registrar su cuenta personal (quinta de las Políticas Generales).`}
                  allowDecimal={false}
                  allowNegative={false}
                  {...form.getInputProps('holder.level')}
                />
                <Switch label="Aparece en el directorio público (el servidor público lo pidió)" {...form.getInputProps('listedPublicly', { type: 'checkbox' })} />
              </Stack>
            </Fieldset>
          )}
          <SimpleGrid cols={2}>
            <TextInput label="Área responsable" withAsterisk {...form.getInputProps('area')} />
            <DateInput label="Fecha de alta" withAsterisk {...DATE_INPUT_PROPS} clearable={false} disabled={Boolean(account)} {...form.getInputProps('addedOn')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <NumberInput
              label="Cambio periódico de contraseña (días)"
              description="Vacío: sólo cuando sale un custodio o hay un incidente."
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('rotationEveryDays')}
            />
          </SimpleGrid>
          <Textarea label="Notas" autosize minRows={2} {...form.getInputProps('notes')} />
          <Text size="xs" c="dimmed">
            Los custodios de la contraseña se asignan desde la página de la cuenta, una vez registrada.
          </Text>
          <FormError error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {account ? 'Guardar cambios' : 'Registrar cuenta'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
