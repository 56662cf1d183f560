import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/audit';
import { AuditLog, type AuditStore } from './audit-log';

function memoryStore(): AuditStore & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    append: async (entry) => void entries.push(structuredClone(entry)),
    readAll: async () => entries.map((e) => structuredClone(e)),
    readLast: async () => entries.at(-1),
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
});
