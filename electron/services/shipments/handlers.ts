import type { DirectoryService } from '../agencies/directory-service';
import type { CustodyService } from '../custody/custody-service';
import type { DomainHandlers } from '../ipc/handler-table';
import type { PickedPaths } from '../media/picked-paths';
import type { ShipmentService } from './shipment-service';

export interface ShipmentDeps {
  shipments: ShipmentService;
  custody: CustodyService;
  directory: DirectoryService;
  /** The files main was shown by the person (file picker, drop): the only source paths a shipment may name. */
  pickedPaths: PickedPaths;
}

/** Shipments, their forms and attachments, and Inicio (which is mostly about them). */
export function shipmentHandlers({ shipments, custody, directory, pickedPaths }: ShipmentDeps) {
  return {
    'home.dashboard': async (_, { ws, user }) => ({ ...(await directory.dashboard(ws)), shipmentsByState: await shipments.countsByState(ws), waiting: await shipments.waitingFor(ws, user), damage: await shipments.knownDamage(ws) }),
    'vault.maintenance': () => shipments.maintenance(),

    'shipments.list': (filter, { ws, user }) => shipments.list(ws, user, filter),
    'shipments.get': ({ shipmentId }, { ws, user }) => shipments.get(ws, user, shipmentId),
    'shipments.create': async ({ content }, { ws, user }) => {
      await pickedPaths.assertFiles(ws, user, content.media?.files ?? [], async () => []);
      return shipments.createDraft(ws, user, content);
    },
    'shipments.update': async ({ shipmentId, content }, { ws, user }) => {
      await pickedPaths.assertFiles(ws, user, content.media?.files ?? [], async () => (await shipments.get(ws, user, shipmentId)).shipment.content.media?.files ?? []);
      return shipments.update(ws, user, shipmentId, content);
    },
    'shipments.act': ({ shipmentId, action, payload }, { ws, user }) => custody.act(ws, user, shipmentId, action, payload),
    'shipments.scan': ({ shipmentId, which }, { ws, user }) => shipments.scan(ws, user, shipmentId, which),
    'documents.print': (input, { ws, user }) => shipments.printForm(ws, user, input),
    'shipments.lookup': ({ code }, { ws, user }) => shipments.lookup(ws, user, code),
    'shipments.findFolio': ({ text }, { ws, user }) => shipments.findFolio(ws, user, text),
    'shipments.uploadAttachment': (input, { ws, user }) => shipments.uploadAttachment(ws, user, input),
    'shipments.attachment': ({ shipmentId, blobId }, { ws, user }) => shipments.attachment(ws, user, shipmentId, blobId),
    'shipments.printedSheets': ({ shipmentId }, { ws, user }) => shipments.printedSheets(ws, user, shipmentId),
    'shipments.printedSheet': ({ shipmentId, sheetId }, { ws, user }) => shipments.printedSheetDownload(ws, user, shipmentId, sheetId),
  } satisfies DomainHandlers;
}
