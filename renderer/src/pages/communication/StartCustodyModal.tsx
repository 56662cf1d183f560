import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { custodyInputSchema, type AccountView } from '../../../../shared/domain/social-accounts';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { useDiscardGuard } from '../../forms/discard-guard';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';
import { initialCustodyValues, officeTodayIso, pickCustodian, toCustodyInput, type CustodyFormValues } from './account-form-values';
import { PASSWORD_POLICY_TEXT } from './account-labels';

/** The choice that means «not a user of Valija: type who it is». */
const OTHER = 'otra-persona';

/** «Asignar custodio»: a Valija user or another person, where the password is kept, the second factor and the recovery contact. */
export function StartCustodyModal({ view, onClose, onDone }: { view: AccountView; onClose: () => void; onDone: () => void }) {
  const { data: candidates = [], error: loadError } = useLoad(() => call('socialAccounts.custodianCandidates', {}), []);
  const { busy, error, run } = useSubmit();
  const discard = useDiscardGuard('Asignar custodio');
  const validate = zodValidate(custodyInputSchema);
  const form = useForm<CustodyFormValues>({
    initialValues: initialCustodyValues(officeTodayIso(), view.account.area),
    validate: (values) => validate(toCustodyInput(values)),
    onValuesChange: discard.markDirty,
  });
  const fromValija = form.values.userId !== null;
  const options = [...candidates.map((c) => ({ value: c.userId, label: `${c.fullName} · ${c.position}` })), { value: OTHER, label: 'Otra persona (no es usuario de Valija)' }];

  const choose = (value: string | null) => {
    const candidate = candidates.find((c) => c.userId === value) ?? null;
    form.setValues(pickCustodian(form.values, candidate));
  };

  const submit = form.onSubmit((values) =>
    run(async () => {
      await call('socialAccounts.startCustody', { accountId: view.account.id, custody: toCustodyInput(values) });
      discard.clear();
      notifications.show({ color: 'green', message: `${values.fullName} tiene ahora la custodia de la contraseña.` });
      onDone();
    }),
  );

  return (
    <Modal opened onClose={discard.guard(onClose)} title="Asignar custodio" size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Alert color="blue" variant="light" icon={<IconLock />} data-testid="password-policy">
            {PASSWORD_POLICY_TEXT}
          </Alert>
          {loadError && <Alert color="red">{loadError}</Alert>}
          <Select label="Custodio" description="Elija un usuario de Valija o «Otra persona» para escribir sus datos." data={options} value={form.values.userId ?? OTHER} onChange={choose} allowDeselect={false} />
          <SimpleGrid cols={3}>
            <TextInput label="Nombre completo" withAsterisk readOnly={fromValija} {...form.getInputProps('fullName')} />
            <TextInput label="Cargo" withAsterisk readOnly={fromValija} {...form.getInputProps('position')} />
            <TextInput label="Área" withAsterisk {...form.getInputProps('area')} />
          </SimpleGrid>
          <DateInput label="Inicio de la custodia" withAsterisk {...DATE_INPUT_PROPS} clearable={false} w={220} {...form.getInputProps('startedOn')} />
          <TextInput label="Dónde se resguarda la contraseña" description="Sólo la referencia, por ejemplo «KeePassXC de Comunicación Social, entrada Facebook oficial»." withAsterisk {...form.getInputProps('keptIn')} />
          <SimpleGrid cols={2}>
            <TextInput label="Quién controla el segundo factor" withAsterisk placeholder="Teléfono de la jefatura del área" {...form.getInputProps('secondFactorHeldBy')} />
            <TextInput label="Contacto de recuperación" withAsterisk placeholder="Correo o teléfono institucional" {...form.getInputProps('recoveryContact')} />
          </SimpleGrid>
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={discard.guard(onClose)}>
              Cancelar
            </Button>
            <Button type="submit" loading={busy}>
              Asignar custodio
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
