import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { createServices } from '../app-services';
import { testWorld, oficioContent, type TestWorld } from '../test-support/world';
import { TEST_KDF } from '../vault';
import { mayRead } from './need-to-know';
import { parsed } from '../test-support/parsed-inputs';

const base: User = { id: 'u1', userName: 'x', fullName: 'X', position: 'P', roles: ['capturista'], active: true, mustChangePassword: false, createdAt: '', deactivatedAt: null };
const reserved = { classification: 'reservada' as const, preparedByIds: ['author'] };

describe('the need-to-know rule', () => {
  it('lets everyone read pública and only those whose duty needs it read reservada and confidencial', () => {
    expect(mayRead(base, { classification: 'publica', preparedByIds: [] })).toBe(true);
    expect(mayRead(base, reserved)).toBe(false);
    expect(mayRead({ ...base, id: 'author' }, reserved)).toBe(true);
    expect(mayRead({ ...base, roles: ['juridico'] }, reserved)).toBe(true);
    expect(mayRead({ ...base, roles: ['director'] }, reserved)).toBe(true);
    expect(mayRead({ ...base, roles: ['administrador'] }, reserved)).toBe(true);
    expect(mayRead({ ...base, roles: ['comunicacion_social'] }, reserved)).toBe(false);
    expect(mayRead({ ...base, readGrants: ['reservada'] }, reserved)).toBe(true);
    expect(mayRead({ ...base, readGrants: ['reservada'] }, { ...reserved, classification: 'confidencial' })).toBe(false);
    expect(mayRead({ ...base, readGrants: ['reservada'], active: false }, reserved)).toBe(false);
  });
});

let world: TestWorld | null = null;
afterEach(async () => {
  await world?.s.session.close();
  world = null;
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('attack: a clerk without access opens another clerk’s reservada shipment on a real vault', () => {
  it('is refused in Spanish everywhere, loses nothing, is audited, and shows once the administrator grants access', async () => {
    const w = (world = await testWorld());
    const shipment = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, oficioContent(w, 'Informe de inteligencia'));
    expect(shipment.content.classification).toBe('reservada');

    // The list neither shows it nor counts it.
    expect((await w.s.shipments.queries.list(w.ws, w.clerk2, parsed.filter({}))).total).toBe(0);
    expect((await w.s.shipments.queries.list(w.ws, w.clerk, parsed.filter({}))).total).toBe(1);
    expect((await w.s.shipments.queries.list(w.ws, w.clerk2, parsed.filter({ text: 'inteligencia' }))).items).toEqual([]);

    // Direct attempts: detail, print, attachment download.
    const detail = await refusal(w.s.shipments.queries.get(w.ws, w.clerk2, shipment.id));
    expect(detail.code).toBe('FORBIDDEN');
    expect(detail.message).toMatch(/reservada: su usuario no tiene acceso/);
    expect((await refusal(w.s.shipments.printing.printForm(w.ws, w.clerk2, parsed.print({ shipmentId: shipment.id, form: 'envelopeCover' })))).code).toBe('FORBIDDEN');
    expect((await refusal(w.s.shipments.printing.printedSheets(w.ws, w.clerk2, shipment.id))).code).toBe('FORBIDDEN');

    const audit = await w.ws.audit.list({ limit: 50, offset: 0 } as never);
    const refused = audit.entries.filter((e) => e.action === 'shipment.read_refused');
    expect(refused).toHaveLength(3);
    expect(refused.map((e) => e.actor?.userName)).toEqual(['lruiz', 'lruiz', 'lruiz']);
    expect(refused.every((e) => e.details.envio === shipment.id)).toBe(true);
    expect(refused.map((e) => e.details.intento)).toContain('abrir el detalle');

    // Nothing lost: reopened from disk, the shipment is whole and unprinted.
    const dir = w.dir;
    await w.s.session.close();
    const s2 = createServices({ dataDir: dir, version: 't', shell: 'harness', clock: () => new Date(w.clock.now), kdf: TEST_KDF });
    world = { ...w, s: s2 };
    await s2.session.signIn('mlopez', 'Valija-Segura-2026');
    const { ws, user: admin } = s2.session.require();
    const again = await s2.shipments.queries.get(ws, admin, shipment.id);
    expect(again.shipment.content.subject).toBe('Informe de inteligencia');
    expect(again.shipment.prints ?? []).toEqual([]);

    // The administrator grants Lucía reservada by name: now she reads it.
    await s2.users.setReadGrants(ws, admin, w.clerk2.id, ['reservada']);
    const lucia = ws.users.data.users.find((u) => u.id === w.clerk2.id)!;
    expect(lucia.readGrants).toEqual(['reservada']);
    expect((await s2.shipments.queries.list(ws, lucia, parsed.filter({}))).total).toBe(1);
    expect((await s2.shipments.queries.get(ws, lucia, shipment.id)).shipment.id).toBe(shipment.id);
    const grants = (await ws.audit.list({ limit: 50, offset: 0 } as never)).entries.filter((e) => e.action === 'user.read_grants_changed');
    expect(grants).toHaveLength(1);
  });
});
