import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/app-services';
import { TEST_KDF } from '../../electron/services/vault';
import { buildVault, SIGN_IN } from './build';
import { parsed } from '../../electron/services/test-support/parsed-inputs';

const root = mkdtempSync(path.join(os.tmpdir(), 'valija-bench-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bench vault builder', () => {
  it('takes every shipment through the real life cycle to «entregado», one in five returned by legal, five custody events each', async () => {
    const dir = path.join(root, 'v');
    const built = await buildVault(dir, { months: 2, shipments: 20, agencies: 4, users: 12 }, { kdf: TEST_KDF, end: new Date('2026-12-15T12:00:00Z') });
    expect(built).toMatchObject({ shipments: 20, returned: 4, custodyEvents: 100, from: '2026-10-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });

    // Read back through the services, as the measuring child does.
    // The vault was built with the test KDF; reading it back must configure the same cost (none cheaper is accepted).
    const s = createServices({ dataDir: dir, version: 't', shell: 'harness', kdf: TEST_KDF });
    await s.session.signIn(SIGN_IN.userName, SIGN_IN.password);
    const { ws, user } = s.session.require();
    expect(await s.shipments.queries.countsByState(ws)).toEqual({ entregado: 20 });
    const page = await s.shipments.queries.list(ws, user, parsed.filter({ limit: 500 }));
    const months = new Set(page.items.map((x) => x.createdAt.slice(0, 7)));
    expect(months).toEqual(new Set(['2026-10', '2026-11']));
    expect(page.items.every((x) => x.updatedAt < built.to)).toBe(true);
    expect(new Set(page.items.map((x) => x.channel)).size).toBe(3);
    let returned = 0;
    for (const item of page.items) {
      const detail = await s.shipments.queries.get(ws, user, item.id);
      expect(detail.custody.map((e) => e.type)).toEqual(['sellado', 'entrega_mensajero', 'entrega_mensajero', 'recepcion_destino', 'resguardo_archivo']);
      if (detail.shipment.history.some((h) => h.action === 'devolver')) returned += 1;
    }
    expect(returned).toBe(4);
    expect((await s.users.list(ws)).length).toBe(12);
    expect((await s.custody.verify(ws, user)).ok).toBe(true);
    await s.session.close();
  });
});
