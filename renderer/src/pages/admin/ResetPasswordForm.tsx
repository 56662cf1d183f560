import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { passwordProblems, PASSWORD_RULES_TEXT } from '../../../../shared/domain/password-policy';
import type { User } from '../../../../shared/domain/users';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';

export function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => Promise<void> }) {
  const { error, run } = useSubmit();
  const form = useForm({
    initialValues: { temporaryPassword: '' },
    validate: { temporaryPassword: (v) => passwordProblems(v, user.userName)[0] ?? null },
  });
  const submit = form.onSubmit(({ temporaryPassword }) =>
    run(async () => {
      await call('users.resetPassword', { userId: user.id, temporaryPassword });
      await onDone();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {user.fullName} ({user.userName}) tendrá una contraseña temporal y deberá cambiarla al iniciar sesión.
        </Text>
        <PasswordInput label="Contraseña temporal" description={PASSWORD_RULES_TEXT} autoComplete="new-password" {...form.getInputProps('temporaryPassword')} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit">Restablecer</Button>
        </Group>
      </Stack>
    </form>
  );
}
