import { z } from 'zod';
import '../validation';
import type { Channel } from './channels';
import type { Result } from './result';
import type { AppInfo } from '../domain/app-info';

/**
 * The IPC contract: for every channel, the zod schema its input must pass
 * (checked in the main process before any service sees it) and the type of
 * its output. Adding a channel here without a handler is a compile error in
 * `electron/services/handlers.ts`.
 */
interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input, output: undefined as unknown as O });
}

const noInput = z.object({}).strict();

export const contract = {
  'app.info': channel<AppInfo>()(noInput),
} satisfies { [C in Channel]: ChannelSpec<z.ZodType, unknown> };

type Contract = typeof contract;

/** What a caller may pass (before parsing). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

/** One handler per channel; a missing one does not compile. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> };

/** What the preload exposes on `window.api`, and what the harness shim imitates. */
export interface ValijaApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
}
