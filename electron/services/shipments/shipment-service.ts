import type { z } from 'zod';
import { custodyEventInputSchema, type CustodyEvent, type CustodyEventInput } from '../../../shared/domain/custody';
import type { RecordDamage } from '../../../shared/domain/directory-views';
import { printInputSchema, type PrintedForm, type PrintInput } from '../../../shared/domain/printing';
import type { ShipmentAction } from '../../../shared/domain/shipment-states';
import { actionPayloadSchemas, shipmentContentSchema, type ActionPayload, type ActionPayloadInput, type Shipment, type ShipmentContentInput, type ShipmentDetail, type WaitingShipment } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { describeIssues } from '../../../shared/validation';
import type { Workspace } from '../accounts/workspace';
import { renderForm } from '../documents/forms';
import { ShipmentVault } from './open-shipments';
import { ShipmentAttachments } from './shipment-attachments';
import { ShipmentCustody, type CustodyView } from './shipment-custody';
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

  // ---- kept for electron/services/custody/ ----------------------------------
  // CustodyService and the custody tests call these names with input as a
  // screen would send it (their fixtures leave out defaulted fields), so these
  // still parse. custody/ is being changed on another branch now; once that
  // lands, its callers move to the parts with parsed input and these go.

  /** @deprecated use `lifecycle.act` with the parsed payload */
  act<A extends ShipmentAction>(ws: Workspace, user: User, id: string, action: A, payload: ActionPayloadInput<A>): Promise<Shipment> {
    const schema: z.ZodType = actionPayloadSchemas[action];
    return this.lifecycle.act(ws, user, id, action, parseOrThrow(schema, payload) as ActionPayload<A>);
  }

  /** @deprecated use `lifecycle.createDraft` with parsed content */
  createDraft(ws: Workspace, user: User, content: ShipmentContentInput): Promise<Shipment> {
    return this.lifecycle.createDraft(ws, user, parseOrThrow(shipmentContentSchema, content));
  }

  /** @deprecated use `lifecycle.update` with parsed content */
  update(ws: Workspace, user: User, id: string, content: ShipmentContentInput): Promise<Shipment> {
    return this.lifecycle.update(ws, user, id, parseOrThrow(shipmentContentSchema, content));
  }

  /** @deprecated use `queries.get` */
  get(ws: Workspace, viewer: User, id: string): Promise<ShipmentDetail> {
    return this.queries.get(ws, viewer, id);
  }

  /** @deprecated use `queries.waitingFor` */
  waitingFor(ws: Workspace, user: User): Promise<WaitingShipment[]> {
    return this.queries.waitingFor(ws, user);
  }

  /** @deprecated use `printing.printForm` with the parsed request */
  printForm(ws: Workspace, user: User, req: PrintInput): Promise<PrintedForm> {
    return this.printing.printForm(ws, user, parseOrThrow(printInputSchema, req));
  }

  /** @deprecated use `custody.record` with the parsed event */
  recordCustody(ws: Workspace, user: User, id: string, event: CustodyEventInput): Promise<CustodyEvent> {
    return this.custody.record(ws, user, id, parseOrThrow(custodyEventInputSchema, event));
  }

  /** @deprecated use `custody.view` */
  custodyView(ws: Workspace): Promise<CustodyView> {
    return this.custody.view(ws);
  }

  /** @deprecated use `upkeep.scanDamage` */
  scanDamage(ws: Workspace): Promise<RecordDamage> {
    return this.upkeep.scanDamage(ws);
  }
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION', describeIssues(parsed.error.issues));
  return parsed.data;
}
