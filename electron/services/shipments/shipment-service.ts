import { renderForm } from '../documents/render-on-demand';
import { ShipmentVault } from './open-shipments';
import { ShipmentAttachments } from './shipment-attachments';
import { ShipmentCustody } from './shipment-custody';
import { ShipmentLifecycle } from './shipment-lifecycle';
import { ShipmentPrinting, type RenderForm } from './shipment-printing';
import { ShipmentQueries } from './shipment-queries';
import { ShipmentUpkeep } from './shipment-upkeep';

export type { CustodyView } from './shipment-custody';

/**
 * The shipments' domain, one part per concern, all sharing one opened vault
 * (open-shipments.ts): callers use the part they need,
 * `shipments.queries.list(…)`, `shipments.printing.printForm(…)`.
 */
export class ShipmentService {
  readonly lifecycle: ShipmentLifecycle;
  readonly queries: ShipmentQueries;
  readonly printing: ShipmentPrinting;
  readonly attachments: ShipmentAttachments;
  readonly custody: ShipmentCustody;
  readonly upkeep: ShipmentUpkeep;

  /**
   * @param render renders a paper form; in the app it runs on a worker
   * thread (documents/render-pool) so layout never holds up the window.
   */
  constructor(clock: () => Date, render: RenderForm = renderForm) {
    const vault = new ShipmentVault();
    this.custody = new ShipmentCustody(vault, clock);
    this.lifecycle = new ShipmentLifecycle(vault, clock, this.custody);
    this.queries = new ShipmentQueries(vault, clock);
    this.printing = new ShipmentPrinting(vault, clock, render);
    this.attachments = new ShipmentAttachments(vault);
    this.upkeep = new ShipmentUpkeep(vault);
  }
}
