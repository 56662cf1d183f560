import { AppError, ERROR_MESSAGES } from '../../../shared/errors';
import { holdsAnyRole, roleRefusal, type Access } from '../../../shared/ipc/access';
import { isChannel, type Channel } from '../../../shared/ipc/channels';
import { contract, type Output } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { describeIssues } from '../../../shared/validation';
import type { AccessGate, HandlerTable, SignedIn } from './handler-table';

export interface DispatchLogger {
  error(message: string, detail?: unknown): void;
}

const consoleLogger: DispatchLogger = {
  error: (message, detail) => console.error(message, detail),
};

/**
 * The single entry point for every IPC call, used by Electron's main process
 * and by the browser harness alike: it refuses unknown channels, admits the
 * caller by the channel's declared access, parses the input with the
 * channel's schema, runs the handler, and turns every outcome into a Result.
 * Nothing thrown by a service crosses the boundary as-is: an AppError keeps
 * its code and Spanish message, anything else becomes INTERNAL (the detail
 * goes to the log, not to the screen).
 */
export async function dispatch(table: HandlerTable, channel: unknown, rawInput: unknown, logger: DispatchLogger = consoleLogger): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'UNKNOWN_CHANNEL', message: ERROR_MESSAGES.UNKNOWN_CHANNEL });
  }
  return run(table, channel, rawInput, logger);
}

/**
 * Who calls, as the channel's access allows: null for a public channel or the
 * first-run screen, else the signed-in user. Throws the refusal. Checked
 * before parsing, so a caller who may not use a channel learns nothing of its
 * input rules.
 */
export async function admit(access: Access, gate: AccessGate): Promise<SignedIn | null> {
  if (access.kind === 'public') return null;
  if (access.firstRun && (await gate.firstRun())) return null;
  const caller = gate.signedIn();
  if (access.kind === 'roles' && !holdsAnyRole(caller.user, access.roles)) {
    const refusal = roleRefusal(access.roles, access.doing);
    throw new AppError(refusal.code, refusal.message);
  }
  return caller;
}

async function run<C extends Channel>(table: HandlerTable, channel: C, rawInput: unknown, logger: DispatchLogger): Promise<Result<Output<C>>> {
  try {
    await table.gate.beforeCall?.(channel);
    const caller = await admit(contract[channel].access, table.gate);
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return fail({ code: 'VALIDATION', message: describeIssues(parsed.error.issues) });
    }
    // The mapped type cannot follow C through the index; the contract ties input, caller and output together.
    const handler = table.handlers[channel] as (input: unknown, caller: SignedIn | null) => Promise<Output<C>> | Output<C>;
    return ok(await handler(parsed.data, caller));
  } catch (error) {
    if (error instanceof AppError) return fail(error.toPayload());
    logger.error(`Error no controlado en el canal ${channel}`, error);
    return fail({ code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL });
  }
}
