import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Navigate, Route, Routes } from 'react-router';
import { COMMUNICATION, COMMUNICATION_READERS } from '../../../../shared/ipc/access';
import { useSignedIn } from '../../stores/session-store';
import { AccountDetailPage } from './AccountDetailPage';
import { AccountsPage } from './AccountsPage';
import { OutletsPage } from './OutletsPage';
import { CalendarPage } from './CalendarPage';
import { CompliancePage } from './CompliancePage';
import { ProgrammePage } from './ProgrammePage';

/**
 * Comunicación Social: the account directory and the media outlets for those who keep them, the
 * annual programme, its calendar and its compliance also for the Director
 * (who reads them); the core refuses the rest anyway.
 */
export function CommunicationSection() {
  const roles = useSignedIn()?.user.roles ?? [];
  const keepsAccounts = COMMUNICATION.some((r) => roles.includes(r));
  if (!COMMUNICATION_READERS.some((r) => roles.includes(r))) {
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
      <Route index element={<Navigate to={keepsAccounts ? 'cuentas' : 'programa'} replace />} />
      <Route path="cuentas" element={keepsAccounts ? <AccountsPage /> : <Navigate to="../programa" replace />} />
      <Route path="cuentas/:accountId" element={keepsAccounts ? <AccountDetailPage /> : <Navigate to="../programa" replace />} />
      <Route path="medios" element={keepsAccounts ? <OutletsPage /> : <Navigate to="../programa" replace />} />
      <Route path="programa" element={<ProgrammePage />} />
      <Route path="calendario" element={<CalendarPage />} />
      <Route path="cumplimiento" element={<CompliancePage />} />
    </Routes>
  );
}
