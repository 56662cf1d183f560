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
    'home.dashboard': async (_, { ws, user }) => {
      const home = { ...(await directory.dashboard(ws)), shipmentsByState: await shipments.queries.countsByState(ws), waiting: await shipments.queries.waitingFor(ws, user), damage: await shipments.upkeep.knownDamage(ws) };
      shipments.upkeep.warmSoon(ws);
      return home;
    },
    'vault.maintenance': () => shipments.upkeep.maintenance(),

    'shipments.list': (filter, { ws, user }) => shipments.queries.list(ws, user, filter),
    'shipments.get': ({ shipmentId }, { ws, user }) => shipments.queries.get(ws, user, shipmentId),
    'shipments.create': async ({ content }, { ws, user }) => {
      await pickedPaths.assertFiles(ws, user, content.media?.files ?? [], async () => []);
      return shipments.lifecycle.createDraft(ws, user, content);
    },
    'shipments.update': async ({ shipmentId, content }, { ws, user }) => {
      await pickedPaths.assertFiles(ws, user, content.media?.files ?? [], async () => (await shipments.queries.get(ws, user, shipmentId)).shipment.content.media?.files ?? []);
      return shipments.lifecycle.update(ws, user, shipmentId, content);
    },
    'shipments.act': ({ shipmentId, action, payload }, { ws, user }) => custody.act(ws, user, shipmentId, action, payload),
    'shipments.scan': ({ shipmentId, which }, { ws, user }) => shipments.attachments.scan(ws, user, shipmentId, which),
    'documents.print': (input, { ws, user }) => shipments.printing.printForm(ws, user, input),
    'shipments.lookup': ({ code }, { ws, user }) => shipments.queries.lookup(ws, user, code),
    'shipments.findFolio': ({ text }, { ws, user }) => shipments.queries.findFolio(ws, user, text),
    'shipments.uploadAttachment': (input, { ws }) => shipments.attachments.upload(ws, input),
    'shipments.attachment': ({ shipmentId, blobId }, { ws, user }) => shipments.attachments.download(ws, user, shipmentId, blobId),
    'shipments.printedSheets': ({ shipmentId }, { ws, user }) => shipments.printing.printedSheets(ws, user, shipmentId),
    'shipments.printedSheet': ({ shipmentId, sheetId }, { ws, user }) => shipments.printing.printedSheetDownload(ws, user, shipmentId, sheetId),
  } satisfies DomainHandlers;
}
