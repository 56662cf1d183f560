import { Alert, Button } from '@mantine/core';
import type { SessionState } from '../../../shared/domain/session';
import { useSessionStore } from '../stores/session-store';
import { AuthFrame } from './AuthFrame';
import { ChangePasswordForm } from './ChangePasswordForm';

type SignedIn = Extract<SessionState, { status: 'signed_in' }>;

/** A temporary password (new user, or reset by an administrator) is replaced before anything else. */
export function ForcedPasswordChange({ state }: { state: SignedIn }) {
  const signOut = useSessionStore((s) => s.signOut);
  return (
    <AuthFrame title="Cambie su contraseña" subtitle={`${state.user.fullName} · ${state.office.institution}`}>
      <Alert color="blue">Su contraseña es temporal. Antes de continuar, elija una contraseña que sólo usted conozca.</Alert>
      <ChangePasswordForm userName={state.user.userName} />
      <Button variant="subtle" onClick={() => void signOut()}>
        Cerrar sesión
      </Button>
    </AuthFrame>
  );
}
