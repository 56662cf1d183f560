import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createServices, type Services } from '../app-services';
import { canonicalJson } from '../integrity/canonical-json';
import { ADMIN, oficioContent, shipmentIn, testWorld } from '../test-support/world';
import { TEST_KDF } from '../vault';
import { rewriteAsFormat1 } from './test-support/format1-writer';
import { parsed } from '../test-support/parsed-inputs';

/**
 * SIGKILL at random moments while shipments are saved and checkpoints are
 * written, and while a format-1 vault is being upgraded: every acknowledged
 * save must be found after each kill, and an upgrade must leave either the
 * old or the new vault, never neither. VALIJA_CRASH_ITERATIONS raises the
 * count (e.g. 200) for a longer soak.
 */
const ITERATIONS = Number(process.env.VALIJA_CRASH_ITERATIONS ?? 5);
const child = fileURLToPath(new URL('./test-fixtures/store-crash-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const root = mkdtempSync(path.join(os.tmpdir(), 'valija-store-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');

function run(args: string[]): { proc: ChildProcess; lines: Promise<string[]>; ready: Promise<void> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  proc.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (/^ready$/m.test(out)) onReady();
  });
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines = new Promise<string[]>((resolve) =>
    proc.once('close', (code, signal) => {
      if (signal !== 'SIGKILL') throw new Error(`child ended by itself (${code}): ${stderr}`);
      const all = out.split('\n');
      all.pop(); // an unterminated last line was never fully printed: not counted
      resolve(all);
    }),
  );
  return { proc, lines, ready };
}

async function signedIn(dir: string): Promise<Services> {
  const s = createServices({ dataDir: dir, version: 't', shell: 'harness', kdf: TEST_KDF });
  await s.session.signIn(ADMIN.userName, ADMIN.password);
  return s;
}

describe('shipments crash safety', () => {
  it(`keeps every acknowledged shipment save and custody event across ${ITERATIONS} SIGKILLs during saves and checkpoint writes`, async () => {
    const dir = path.join(root, 'work');
    const w = await testWorld(Date.now(), dir);
    await w.s.session.close();
    const worldFile = path.join(root, 'world.json');
    writeFileSync(worldFile, JSON.stringify({ agencyId: w.agencyId, recipientId: w.recipientId }));
    const acked = new Map<string, number>();
    const events = new Set<string>();
    /** Acknowledged saves (shipment revisions and custody events) found after each kill, in order. */
    const foundAfterKill: number[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const { proc, lines, ready } = run(['work', dir, worldFile]);
      await ready;
      await sleep(100 + Math.random() * 600);
      proc.kill('SIGKILL');
      for (const line of await lines) {
        const ship = /^ack ship (\S+) (\d+)$/.exec(line);
        if (ship) acked.set(ship[1] as string, Math.max(acked.get(ship[1] as string) ?? 0, Number(ship[2])));
        const event = /^ack event (\S+)$/.exec(line);
        if (event) events.add(event[1] as string);
      }
      const s = await signedIn(dir);
      const { ws, user } = s.session.require();
      const missing: string[] = [];
      for (const [id, rev] of acked) {
        const found = await s.shipments.queries.get(ws, user, id).catch(() => null);
        if (!found || found.shipment.rev < rev) missing.push(`${id}@${rev}`);
      }
      const ledger = (await s.shipments.custody.view(ws)).ledger;
      const stored = new Set(ledger.query({}).map((e) => e.id));
      const lost = [...events].filter((id) => !stored.has(id));
      expect({ iteration: i, missing, lost }).toEqual({ iteration: i, missing: [], lost: [] });
      foundAfterKill.push([...acked.values()].reduce((a, b) => a + b, 0) + events.size);
      expect((await s.custody.verify(ws, user)).ok).toBe(true);
      expect(ws.vault.problems.filter((p) => !/a medio escribir/.test(p.message))).toEqual([]);
      await s.session.close();
    }
    console.info(`shipments crash soak: ${ITERATIONS} kills, ${acked.size} shipments and ${events.size} custody events acknowledged and found`);
    console.info(`acknowledged saves found after each kill: ${foundAfterKill.join(' ')}`);
    expect(acked.size).toBeGreaterThan(0);
  }, 30_000 + ITERATIONS * 15_000);

  it(`leaves the old vault or the upgraded one, never neither, across ${ITERATIONS} SIGKILLs during the upgrade`, async () => {
    const template = path.join(root, 'format1');
    const w = await testWorld(Date.parse('2026-11-23T18:00:00Z'), template);
    const states = ['entregado', 'por_firmar', 'revisado'] as const;
    for (let n = 0; n < 90; n += 1) await shipmentIn(w, states[n % 3] as (typeof states)[number], oficioContent(w, `Envío ${n}`));
    const expected = new Map<string, string>();
    for (const row of (await w.s.shipments.queries.list(w.ws, w.admin, parsed.filter({ limit: 500 }))).items) expected.set(row.id, sha((await w.s.shipments.queries.get(w.ws, w.admin, row.id)).shipment));
    await rewriteAsFormat1(w.ws.vault);
    await w.s.session.close();

    let midUpgrade = 0;
    let completed = 0;
    for (let i = 0; i < ITERATIONS; i += 1) {
      const dir = path.join(root, `upgrade-${i}`);
      cpSync(template, dir, { recursive: true });
      const { proc, lines, ready } = run(['upgrade', dir]);
      await ready;
      // From before the upgrade starts to after it is recorded (a few hundred milliseconds here).
      await sleep(Math.random() * 500);
      proc.kill('SIGKILL');
      const finished = (await lines).includes('upgraded');
      if (finished) completed += 1;
      const s = await signedIn(dir);
      const { ws, user } = s.session.require();
      if (!finished && ws.vault.format === 1) midUpgrade += 1;
      const got = new Map<string, string>();
      for (const row of (await s.shipments.queries.list(ws, user, parsed.filter({ limit: 500 }))).items) got.set(row.id, sha((await s.shipments.queries.get(ws, user, row.id)).shipment));
      expect(ws.vault.format).toBe(2);
      expect(got).toEqual(expected);
      expect((await ws.audit.verify()).ok).toBe(true);
      await s.session.close();
      rmSync(dir, { recursive: true, force: true });
    }
    console.info(`upgrade crash soak: ${ITERATIONS} kills, ${midUpgrade} before the upgrade was recorded, ${completed} after it finished; every shipment found after each`);
  }, 60_000 + ITERATIONS * 8_000);
});
