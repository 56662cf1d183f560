import { afterEach, describe, expect, it } from 'vitest';
import { areaInputSchema, type AreaInput } from '../../../shared/domain/areas';
import { contract } from '../../../shared/ipc/contract';
import { createServices, createHandlers, type Services } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { contentDigest } from '../shipments/content-digest';
import { CHANGES_STREAM } from '../shipments/shipment-store';
import { parsed } from '../test-support/parsed-inputs';
import { ADMIN, oficioContent, testWorld, type TestWorld } from '../test-support/world';
import { TEST_KDF } from '../vault';

let world: TestWorld | null = null;
const reopened: Services[] = [];
afterEach(async () => {
  for (const s of reopened.splice(0)) await s.session.close();
  await world?.s.session.close();
  world = null;
});

const RED: AreaInput = { name: 'Dirección de la Red, Voz, Datos e Imagen', headName: 'Ing. Raúl Méndez Cruz', headPosition: 'Director de la Red, Voz, Datos e Imagen' };
const CEE: AreaInput = { name: 'Centro Estatal de Emergencias', headName: 'Lic. Elena Vargas Soto', headPosition: 'Coordinadora del Centro Estatal de Emergencias' };
const CYBER: AreaInput = { name: 'Unidad de Policía Cibernética', headName: 'Mtro. Jorge Luna Ríos', headPosition: 'Jefe de la Unidad de Policía Cibernética' };
const area = (input: AreaInput) => areaInputSchema.parse(input);

async function reopen(w: TestWorld): Promise<Services> {
  await w.s.session.close();
  const s = createServices({ dataDir: w.dir, version: 't', shell: 'harness', clock: () => new Date(w.clock.now), kdf: TEST_KDF });
  reopened.push(s);
  await s.session.signIn(ADMIN.userName, ADMIN.password);
  return s;
}

describe('the areas of the office on a real vault', () => {
  it('keeps the catalogue across a reopening, refuses a repeated name and a head who is not an active user, and audits each change', async () => {
    const w = (world = await testWorld());
    const red = await w.s.areas.create(w.ws, w.admin, area({ ...RED, headUserId: w.clerk.id }));
    const cee = await w.s.areas.create(w.ws, w.admin, area(CEE));
    expect(red).toMatchObject({ name: RED.name, headUserId: w.clerk.id, active: true });
    expect(cee.headUserId).toBeNull();

    // The same name with other case, accents or spaces is the same area.
    await expect(w.s.areas.create(w.ws, w.admin, area({ ...CEE, name: '  centro estatal de  EMERGENCIAS ' }))).rejects.toMatchObject({ code: 'CONFLICT', message: 'Ya existe un área activa llamada «Centro Estatal de Emergencias».' });
    await expect(w.s.areas.create(w.ws, w.admin, area({ ...CYBER, headUserId: 'nadie' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await w.s.users.deactivate(w.ws, w.admin, w.clerk2.id);
    await expect(w.s.areas.create(w.ws, w.admin, area({ ...CYBER, headUserId: w.clerk2.id }))).rejects.toMatchObject({ code: 'USER_INACTIVE', message: 'El usuario de Valija de Lucía Ruiz está dado de baja; no puede ser titular del área.' });

    const renamed = await w.s.areas.update(w.ws, w.admin, cee.id, area({ ...CEE, name: 'Centro Estatal de Emergencias 911', headUserId: w.lawyer.id }));
    expect(renamed).toMatchObject({ id: cee.id, name: 'Centro Estatal de Emergencias 911', headUserId: w.lawyer.id });
    const off = await w.s.areas.deactivate(w.ws, w.admin, cee.id);
    expect(off).toMatchObject({ active: false, deactivatedAt: '2026-11-23T18:00:00.000Z' });
    await expect(w.s.areas.update(w.ws, w.admin, cee.id, area(CEE))).rejects.toMatchObject({ code: 'CONFLICT' });
    // Once deactivated, its name is free for a new area.
    await w.s.areas.create(w.ws, w.admin, area({ ...CEE, name: 'Centro Estatal de Emergencias 911' }));

    const s = await reopen(w);
    const { ws } = s.session.require();
    const listed = await s.areas.list(ws);
    expect(listed.map((a) => [a.name, a.active])).toEqual([
      ['Centro Estatal de Emergencias 911', true],
      ['Dirección de la Red, Voz, Datos e Imagen', true],
      ['Centro Estatal de Emergencias 911', false],
    ]);
    const audit = await ws.audit.list({ offset: 0, limit: 500 });
    const areaEntries = audit.entries.filter((e) => e.action.startsWith('area.')).map((e) => [e.action, e.subject]);
    expect(areaEntries).toEqual(
      expect.arrayContaining([
        ['area.created', RED.name],
        ['area.updated', 'Centro Estatal de Emergencias 911'],
        ['area.deactivated', 'Centro Estatal de Emergencias 911'],
      ]),
    );
    expect(areaEntries).toHaveLength(5);
  });

  it('puts a user in an active area through the channels, keeps users without one valid, and takes them out with null', async () => {
    const w = (world = await testWorld());
    const { handlers, gate } = createHandlers(w.s);
    const table = { handlers, gate };
    const red = await w.s.areas.create(w.ws, w.admin, area(RED));
    const cyber = await w.s.areas.create(w.ws, w.admin, area(CYBER));

    // Users written before areas existed have no field at all, and stay so until one is named.
    expect('areaId' in w.clerk).toBe(false);
    const created = await dispatch(table, 'users.create', { fullName: 'Rosa Díaz Peña', position: 'Analista', userName: 'rdiaz', roles: ['capturista'], temporaryPassword: 'Temporal-Inicio-77', areaId: cyber.id });
    expect(created).toMatchObject({ ok: true, value: { areaId: cyber.id } });
    const noArea = await dispatch(table, 'users.create', { fullName: 'Luis Gómez', position: 'Analista', userName: 'lgomez', roles: ['capturista'], temporaryPassword: 'Temporal-Inicio-77' });
    expect(noArea).toMatchObject({ ok: true });
    expect(Object.keys((noArea as { value: object }).value)).not.toContain('areaId');

    const person = { fullName: w.clerk.fullName, position: w.clerk.position, userId: w.clerk.id, roles: w.clerk.roles };
    expect(await dispatch(table, 'users.update', { ...person, areaId: red.id })).toMatchObject({ ok: true, value: { areaId: red.id } });
    // Left out, the area stays; null takes the person out of it.
    expect(await dispatch(table, 'users.update', person)).toMatchObject({ ok: true, value: { areaId: red.id } });
    const out = await dispatch(table, 'users.update', { ...person, areaId: null });
    expect(out).toMatchObject({ ok: true });
    expect(Object.keys((out as { value: object }).value)).not.toContain('areaId');

    await dispatch(table, 'areas.deactivate', { areaId: red.id });
    expect(await dispatch(table, 'users.update', { ...person, areaId: red.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `El área «${RED.name}» está dada de baja; elija un área activa.` } });
    expect(await dispatch(table, 'users.update', { ...person, areaId: 'no-existe' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'El área no existe.' } });

    const audit = await w.ws.audit.list({ offset: 0, limit: 500 });
    const created1 = audit.entries.find((e) => e.action === 'user.created' && e.subject.includes('rdiaz'));
    expect(created1?.details).toMatchObject({ area: CYBER.name });
  });

  it('refuses an area whose fields are missing with Spanish messages', () => {
    const result = contract['areas.create'].input.safeParse({ area: { name: 'X', headName: '', headPosition: '' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['Escriba el nombre del área.', 'Escriba el nombre del titular del área.', 'Escriba el cargo del titular del área.']);
  });
});

describe('the providing area of a shipment', () => {
  it('leaves the content digest and the stored content of a shipment without an area exactly as before, and shows the area named', async () => {
    const w = (world = await testWorld());
    const cyber = await w.s.areas.create(w.ws, w.admin, area(CYBER));
    const plain = oficioContent(w, 'Reporte trimestral de ciberdelitos');
    expect('providingAreaId' in plain).toBe(false);
    const withArea = parsed.content({ ...plain, providingAreaId: cyber.id });
    const old = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, plain);
    const named = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, withArea);
    expect(old.digest).toBe(contentDigest(plain));
    expect(named.digest).toBe(old.digest);

    // On disk, the content of a shipment without an area has no such key at all.
    const stream = await w.ws.vault.stream<{ shipmentId?: string; set?: { content?: Record<string, unknown> } }>(CHANGES_STREAM);
    const contents: Record<string, unknown>[] = [];
    for await (const { record } of stream.readAll()) if (record.set?.content) contents.push(record.set.content);
    expect(contents).toHaveLength(2);
    expect(contents.map((c) => 'providingAreaId' in c)).toEqual([false, true]);

    expect((await w.s.shipments.queries.get(w.ws, w.clerk, old.id)).providingArea).toBeNull();
    expect((await w.s.shipments.queries.get(w.ws, w.clerk, named.id)).providingArea).toEqual({ id: cyber.id, name: CYBER.name, active: true });

    // A deactivated area is not named anew, but a draft that already names it can still be edited.
    await w.s.areas.deactivate(w.ws, w.admin, cyber.id);
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, withArea)).rejects.toMatchObject({ code: 'VALIDATION', message: `El área «${CYBER.name}» está dada de baja; elija un área activa.` });
    const edited = await w.s.shipments.lifecycle.update(w.ws, w.clerk, named.id, parsed.content({ ...withArea, subject: 'Reporte trimestral de ciberdelitos (corregido)' }));
    expect(edited.content.providingAreaId).toBe(cyber.id);
    await expect(w.s.shipments.lifecycle.update(w.ws, w.clerk, old.id, parsed.content({ ...plain, providingAreaId: cyber.id }))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content({ ...plain, providingAreaId: 'no-existe' }))).rejects.toMatchObject({ message: 'El área que proporciona la información no existe.' });
  });
});

describe('the content digest', () => {
  it('is, for content without an area, the digest computed before areas existed, and the area does not change it', () => {
    const content = parsed.content({
      channel: 'oficio',
      agencyId: 'agencia-cni',
      recipientId: 'destinatario-1',
      subject: 'Reporte trimestral de ciberdelitos',
      classification: 'reservada',
      legalBasis: 'Art. 110 fracc. I LFTAIP',
      coveringOficio: 'C4/DG/123/2026',
      inventory: [{ description: 'Oficio de remisión', type: 'oficio', quantity: 1, sheets: 2 }],
    });
    // Computed with content-digest.ts as it was before providingAreaId existed (commit be1412a).
    const before = '24a43fe50bc6354a34450564467d18d8dfc0c95cc06f807f0754cc58a3100999';
    expect(contentDigest(content)).toBe(before);
    expect(contentDigest(parsed.content({ ...content, providingAreaId: 'area-1' }))).toBe(before);
  });
});
