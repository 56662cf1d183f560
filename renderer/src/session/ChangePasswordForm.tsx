import { Button, List, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { passwordProblems, PASSWORD_RULES_TEXT } from '../../../shared/domain/password-policy';
import { call } from '../api/client';
import { useSessionStore } from '../stores/session-store';
import { FormError } from '../forms/FormError';
import { useSubmit } from '../forms/use-submit';

/** Used on first sign-in with a temporary password, and from the user menu. */
export function ChangePasswordForm({ userName, onDone }: { userName: string; onDone?: () => void }) {
  const setState = useSessionStore((s) => s.set);
  const { busy, error, run } = useSubmit();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Escriba su contraseña actual.'),
      newPassword: (v, values) =>
        v === values.currentPassword ? 'La nueva contraseña debe ser distinta de la actual.' : passwordProblems(v, userName)[0] ?? null,
      confirm: (v, values) => (v === values.newPassword ? null : 'Las contraseñas no coinciden.'),
    },
  });
  const problems = form.values.newPassword ? passwordProblems(form.values.newPassword, userName) : [];

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    await run(async () => {
      setState(await call('session.changePassword', { currentPassword, newPassword }));
      onDone?.();
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput label="Contraseña actual" autoComplete="current-password" autoFocus {...form.getInputProps('currentPassword')} />
        <PasswordInput label="Nueva contraseña" description={PASSWORD_RULES_TEXT} autoComplete="new-password" {...form.getInputProps('newPassword')} />
        {problems.length > 0 && (
          <List size="xs" c="dimmed" spacing={2}>
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        )}
        <PasswordInput label="Confirme la nueva contraseña" autoComplete="new-password" {...form.getInputProps('confirm')} />
        <FormError error={error} />
        <Button type="submit" loading={busy}>
          Cambiar contraseña
        </Button>
      </Stack>
    </form>
  );
}
