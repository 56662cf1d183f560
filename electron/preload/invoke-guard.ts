import { ERROR_MESSAGES } from '../../shared/errors';
import { isChannel, wireName } from '../../shared/ipc/channels';
import type { ValijaApi } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

type RawInvoke = (wireChannel: string, input: unknown) => Promise<unknown>;

/**
 * Builds the only function the page can use to reach the core. Names outside
 * the contract's allow-list are refused here, before anything is sent.
 */
export function createInvoke(rawInvoke: RawInvoke): ValijaApi['invoke'] {
  return (async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: ERROR_MESSAGES.UNKNOWN_CHANNEL } };
    }
    return (await rawInvoke(wireName(channel), input)) as Result<unknown>;
  }) as ValijaApi['invoke'];
}
