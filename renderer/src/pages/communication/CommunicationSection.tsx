import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Navigate, Route, Routes } from 'react-router';
import { COMMUNICATION } from '../../../../shared/ipc/access';
import { useSignedIn } from '../../stores/session-store';
import { AccountDetailPage } from './AccountDetailPage';
import { AccountsPage } from './AccountsPage';
import { OutletsPage } from './OutletsPage';
import { RequestsQueuePage } from './RequestsQueuePage';

/** Comunicación Social: its pages (the account directory, the media outlets) for those who keep them; the core refuses the rest anyway. */
export function CommunicationSection() {
  const roles = useSignedIn()?.user.roles ?? [];
  if (!COMMUNICATION.some((r) => roles.includes(r))) {
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
  return (
    <Routes>
      <Route index element={<Navigate to="cuentas" replace />} />
      <Route path="cuentas" element={<AccountsPage />} />
      <Route path="cuentas/:accountId" element={<AccountDetailPage />} />
      <Route path="medios" element={<OutletsPage />} />
      <Route path="solicitudes" element={<RequestsQueuePage />} />
    </Routes>
  );
}
