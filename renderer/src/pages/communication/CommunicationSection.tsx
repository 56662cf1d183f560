import { Navigate, Route, Routes } from 'react-router';
import { COMMUNICATION, COMMUNICATION_READERS } from '../../../../shared/ipc/access';
import { useSignedIn } from '../../stores/session-store';
import { AccountDetailPage } from './AccountDetailPage';
import { AccountsPage } from './AccountsPage';
import { CalendarPage } from './CalendarPage';
import { CompliancePage } from './CompliancePage';
import { OnlyCommunication } from './OnlyCommunication';
import { OutletsPage } from './OutletsPage';
import { ProgrammePage } from './ProgrammePage';
import { ReleaseDetailPage } from './ReleaseDetailPage';
import { ReleasesPage } from './ReleasesPage';
import { RequestsQueuePage } from './RequestsQueuePage';

/**
 * Comunicación Social: the account directory and the media outlets for those
 * who keep them; the annual programme, its calendar and its compliance also
 * for the Director (who reads them); the releases for everyone who works
 * them (Jurídico, the Director, the head of a providing area: the core lists
 * only what each may read and refuses the rest anyway).
 */
export function CommunicationSection() {
  const roles = useSignedIn()?.user.roles ?? [];
  const communication = COMMUNICATION.some((r) => roles.includes(r));
  const reader = COMMUNICATION_READERS.some((r) => roles.includes(r));
  return (
    <Routes>
      <Route index element={<Navigate to={communication ? 'cuentas' : 'difusiones'} replace />} />
      <Route path="cuentas" element={<OnlyCommunication allowed={communication}><AccountsPage /></OnlyCommunication>} />
      <Route path="cuentas/:accountId" element={<OnlyCommunication allowed={communication}><AccountDetailPage /></OnlyCommunication>} />
      <Route path="solicitudes" element={<OnlyCommunication allowed={communication}><RequestsQueuePage /></OnlyCommunication>} />
      <Route path="medios" element={<OnlyCommunication allowed={communication}><OutletsPage /></OnlyCommunication>} />
      <Route path="programa" element={<OnlyCommunication allowed={reader}><ProgrammePage /></OnlyCommunication>} />
      <Route path="calendario" element={<OnlyCommunication allowed={reader}><CalendarPage /></OnlyCommunication>} />
      <Route path="cumplimiento" element={<OnlyCommunication allowed={reader}><CompliancePage /></OnlyCommunication>} />
      <Route path="difusiones" element={<ReleasesPage />} />
      <Route path="difusiones/:releaseId" element={<ReleaseDetailPage />} />
    </Routes>
  );
}
