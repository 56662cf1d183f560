import { Route, Routes } from 'react-router';
import { EditShipmentPage } from './EditShipmentPage';
import { NewShipmentPage } from './NewShipmentPage';
import { ShipmentDetailPage } from './ShipmentDetailPage';
import { ShipmentsPage } from './ShipmentsPage';

/** The Envíos section's routes: the list, a new shipment, its page and its editor. */
export function ShipmentsSection() {
  return (
    <Routes>
      <Route index element={<ShipmentsPage />} />
      <Route path="nuevo" element={<NewShipmentPage />} />
      <Route path=":shipmentId" element={<ShipmentDetailPage />} />
      <Route path=":shipmentId/editar" element={<EditShipmentPage />} />
    </Routes>
  );
}
