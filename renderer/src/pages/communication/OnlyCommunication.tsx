import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The account directory and the media outlets are Comunicación Social's: anyone else who types the address is told so. */
export function OnlyCommunication({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  if (allowed) return children;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Comunicación Social
      </Title>
      <Alert color="gray" icon={<IconLock />} title="Sólo para Comunicación Social">
        <Text size="sm">Su usuario no tiene el rol de Comunicación Social ni de administrador. Si necesita consultar las cuentas de redes sociales o el directorio de medios, pida ayuda a Comunicación Social.</Text>
      </Alert>
    </Stack>
  );
}

