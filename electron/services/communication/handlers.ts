import type { DomainHandlers } from '../ipc/handler-table';
import type { SocialAccountService } from './account-service';

/** Comunicación Social's register of social-network accounts and the custody of their passwords. */
export function communicationHandlers(accounts: SocialAccountService) {
  return {
    'socialAccounts.list': (_, { ws }) => accounts.list(ws),
    'socialAccounts.get': ({ accountId }, { ws }) => accounts.get(ws, accountId),
    'socialAccounts.create': ({ account }, { ws, user }) => accounts.create(ws, user, account),
    'socialAccounts.update': ({ accountId, account }, { ws, user }) => accounts.update(ws, user, accountId, account),
    'socialAccounts.validate': ({ accountId, on }, { ws, user }) => accounts.validate(ws, user, accountId, on),
    'socialAccounts.remove': ({ accountId, on, reason }, { ws, user }) => accounts.remove(ws, user, accountId, on, reason),
    'socialAccounts.startCustody': ({ accountId, custody }, { ws, user }) => accounts.startCustody(ws, user, accountId, custody),
    'socialAccounts.endCustody': ({ accountId, custodyId, on, reason }, { ws, user }) => accounts.endCustody(ws, user, accountId, custodyId, on, reason),
    'socialAccounts.recordRotation': ({ accountId, rotation }, { ws, user }) => accounts.recordRotation(ws, user, accountId, rotation),
    'socialAccounts.attention': (_, { ws }) => accounts.attention(ws),
    'socialAccounts.custodianCandidates': (_, { ws }) => accounts.custodianCandidates(ws),
  } satisfies DomainHandlers;
}
