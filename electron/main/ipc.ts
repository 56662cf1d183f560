import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ERROR_MESSAGES } from '../../shared/errors';
import { CHANNELS, wireName } from '../../shared/ipc/channels';
import { fail } from '../../shared/ipc/result';
import { dispatch } from '../services/ipc/dispatch';
import type { HandlerTable } from '../services/ipc/handler-table';
import { isTrustedSender } from './sender-check';

function senderOf(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
}

/**
 * Registers one ipcMain handler per channel of the contract, all going
 * through `dispatch`. Only channels of the contract are registered, so an
 * unknown name never reaches the core; and every call is refused unless it
 * comes from the main frame of our own page.
 */
export function registerIpc(table: HandlerTable, trustedOrigins: readonly string[]): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(wireName(channel), async (event, input: unknown) => {
      if (!isTrustedSender(senderOf(event), trustedOrigins)) {
        return fail({ code: 'FORBIDDEN_SENDER', message: ERROR_MESSAGES.FORBIDDEN_SENDER });
      }
      return dispatch(table, channel, input);
    });
  }
}
