import { ShipmentEditor } from './ShipmentEditor';

export function NewShipmentPage() {
  return <ShipmentEditor />;
}
