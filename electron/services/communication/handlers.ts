import type { DomainHandlers } from '../ipc/handler-table';
import type { SocialAccountService } from './account-service';
import type { OutletService } from './outlet-service';

/** Comunicación Social's register of social-network accounts and the custody of their passwords, and its directory of media outlets. */
export function communicationHandlers(accounts: SocialAccountService, outlets: OutletService) {
  return {
    'socialAccounts.list': (_, { ws }) => accounts.list(ws),
    'socialAccounts.get': ({ accountId }, { ws }) => accounts.get(ws, accountId),
    'socialAccounts.create': ({ account }, { ws, user }) => accounts.create(ws, user, account),
    'socialAccounts.update': ({ accountId, account }, { ws, user }) => accounts.update(ws, user, accountId, account),
    'socialAccounts.validate': ({ accountId, on }, { ws, user }) => accounts.validate(ws, user, accountId, on),
    'socialAccounts.remove': ({ accountId, on, reason }, { ws, user }) => accounts.remove(ws, user, accountId, on, reason),
    'socialAccounts.startCustody': ({ accountId, custody }, { ws, user }) => accounts.startCustody(ws, user, accountId, custody),
    'socialAccounts.endCustody': ({ accountId, custodyId, on, reason }, { ws, user }) => accounts.endCustody(ws, user, accountId, custodyId, on, reason),
    'socialAccounts.exportDirectory': (_, { ws, user }) => accounts.exportPublicDirectory(ws, user),
    'socialAccounts.printDirectory': (_, { ws, user }) => accounts.printPublicDirectory(ws, user),
    'socialAccounts.printAcknowledgement': ({ accountId, custodyId }, { ws, user }) => accounts.printAcknowledgement(ws, user, accountId, custodyId),
    'socialAccounts.registerAcknowledgementScan': ({ accountId, custodyId, scan }, { ws, user }) => accounts.registerAcknowledgementScan(ws, user, accountId, custodyId, scan),
    'socialAccounts.registerRequestScan': ({ accountId, scan }, { ws, user }) => accounts.registerRequestScan(ws, user, accountId, scan),
    'socialAccounts.scan': ({ accountId, custodyId }, { ws }) => accounts.scan(ws, accountId, custodyId ? { custodyId } : 'request'),
    'socialAccounts.openIncident': ({ accountId, incident }, { ws, user }) => accounts.openIncident(ws, user, accountId, incident),
    'socialAccounts.recordIncidentStep': ({ accountId, incidentId, step }, { ws, user }) => accounts.recordIncidentStep(ws, user, accountId, incidentId, step),
    'socialAccounts.keptPrint': ({ accountId, printId }, { ws }) => accounts.keptPrint(ws, accountId, printId),
    'socialAccounts.printIncidentReport': ({ accountId, incidentId }, { ws, user }) => accounts.printIncidentReport(ws, user, accountId, incidentId),
    'socialAccounts.recordRotation': ({ accountId, rotation }, { ws, user }) => accounts.recordRotation(ws, user, accountId, rotation),
    'socialAccounts.attention': (_, { ws }) => accounts.attention(ws),
    'socialAccounts.custodianCandidates': (_, { ws }) => accounts.custodianCandidates(ws),
    'outlets.list': (_, { ws }) => outlets.list(ws),
    'outlets.create': ({ outlet }, { ws, user }) => outlets.create(ws, user, outlet),
    'outlets.update': ({ outletId, outlet }, { ws, user }) => outlets.update(ws, user, outletId, outlet),
    'outlets.deactivate': ({ outletId }, { ws, user }) => outlets.deactivate(ws, user, outletId),
  } satisfies DomainHandlers;
}
