import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { createHandlers, createServices } from '../services/app-services';

type Listener = (event: unknown, input: unknown) => Promise<unknown>;
const registered = new Map<string, Listener>();

// No Electron binary here: stand in for ipcMain to see what main registers.
vi.mock('electron', () => ({
  ipcMain: { handle: (name: string, listener: Listener) => registered.set(name, listener) },
}));

const { registerIpc } = await import('./ipc');

function eventFrom(url: string, isMainFrame = true) {
  return { senderFrame: { url, parent: isMainFrame ? null : {} } };
}

describe('main process IPC wiring', () => {
  beforeEach(() => {
    registered.clear();
    registerIpc(createHandlers(createServices({ dataDir: '/tmp/v', version: '9.9.9', shell: 'electron' })), ['app://valija']);
  });

  it('registers exactly the contract channels, so any other name has no handler', () => {
    expect([...registered.keys()].sort()).toEqual(CHANNELS.map((c) => `valija:${c}`).sort());
    expect(registered.has('valija:fs.readFile')).toBe(false);
  });

  it('answers our own main frame', async () => {
    const listener = registered.get('valija:app.info')!;
    expect(await listener(eventFrom('app://valija/index.html'), {})).toMatchObject({ ok: true, value: { version: '9.9.9' } });
  });

  it('refuses a foreign origin, a sub-frame and a missing frame', async () => {
    const listener = registered.get('valija:app.info')!;
    for (const event of [eventFrom('https://example.org/'), eventFrom('app://valija/index.html', false), { senderFrame: null }]) {
      expect(await listener(event, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
  });

  it('validates input after the sender check', async () => {
    const listener = registered.get('valija:app.info')!;
    expect(await listener(eventFrom('app://valija/'), { x: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
