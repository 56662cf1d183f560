import { describe, expect, it, vi } from 'vitest';
import type { ValijaApi } from '../../shared/ipc/contract';
import { createInvoke } from './invoke-guard';

describe('preload invoke allow-list', () => {
  it('forwards a contract channel under the valija: prefix', async () => {
    const raw = vi.fn().mockResolvedValue({ ok: true, value: 'x' });
    const invoke = createInvoke(raw);
    await invoke('app.info', {});
    expect(raw).toHaveBeenCalledWith('valija:app.info', {});
  });

  it('refuses an unknown channel without sending anything', async () => {
    const raw = vi.fn();
    const invoke = createInvoke(raw) as unknown as (channel: string, input: unknown) => ReturnType<ValijaApi['invoke']>;
    for (const name of ['shell.openExternal', 'valija:app.info', '', '__proto__']) {
      expect(await invoke(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(raw).not.toHaveBeenCalled();
  });
});
