export { ShipmentService } from './shipment-service';
export { ShipmentStore, CHANGES_STREAM } from './shipment-store';
export type { ShipmentRow } from './shipment-rows';
export { contentDigest, digestBody } from './content-digest';
export { formatFolio, FolioCounter } from './folio';
export { searchShipments, summaryOf } from './search';
