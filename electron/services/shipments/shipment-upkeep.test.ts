import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { ADMIN, oficioContent, shipmentIn, testWorld, type TestWorld } from '../test-support/world';

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.s.session.close();
});

describe('shipment upkeep', () => {
  it('reads the rows and the custody index in the background once Inicio has its answer', async () => {
    const w = await testWorld();
    worlds.push(w);
    await shipmentIn(w, 'entregado', oficioContent(w, 'Entregado'));
    await w.s.session.signOut();
    // Without checkpoints, reading the rows and the custody index rebuilds them, and the audit log says so.
    rmSync(path.join(w.dir, `g${w.ws.vault.generation}`, 'cache'), { recursive: true, force: true });
    await w.s.session.signIn(ADMIN.userName, ADMIN.password);
    const ws = w.s.session.require().ws;
    const rebuilt = async () => (await ws.audit.list({ action: 'vault.index_rebuilt', offset: 0, limit: 10 })).entries.map((e) => e.subject);

    const home = await dispatch(createHandlers(w.s), 'home.dashboard', {});
    expect(home.ok).toBe(true);
    // Nothing else is asked for: the reads happen on their own, after Inicio's answer.
    await vi.waitFor(async () => expect(await rebuilt()).toHaveLength(2), { timeout: 5000 });
    expect((await rebuilt()).join(' | ')).toMatch(/Índice de envíos.*\|.*cadena de custodia|cadena de custodia.*\|.*Índice de envíos/);
  });
});
