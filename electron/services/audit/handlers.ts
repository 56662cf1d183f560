import type { DomainHandlers } from '../ipc/handler-table';

/** The audit log: read and verified by administrators (access in the contract). */
export function auditHandlers() {
  return {
    'audit.list': (filter, { ws }) => ws.audit.list(filter),
    'audit.verify': (_, { ws }) => ws.audit.verify(),
  } satisfies DomainHandlers;
}
