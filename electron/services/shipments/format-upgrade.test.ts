import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../app-services';
import { canonicalJson } from '../integrity/canonical-json';
import { TEST_KDF } from '../vault';
import { ShipmentStore } from './shipment-store';
import { rewriteAsFormat1 } from './test-support/format1-writer';
import { parsed } from '../test-support/parsed-inputs';

/** A vault written by the last format-1 release (see test-fixtures/make-format1-vault.ts). */
const FIXTURE = path.join(import.meta.dirname, 'test-fixtures', 'format1-vault');
interface Expected {
  adminUserName: string;
  adminPassword: string;
  custodyEvents: number;
  auditEntries: number;
  shipments: Array<{ id: string; folio: string | null; state: string; rev: number; digest: string; historyEntries: number; sheets: Array<{ version: number; digest: string; voided: boolean }>; custodyEvents: number; custodyHead: string | null; shipmentSha256: string; revisionSha256: string[] }>;
}
const expected = JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as Expected;
const sha = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');

const open: Services[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.session.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function signedIn(dir: string): Promise<Services> {
  const s = createServices({ dataDir: dir, version: 't', shell: 'harness', clock: () => new Date('2026-12-01T18:00:00Z'), kdf: TEST_KDF });
  open.push(s);
  await s.session.signIn(expected.adminUserName, expected.adminPassword);
  return s;
}

function copyOfFixture(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'valija-format1-')), 'vault');
  dirs.push(path.dirname(dir));
  cpSync(path.join(FIXTURE, 'vault'), dir, { recursive: true });
  return dir;
}

describe('format 1 → 2 upgrade', () => {
  it('upgrades the committed format-1 vault once and keeps every shipment, revision, sheet, custody event and audit entry', async () => {
    const dir = copyOfFixture();
    const s = await signedIn(dir);
    const { ws, user } = s.session.require();
    expect(ws.vault.format).toBe(1);

    const page = await s.shipments.queries.list(ws, user, parsed.filter({ limit: 100 }));
    expect(ws.vault.format).toBe(2);
    expect(page.total).toBe(expected.shipments.length);
    expect(existsSync(path.join(dir, 'g1', 'streams', 'shipments'))).toBe(false);

    const store = await ShipmentStore.open(ws.vault);
    for (const e of expected.shipments) {
      const detail = await s.shipments.queries.get(ws, user, e.id);
      const got = detail.shipment;
      expect({ folio: got.folio, state: got.state, rev: got.rev, digest: got.digest, history: got.history.length }).toEqual({ folio: e.folio, state: e.state, rev: e.rev, digest: e.digest, history: e.historyEntries });
      expect(got.sheets.map((x) => ({ version: x.version, digest: x.digest, voided: x.voidedAt !== null }))).toEqual(e.sheets);
      expect(sha(got)).toBe(e.shipmentSha256);
      expect((await store.revisions(e.id)).map(sha)).toEqual(e.revisionSha256);
      expect({ events: detail.custody.length, head: detail.custodyHead }).toEqual({ events: e.custodyEvents, head: e.custodyHead });
    }

    // The voided first sheet still prints the content it vouched for.
    const corrected = expected.shipments.find((x) => x.sheets.length === 2);
    expect(corrected).toBeDefined();
    const printed = await s.shipments.printing.printForm(ws, user, parsed.print({ shipmentId: corrected!.id, form: 'approval', sheetVersion: 1 }));
    expect(printed.base64.length).toBeGreaterThan(1000);

    const custody = await s.custody.verify(ws, user);
    expect({ ok: custody.ok, checked: custody.checked }).toEqual({ ok: true, checked: expected.custodyEvents });
    expect(custody.audit?.ok).toBe(true);
    const upgrades = (await ws.audit.list({ action: 'vault.upgraded', offset: 0, limit: 10 })).entries;
    expect(upgrades).toHaveLength(1);
    expect(upgrades[0]?.details).toMatchObject({ envios: expected.shipments.length });
    expect((await ws.audit.list({ offset: 0, limit: 1 })).total).toBeGreaterThan(expected.auditEntries);

    // Opened again: nothing to upgrade, the same records.
    await s.session.signOut();
    await s.session.signIn(expected.adminUserName, expected.adminPassword);
    const again = s.session.require();
    expect((await s.shipments.queries.list(again.ws, again.user, parsed.filter({ limit: 100 }))).total).toBe(expected.shipments.length);
    expect((await again.ws.audit.list({ action: 'vault.upgraded', offset: 0, limit: 10 })).total).toBe(1);
  });

  it('tells the screens how far the upgrade has gone while it runs, and nothing once it is done', async () => {
    const dir = copyOfFixture();
    const s = await signedIn(dir);
    const { ws, user } = s.session.require();
    const seen: Array<string> = [];
    let settled = false;
    const listing = s.shipments.queries.list(ws, user, parsed.filter({ limit: 10 })).finally(() => (settled = true));
    // Inicio polls the same way: the upgrade yields at every write, so the status is seen between them.
    while (!settled) {
      const status = s.shipments.upkeep.maintenance();
      if (status) seen.push(`${status.task} ${status.done}/${status.total}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await listing;
    // The upgrade first, then the index of shipments built from the new records (its checkpoint was removed).
    const tasks = [...new Set(seen.map((x) => x.split(' ')[0]))];
    expect(tasks[0]).toBe('upgrade');
    expect(tasks.every((t) => t === 'upgrade' || t === 'shipments-index')).toBe(true);
    const steps = [...new Set(seen.filter((x) => x.startsWith('upgrade ')))].map((x) => Number(x.split(' ')[1]?.split('/')[0]));
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(s.shipments.upkeep.maintenance()).toBeNull();
    await s.session.close();
  });

  it('writes format 1 back as the last format-1 release did (the tool that makes large format-1 vaults for the soak and the bench)', async () => {
    const dir = copyOfFixture();
    const s = await signedIn(dir);
    await s.shipments.queries.list(s.session.require().ws, s.session.require().user, parsed.filter());
    const { ws } = s.session.require();
    expect(await rewriteAsFormat1(ws.vault)).toMatchObject({ shipments: expected.shipments.length });
    expect(ws.vault.format).toBe(1);
    await s.session.signOut();
    await s.session.signIn(expected.adminUserName, expected.adminPassword);
    const again = s.session.require().ws;
    await s.shipments.queries.list(again, s.session.require().user, parsed.filter());
    expect(again.vault.format).toBe(2);
    const store = await ShipmentStore.open(again.vault);
    expect(expected.shipments.length).toBeGreaterThan(0);
    for (const e of expected.shipments) expect((await store.revisions(e.id)).map(sha)).toEqual(e.revisionSha256);
  });
});
