import type { DirectoryService } from '../agencies/directory-service';
import type { CustodyService } from '../custody/custody-service';
import type { DomainHandlers } from '../ipc/handler-table';
import type { ShipmentService } from './shipment-service';

export interface ShipmentDeps {
  shipments: ShipmentService;
  custody: CustodyService;
  directory: DirectoryService;
}

/** Shipments, their forms and attachments, and Inicio (which is mostly about them). */
export function shipmentHandlers({ shipments, custody, directory }: ShipmentDeps) {
  return {
    'home.dashboard': async (_, { ws, user }) => ({ ...(await directory.dashboard(ws)), shipmentsByState: await shipments.countsByState(ws), waiting: await shipments.waitingFor(ws, user), damage: await shipments.knownDamage(ws) }),
    'vault.maintenance': () => shipments.maintenance(),

    'shipments.list': (filter, { ws }) => shipments.list(ws, filter),
    'shipments.get': ({ shipmentId }, { ws, user }) => shipments.get(ws, user, shipmentId),
    'shipments.create': ({ content }, { ws, user }) => shipments.createDraft(ws, user, content),
    'shipments.update': ({ shipmentId, content }, { ws, user }) => shipments.update(ws, user, shipmentId, content),
    'shipments.act': ({ shipmentId, action, payload }, { ws, user }) => custody.act(ws, user, shipmentId, action, payload),
    'shipments.scan': ({ shipmentId, which }, { ws }) => shipments.scan(ws, shipmentId, which),
    'documents.print': (input, { ws, user }) => shipments.printForm(ws, user, input),
    'shipments.lookup': ({ code }, { ws }) => shipments.lookup(ws, code),
    'shipments.findFolio': ({ text }, { ws }) => shipments.findFolio(ws, text),
    'shipments.uploadAttachment': (input, { ws, user }) => shipments.uploadAttachment(ws, user, input),
    'shipments.attachment': ({ shipmentId, blobId }, { ws }) => shipments.attachment(ws, shipmentId, blobId),
    'shipments.printedSheets': ({ shipmentId }, { ws }) => shipments.printedSheets(ws, shipmentId),
    'shipments.printedSheet': ({ shipmentId, sheetId }, { ws }) => shipments.printedSheetDownload(ws, shipmentId, sheetId),
  } satisfies DomainHandlers;
}
