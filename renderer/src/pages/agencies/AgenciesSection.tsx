import { Route, Routes } from 'react-router';
import { AgenciesPage } from './AgenciesPage';
import { AgencyDetailPage } from './AgencyDetailPage';

/** Dependencias y convenios: the list, and each agency's page below it. */
export function AgenciesSection() {
  return (
    <Routes>
      <Route index element={<AgenciesPage />} />
      <Route path=":agencyId" element={<AgencyDetailPage />} />
    </Routes>
  );
}
