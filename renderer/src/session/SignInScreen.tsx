import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { PASSWORD_RULES_TEXT } from '../../../shared/domain/password-policy';
import type { SessionState } from '../../../shared/domain/session';
import { call } from '../api/client';
import { useSessionStore } from '../stores/session-store';
import { AuthFrame } from './AuthFrame';
import { FormError } from '../forms/FormError';
import { useSubmit } from '../forms/use-submit';

type Locked = Extract<SessionState, { status: 'locked' }>;

function officeLine(state: Locked) {
  return state.office ? `${state.office.institution} · ${state.office.unit}` : undefined;
}

export function SignInScreen({ state }: { state: Locked }) {
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  return mode === 'password' ? <PasswordSignIn state={state} onRecovery={() => setMode('recovery')} /> : <RecoverySignIn state={state} onBack={() => setMode('password')} />;
}

function PasswordSignIn({ state, onRecovery }: { state: Locked; onRecovery: () => void }) {
  const signIn = useSessionStore((s) => s.signIn);
  const { busy, error, run } = useSubmit();
  const form = useForm({
    initialValues: { userName: '', password: '' },
    validate: {
      userName: (v) => (v.trim() ? null : 'Escriba su usuario.'),
      password: (v) => (v ? null : 'Escriba su contraseña.'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    // The password field is emptied either way: after success it is gone, after a refusal it is retyped.
    form.setFieldValue('password', '');
    await run(() => signIn(values));
  });

  return (
    <AuthFrame title="Iniciar sesión" subtitle={officeLine(state)}>
      {state.reason === 'idle' && (
        <Alert color="yellow" icon={<IconLock />} title="Sesión bloqueada">
          La sesión se bloqueó por inactividad. Escriba su contraseña para continuar.
        </Alert>
      )}
      {state.reason === 'system' && (
        <Alert color="yellow" icon={<IconLock />} title="Sesión bloqueada">
          La sesión se bloqueó porque el equipo se bloqueó o se suspendió. Escriba su contraseña para continuar.
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Usuario" autoComplete="username" autoFocus {...form.getInputProps('userName')} />
          <PasswordInput label="Contraseña" autoComplete="current-password" {...form.getInputProps('password')} />
          <FormError error={error} />
          <Button type="submit" loading={busy} fullWidth mt="xs">
            Entrar
          </Button>
        </Stack>
      </form>
      <Text size="sm" ta="center">
        <Anchor component="button" type="button" onClick={onRecovery}>
          Usar código de recuperación
        </Anchor>
      </Text>
    </AuthFrame>
  );
}

function RecoverySignIn({ state, onBack }: { state: Locked; onBack: () => void }) {
  const setState = useSessionStore((s) => s.set);
  const { busy, error, run } = useSubmit();
  const form = useForm({
    initialValues: { recoveryCode: '', userName: '', newPassword: '', confirm: '' },
    validate: {
      recoveryCode: (v) => (v.trim().length >= 8 ? null : 'Escriba el código completo, tal como aparece en la hoja.'),
      userName: (v) => (v.trim() ? null : 'Escriba el usuario del administrador.'),
      newPassword: (v) => (v ? null : 'Escriba la nueva contraseña.'),
      confirm: (v, values) => (v === values.newPassword ? null : 'Las contraseñas no coinciden.'),
    },
  });

  const submit = form.onSubmit(async ({ recoveryCode, userName, newPassword }) => {
    await run(async () => {
      setState(await call('session.recover', { recoveryCode, userName, newPassword }));
    });
  });

  return (
    <AuthFrame
      title="Recuperar acceso"
      subtitle={
        <>
          {officeLine(state)}
          <br />
          Con el código de la hoja de recuperación, un administrador define una nueva contraseña.
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Código de recuperación" placeholder="XXXX-XXXX-XXXX-…" autoFocus {...form.getInputProps('recoveryCode')} />
          <TextInput label="Usuario del administrador" autoComplete="username" {...form.getInputProps('userName')} />
          <PasswordInput label="Nueva contraseña" description={PASSWORD_RULES_TEXT} autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <PasswordInput label="Confirme la nueva contraseña" autoComplete="new-password" {...form.getInputProps('confirm')} />
          <FormError error={error} />
          <Button type="submit" loading={busy} fullWidth>
            Recuperar acceso
          </Button>
          <Button variant="subtle" onClick={onBack}>
            Volver a iniciar sesión
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
