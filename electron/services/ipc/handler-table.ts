import type { User } from '../../../shared/domain/users';
import type { Channel } from '../../../shared/ipc/channels';
import type { HandlersOver } from '../../../shared/ipc/contract';
import type { Workspace } from '../accounts/workspace';

/** Who dispatch admitted on a channel that needs a signed-in user. */
export interface SignedIn {
  ws: Workspace;
  user: User;
}

/** One handler per channel of the contract, each given its parsed input and its caller. */
export type Handlers = HandlersOver<SignedIn>;

/** A domain's share of the table: the channels its module owns. */
export type DomainHandlers = Partial<Handlers>;

/** What dispatch asks before a handler runs: the session, seen from the channel's access. */
export interface AccessGate {
  /** No vault exists yet: the first-run screen. */
  firstRun(): Promise<boolean>;
  /** The signed-in user and workspace; throws NOT_SIGNED_IN (or FORBIDDEN while a temporary password waits). */
  signedIn(): SignedIn;
  /** Before admitting a call on `channel`: the session's idle limit, enforced by the core. */
  beforeCall?(channel: Channel): Promise<void>;
}

/** The handlers and the gate that admits their callers: what Electron's main process and the harness serve. */
export interface HandlerTable {
  handlers: Handlers;
  gate: AccessGate;
}
