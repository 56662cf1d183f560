import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { SECTIONS } from './layout/sections';
import { HomePage } from './pages/HomePage';
import { SectionPage } from './pages/SectionPage';
import { useAppStore } from './stores/app-store';
import { theme } from './theme';
import 'dayjs/locale/es-mx';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        {SECTIONS.filter((section) => section.path !== '/').map((section) => (
          <Route key={section.path} path={section.path.slice(1)} element={<SectionPage section={section} />} />
        ))}
        <Route path="*" element={<HomePage />} />
      </Route>
    </Routes>
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
        <Notifications position="top-right" limit={4} />
        <HashRouter>
          <AppRoutes />
        </HashRouter>
      </DatesProvider>
    </MantineProvider>
  );
}
