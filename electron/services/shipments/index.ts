export { ShipmentService } from './shipment-service';
export { ShipmentStore, type ShipmentRevision } from './shipment-store';
export { contentDigest, digestBody } from './content-digest';
export { formatFolio, FolioCounter } from './folio';
export { searchShipments, searchText, summaryOf } from './search';
