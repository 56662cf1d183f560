import { AppError, ERROR_MESSAGES } from '../../../shared/errors';
import { isChannel, type Channel } from '../../../shared/ipc/channels';
import { contract, type Handlers, type Output } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { describeIssues } from '../../../shared/validation';

export interface DispatchLogger {
  error(message: string, detail?: unknown): void;
}

const consoleLogger: DispatchLogger = {
  error: (message, detail) => console.error(message, detail),
};

/**
 * The single entry point for every IPC call, used by Electron's main process
 * and by the browser harness alike: it refuses unknown channels, parses the
 * input with the channel's schema, runs the handler, and turns every outcome
 * into a Result. Nothing thrown by a service crosses the boundary as-is: an
 * AppError keeps its code and Spanish message, anything else becomes INTERNAL
 * (the detail goes to the log, not to the screen).
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  logger: DispatchLogger = consoleLogger,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'UNKNOWN_CHANNEL', message: ERROR_MESSAGES.UNKNOWN_CHANNEL });
  }
  return run(handlers, channel, rawInput, logger);
}

async function run<C extends Channel>(
  handlers: Handlers,
  channel: C,
  rawInput: unknown,
  logger: DispatchLogger,
): Promise<Result<Output<C>>> {
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail({ code: 'VALIDATION', message: describeIssues(parsed.error.issues) });
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<Output<C>> | Output<C>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof AppError) return fail(error.toPayload());
    logger.error(`Error no controlado en el canal ${channel}`, error);
    return fail({ code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL });
  }
}
