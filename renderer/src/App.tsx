import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications, notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { SECTIONS, type SectionPath } from './layout/sections';
import { AdministrationPage } from './pages/admin/AdministrationPage';
import { AgenciesSection } from './pages/agencies/AgenciesSection';
import { CommunicationSection } from './pages/communication/CommunicationSection';
import { CustodyPage } from './pages/custody/CustodyPage';
import { MediaPage } from './pages/media/MediaPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { RequestsPage } from './pages/requests/RequestsPage';
import { ShipmentsSection } from './pages/shipments/ShipmentsSection';
import { HomePage } from './pages/HomePage';
import { ForcedPasswordChange } from './session/ForcedPasswordChange';
import { IdleLock } from './session/IdleLock';
import { ResumeRecoveryStep, SetupWizard } from './session/SetupWizard';
import { SignInScreen } from './session/SignInScreen';
import { VaultUnavailable } from './session/VaultUnavailable';
import { useAppStore } from './stores/app-store';
import { useSessionStore } from './stores/session-store';
import { theme } from './theme';
import 'dayjs/locale/es-mx';

/** The page of every section but Inicio (the index route): the compiler refuses a section without one. */
export const PAGES: Record<Exclude<SectionPath, '/'>, () => React.JSX.Element> = {
  '/administracion': AdministrationPage,
  '/dependencias': AgenciesSection,
  '/reportes': ReportsPage,
  '/envios': ShipmentsSection,
  '/custodia': CustodyPage,
  '/medios': MediaPage,
  '/solicitudes': RequestsPage,
  '/comunicacion': CommunicationSection,
};

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        {SECTIONS.map(({ path }) => {
          if (path === '/') return null;
          const Page = PAGES[path];
          return <Route key={path} path={`${path.slice(1)}/*`} element={<Page />} />;
        })}
        <Route path="*" element={<HomePage />} />
      </Route>
    </Routes>
  );
}

/** Which screen shows depends on the vault: none yet, locked, or open for a signed-in user. */
function SessionGate() {
  const state = useSessionStore((s) => s.state);
  const refresh = useSessionStore((s) => s.refresh);
  const unavailable = useSessionStore((s) => s.unavailable);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const signedIn = state?.status === 'signed_in';
  useEffect(() => {
    // Whoever signs in next starts at Inicio, never on the screen the last person left open.
    // The routed screens are unmounted while locked, so their state and loaded data go with them.
    if (state && !signedIn) {
      if (window.location.hash !== '' && window.location.hash !== '#/') window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
      notifications.clean();
    }
  }, [state, signedIn]);

  if (!state && unavailable) return <VaultUnavailable error={unavailable} onRetry={refresh} />;
  if (!state) {
    return (
      <Center h="100vh">
        <Loader aria-label="Cargando" />
      </Center>
    );
  }
  if (state.status === 'no_vault') return <SetupWizard />;
  if (state.status === 'locked') return <SignInScreen state={state} />;
  if (state.recoveryPending) return <ResumeRecoveryStep />;
  if (state.mustChangePassword) return <ForcedPasswordChange state={state} />;
  return (
    <>
      <IdleLock minutes={state.idleMinutes} />
      <HashRouter>
        <AppRoutes />
      </HashRouter>
    </>
  );
}

export function App() {
  const load = useAppStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: 'es-mx', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <ModalsProvider labels={{ confirm: 'Aceptar', cancel: 'Cancelar' }}>
          <Notifications position="top-right" limit={4} />
          <SessionGate />
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
