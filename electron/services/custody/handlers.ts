import type { DomainHandlers } from '../ipc/handler-table';
import type { CustodyService } from './custody-service';

/** The custody log, its verification, and the couriers. */
export function custodyHandlers(custody: CustodyService) {
  return {
    'custody.list': (filter, { ws, user }) => custody.list(ws, user, filter),
    'custody.record': ({ shipmentId, event }, { ws, user }) => custody.record(ws, user, shipmentId, event),
    'custody.verify': ({ shipmentId }, { ws, user }) => custody.verify(ws, user, shipmentId),
    'custody.exportCsv': (filter, { ws, user }) => custody.exportCsv(ws, user, filter),
    'custody.known': (_, { ws }) => custody.knownParties(ws),
    'couriers.list': (_, { ws }) => custody.couriers(ws),
    'couriers.save': ({ courierId, courier, active }, { ws, user }) => custody.saveCourier(ws, user, courierId, courier, active),
  } satisfies DomainHandlers;
}
