import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/errors';
import { AuthFrame } from './AuthFrame';

/**
 * The vault could not even be looked at: most often
 * another Valija holds it. Said on the screen, with what to do, instead of a
 * spinner that never ends.
 */
export function VaultUnavailable({ error, onRetry }: { error: ErrorPayload; onRetry: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const inUse = error.code === 'VAULT_IN_USE';
  return (
    <AuthFrame title={inUse ? 'La bóveda ya está abierta en otro Valija' : 'No se pudo abrir la bóveda'} width={540}>
      <Stack gap="md">
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="alert">
          {error.message}
        </Alert>
        {inUse ? (
          <>
            <Text size="sm">Sólo un programa a la vez puede usar la bóveda, para que ningún registro se pierda. Para continuar:</Text>
            <List size="sm" type="ordered" spacing={4}>
              <List.Item>Busque la otra ventana de Valija en este equipo (o en otra sesión de Windows o Linux con la misma carpeta de datos).</List.Item>
              <List.Item>Ahí, cierre sesión y salga de Valija.</List.Item>
              <List.Item>Vuelva a esta ventana y pulse «Reintentar».</List.Item>
            </List>
            <Text size="sm" c="dimmed">
              Si no encuentra otra ventana abierta, reinicie el equipo; Valija libera la bóveda al cerrarse.
            </Text>
          </>
        ) : (
          <Text size="sm">Revise que la carpeta de datos exista y se pueda leer, y avise al administrador si el problema continúa.</Text>
        )}
        <Button
          loading={busy}
          onClick={() => {
            setBusy(true);
            void onRetry().finally(() => setBusy(false));
          }}
        >
          Reintentar
        </Button>
      </Stack>
    </AuthFrame>
  );
}
