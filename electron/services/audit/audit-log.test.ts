import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/audit';
import { AuditLog, type AuditStore } from './audit-log';

function memoryStore(): AuditStore & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    append: async (entry) => void entries.push(structuredClone(entry)),
    readLast: async () => entries.at(-1),
    months: async () => [...new Set(entries.map((e) => e.at.slice(0, 7)))].sort(),
    readMonth: async (month) => entries.filter((e) => e.at.startsWith(month)).map((e) => structuredClone(e)),
    newestFirst: async function* (month) {
      for (const e of entries.filter((x) => x.at.startsWith(month)).reverse()) yield structuredClone(e);
    },
  };
}

const ana = { id: 'u1', userName: 'ana', fullName: 'Ana Pérez' };
let tick = Date.parse('2026-11-23T15:00:00Z');
const clock = () => new Date((tick += 60_000));

describe('audit log', () => {
  it('chains entries, continues the chain after reopening and verifies', async () => {
    const store = memoryStore();
    const log = await AuditLog.open(store, clock);
    await log.record('vault.created', ana, 'Bóveda creada');
    await log.record('session.signed_in', ana, 'ana');
    const reopened = await AuditLog.open(store, clock);
    const third = await reopened.record('session.signed_out', ana, 'ana');
    expect(third.seq).toBe(2);
    expect(third.prevHash).toBe(store.entries[1]!.hash);
    expect(await reopened.verify()).toMatchObject({ ok: true, checked: 3, firstBad: null, head: third.hash });
  });

  it('keeps order when records are written concurrently', async () => {
    const store = memoryStore();
    const log = await AuditLog.open(store, clock);
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.record('user.updated', ana, `u${i}`)));
    expect(store.entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect((await log.verify()).ok).toBe(true);
  });

  it('names the first entry edited after the fact', async () => {
    const store = memoryStore();
    const log = await AuditLog.open(store, clock);
    for (let i = 0; i < 5; i++) await log.record('session.signed_in', ana, `entrada ${i}`);
    store.entries[2]!.subject = 'otra cosa';
    const result = await log.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBad).toEqual({ seq: 2, reason: expect.stringContaining('El registro 2') });
  });

  it('names a removed entry', async () => {
    const store = memoryStore();
    const log = await AuditLog.open(store, clock);
    for (let i = 0; i < 4; i++) await log.record('session.signed_in', ana, `entrada ${i}`);
    store.entries.splice(1, 1);
    expect((await log.verify()).firstBad?.seq).toBe(2);
  });

  it('filters by action, person, dates and accent-insensitive text, newest first', async () => {
    const store = memoryStore();
    const log = await AuditLog.open(store, clock);
    await log.record('session.sign_in_failed', null, 'jperez', { userName: 'jperez' });
    await log.record('user.created', ana, 'José Pérez (jperez)');
    await log.record('session.signed_in', ana, 'ana');
    const page = { offset: 0, limit: 10 };
    expect((await log.list({ ...page, text: 'jose perez' })).entries.map((e) => e.action)).toEqual(['user.created']);
    expect((await log.list({ ...page, actorId: 'u1' })).entries.map((e) => e.action)).toEqual(['session.signed_in', 'user.created']);
    expect((await log.list({ ...page, action: 'session.sign_in_failed' })).total).toBe(1);
    const first = store.entries[0]!.at;
    expect((await log.list({ ...page, to: first })).total).toBe(1);
  });

  it('pages newest first across months, counts without reading everything when unfiltered, and skips months outside the dates', async () => {
    const store = memoryStore();
    let at = Date.parse('2026-09-30T23:00:00Z');
    const log = await AuditLog.open(store, () => new Date((at += 24 * 3_600_000)));
    for (let n = 0; n < 40; n += 1) await log.record(n % 4 === 0 ? 'session.signed_in' : 'shipment.created', ana, `asunto ${n}`);
    const read: string[] = [];
    let decoded = 0;
    const watched: AuditStore = {
      ...store,
      readMonth: async (month) => (read.push(month), store.readMonth(month)),
      newestFirst: async function* (month) {
        read.push(month);
        for await (const e of store.newestFirst(month)) {
          decoded += 1;
          yield e;
        }
      },
    };
    const viewer = await AuditLog.open(watched, clock);
    const first = await viewer.list({ offset: 0, limit: 5 });
    expect(first.total).toBe(40);
    expect(first.entries.map((e) => e.subject)).toEqual(['asunto 39', 'asunto 38', 'asunto 37', 'asunto 36', 'asunto 35']);
    expect(read).toEqual(['2026-11']);
    // Only the page's own entries were read: the month holds more.
    expect(decoded).toBe(5);
    const across = await viewer.list({ offset: 2, limit: 36 });
    expect(across.entries.map((e) => e.seq)).toEqual(Array.from({ length: 36 }, (_, i) => 37 - i));
    const signIns = await viewer.list({ action: 'session.signed_in', offset: 0, limit: 100 });
    expect(signIns.total).toBe(10);
    read.length = 0;
    const september = await viewer.list({ from: '2026-09-01T00:00:00Z', to: '2026-09-30T23:59:59Z', offset: 0, limit: 100 });
    expect(september.total).toBe(0);
    expect(read).toEqual([]);
    expect((await viewer.list({ text: 'ASUNTO 3', offset: 0, limit: 100 })).total).toBe(11);
  });
});
