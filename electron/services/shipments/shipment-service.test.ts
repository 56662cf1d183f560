import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHIPMENT_ACTIONS, SHIPMENT_STATES, nextState, type ShipmentAction, type ShipmentState } from '../../../shared/domain/shipment-states';
import type { ActionPayloadInput, Shipment, ShipmentContentInput, ShipmentFilterInput } from '../../../shared/domain/shipments';
import { MEDIA_LOAD_PURPOSE } from '../../../shared/domain/custody';
import type { PrintInput } from '../../../shared/domain/printing';
import type { User } from '../../../shared/domain/users';
import type { Workspace } from '../accounts/workspace';
import { createHandlers, createServices, type Services } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { TEST_KDF } from '../vault';
import { contentDigest } from './content-digest';
import { parsed } from '../test-support/parsed-inputs';

const office = { institution: 'C4 Oaxaca', unit: 'Dirección General', acronym: 'C4', folioPrefix: 'C4/DG', address: '' };
const admin = { fullName: 'María López', position: 'Jefa de Registro', userName: 'mlopez', password: 'Valija-Segura-2026' };
const NOW = Date.parse('2026-11-23T18:00:00Z');
const SEALS = ['S-0001', 'S-0002'];

interface World {
  dir: string;
  s: Services;
  ws: Workspace;
  clock: { now: number };
  admin: User;
  clerk: User;
  clerk2: User;
  lawyer: User;
  /** capturista + jurídico: may review what others prepared, never what they prepared. */
  multi: User;
  director: User;
  agencyId: string;
  recipientId: string;
  /** An agency with no agreement at all. */
  noAgreementAgencyId: string;
  noAgreementRecipientId: string;
  /** Envelopes made so far: each gets seals of its own, as real ones do (a seal is used once in the vault). */
  envelopes: number;
}

const opened: Services[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
async function closeAll() {
  for (const s of opened.splice(0)) await s.session.close();
}

async function world(): Promise<World> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-shipments-'));
  const clock = { now: NOW };
  const s = createServices({ dataDir: dir, version: 't', shell: 'harness', clock: () => new Date(clock.now), kdf: TEST_KDF });
  opened.push(s);
  const { recoveryCode } = await s.session.setup({ office, admin });
  await s.session.confirmRecoveryKept(recoveryCode.slice(-4));
  const { ws, user } = s.session.require();
  const mk = async (userName: string, fullName: string, roles: User['roles']) =>
    ({ ...(await s.users.create(ws, user, { fullName, position: 'Personal', userName, roles, temporaryPassword: 'Temporal-Inicio-77' })), mustChangePassword: false }) as User;
  const clerk = await mk('jperez', 'José Pérez', ['capturista']);
  const clerk2 = await mk('lruiz', 'Lucía Ruiz', ['capturista']);
  const lawyer = await mk('aortiz', 'Ana Ortiz', ['juridico']);
  const multi = await mk('rsosa', 'Raúl Sosa', ['capturista', 'juridico']);
  const director = await mk('dgeneral', 'Dora García', ['director']);
  const cni = await s.directory.save(ws, user, undefined, { name: 'Centro Nacional de Información', acronym: 'CNI', kind: 'federal', recipients: [{ fullName: 'Carlos Núñez', position: 'Enlace' }] });
  await s.directory.saveAgreement(ws, user, undefined, { agencyId: cni.id, number: 'CNI-01', scope: 'Estadística', signedOn: '2025-01-10', validFrom: '2025-01-10', validTo: '2026-12-31' }, undefined);
  const fge = await s.directory.save(ws, user, undefined, { name: 'Fiscalía General del Estado', acronym: 'FGE', kind: 'estatal', recipients: [{ fullName: 'Elena Vidal', position: 'Titular' }] });
  return {
    dir, s, ws, clock, admin: user, clerk, clerk2, lawyer, multi, director,
    agencyId: cni.id, recipientId: cni.recipients[0]!.id,
    noAgreementAgencyId: fge.id, noAgreementRecipientId: fge.recipients[0]!.id,
    envelopes: 0,
  };
}

/** The first envelope of a world is sealed with S-0001 and S-0002, the next with S-0003 and S-0004, and so on. */
function freshSeals(w: World): string[] {
  const n = w.envelopes * 2;
  w.envelopes += 1;
  return [n + 1, n + 2].map((k) => `S-${String(k).padStart(4, '0')}`);
}

function envelope(w: World, subject = 'Estadística delictiva de octubre', seals = freshSeals(w)): ShipmentContentInput {
  return {
    channel: 'sobre_cerrado',
    agencyId: w.agencyId,
    recipientId: w.recipientId,
    subject,
    classification: 'reservada',
    legalBasis: 'Art. 110 fracc. I LFTAIP',
    inventory: [{ description: 'Reporte impreso', type: 'documento', quantity: 1, sheets: 12 }],
    envelope: { envelopeSize: 'Carta', sheets: 12, seals, packingNotes: '' },
  };
}

function media(w: World, serial = 'SN-USB-7781'): ShipmentContentInput {
  return {
    channel: 'medio_magnetico',
    agencyId: w.agencyId,
    recipientId: w.recipientId,
    subject: 'Videos de cámaras del C4',
    classification: 'confidencial',
    legalBasis: 'Art. 113 LFTAIP',
    inventory: [{ description: 'Memoria USB con videos', type: 'medio', quantity: 1 }],
    media: {
      kind: 'USB', brand: 'Kingston', model: 'DT100', serial, capacity: '32 GB',
      sanitisation: { method: 'purge', tool: 'nwipe', date: '2026-11-22', performedBy: 'José Pérez', verifiedBy: 'Lucía Ruiz' },
      files: [{ name: 'camara-12.mp4', size: 1024, sha256: 'a'.repeat(64) }],
    },
  };
}

/** A handoff's custody event, as the counter form sends it. */
function handoff(place: string, from: string, to: string, seals: { number: string; intact: boolean; description?: string }[] = []) {
  return { at: '2026-11-23T17:00:00.000Z', from: { name: from }, to: { name: to, identification: 'INE 1234' }, place, purpose: 'Entrega del envío', seals };
}

const PAYLOADS: { [A in ShipmentAction]: ActionPayloadInput<A> } = {
  enviar_a_revision: {},
  devolver: { observations: 'Falta el fundamento del anexo' },
  aprobar_revision: {},
  generar_hoja: {},
  registrar_firma: { signerName: 'Lic. Dora García', signerPosition: 'Directora General', signedOn: '2026-11-23' },
  sellar: handoff('Oficialía del C4', 'José Pérez', 'José Pérez', SEALS.map((number) => ({ number, intact: true }))),
  despachar: handoff('Ventanilla del C4', 'José Pérez', 'Pedro Gómez'),
  registrar_acuse: handoff('Oficialía de partes del CNI', 'Pedro Gómez', 'Carlos Núñez'),
  rechazar: { ...handoff('Oficialía de partes del CNI', 'Pedro Gómez', 'Carlos Núñez'), reason: 'El destinatario no estaba' },
  devolucion_mensajeria: { ...handoff('Ventanilla del C4', 'Pedro Gómez', 'José Pérez'), reason: 'Domicilio cerrado' },
  cancelar: { reason: 'Se envió por otro medio' },
};

/** Who takes each step on the happy path (clerk prepares). */
function actorFor(w: World, action: ShipmentAction): User {
  if (action === 'devolver' || action === 'aprobar_revision') return w.lawyer;
  if (action === 'registrar_firma') return w.clerk2;
  return w.clerk;
}

const PATH_TO: Record<ShipmentState, ShipmentAction[]> = {
  borrador: [],
  en_revision_juridica: ['enviar_a_revision'],
  devuelto: ['enviar_a_revision', 'devolver'],
  revisado: ['enviar_a_revision', 'aprobar_revision'],
  por_firmar: ['enviar_a_revision', 'aprobar_revision', 'generar_hoja'],
  autorizado: ['enviar_a_revision', 'aprobar_revision', 'generar_hoja', 'registrar_firma'],
  sellado: ['enviar_a_revision', 'aprobar_revision', 'generar_hoja', 'registrar_firma', 'sellar'],
  en_transito: ['enviar_a_revision', 'aprobar_revision', 'generar_hoja', 'registrar_firma', 'sellar', 'despachar'],
  entregado: ['enviar_a_revision', 'aprobar_revision', 'generar_hoja', 'registrar_firma', 'sellar', 'despachar', 'registrar_acuse'],
  rechazado: ['enviar_a_revision', 'aprobar_revision', 'generar_hoja', 'registrar_firma', 'sellar', 'despachar', 'rechazar'],
  devuelto_mensajeria: ['enviar_a_revision', 'aprobar_revision', 'generar_hoja', 'registrar_firma', 'sellar', 'despachar', 'devolucion_mensajeria'],
  cancelado: ['cancelar'],
};

/** Sealing confirms the envelope's own seals. */
function sealingOf(s: Shipment) {
  return handoff('Oficialía del C4', 'José Pérez', 'José Pérez', (s.content.envelope?.seals ?? []).map((number) => ({ number, intact: true })));
}

/** One step as the screens take it: the Director signs the approval sheet once it is printed. */
async function step(w: World, user: User, s: Shipment, action: ShipmentAction): Promise<Shipment> {
  if (action === 'registrar_firma') await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: s.id, form: 'approval' }));
  return w.s.shipments.lifecycle.act(w.ws, user, s.id, action, parsed.payload(action, action === 'sellar' ? sealingOf(s) : PAYLOADS[action]));
}

async function shipmentIn(w: World, state: ShipmentState, content: ShipmentContentInput = envelope(w)) {
  let shipment = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(content));
  for (const action of PATH_TO[state]) shipment = await step(w, actorFor(w, action), shipment, action);
  expect(shipment.state).toBe(state);
  return shipment;
}

describe('every illegal transition is refused by the core', () => {
  let w: World;
  const ids = new Map<ShipmentState, string>();
  /** Holds every role and prepared nothing: only the state can stop them. */
  let boss: User;

  beforeAll(async () => {
    w = await world();
    boss = { ...w.admin, roles: ['capturista', 'juridico', 'administrador', 'director'] };
    for (const state of SHIPMENT_STATES) ids.set(state, (await shipmentIn(w, state)).id);
  });
  afterAll(closeAll);

  const illegal = SHIPMENT_STATES.flatMap((state) => SHIPMENT_ACTIONS.filter((action) => nextState(state, action) === null).map((action) => [state, action] as const));

  it.each(illegal)('%s → %s is refused with INVALID_TRANSITION and changes nothing', async (state, action) => {
    const id = ids.get(state)!;
    const before = (await w.s.shipments.queries.get(w.ws, boss, id)).shipment;
    await expect(w.s.shipments.lifecycle.act(w.ws, boss, id, action, parsed.payload(action, PAYLOADS[action]))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await w.s.shipments.queries.get(w.ws, boss, id)).shipment).toEqual(before);
  });

  it('offers exactly the legal actions', async () => {
    for (const state of SHIPMENT_STATES) {
      const detail = await w.s.shipments.queries.get(w.ws, boss, ids.get(state)!);
      expect(detail.allowedActions).toEqual(SHIPMENT_ACTIONS.filter((a) => nextState(state, a) !== null));
    }
  });
});

describe('shipment service', () => {
  afterEach(closeAll);

  it('takes a sealed envelope from borrador to entregado with a return, audits every step and keeps the history', async () => {
    const w = await world();
    let s = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelope(w)));
    expect(s).toMatchObject({ state: 'borrador', folio: null, agreementNumber: 'CNI-01', digest: contentDigest(s.content) });
    const steps: [ShipmentAction, User][] = [
      ['enviar_a_revision', w.clerk], ['devolver', w.lawyer], ['enviar_a_revision', w.clerk], ['aprobar_revision', w.lawyer], ['generar_hoja', w.clerk],
      ['registrar_firma', w.clerk2], ['sellar', w.clerk], ['despachar', w.clerk], ['registrar_acuse', w.clerk],
    ];
    for (const [action, user] of steps) s = await step(w, user, s, action);
    expect(s.state).toBe('entregado');
    expect(s.folio).toBe('C4/DG/0001/2026');
    expect(s.signature).toMatchObject({ signerName: 'Lic. Dora García', recordedBy: { userName: 'lruiz' } });
    expect(s.history.map((h) => `${h.from ?? '-'}>${h.to}`)).toEqual([
      '->borrador', 'borrador>en_revision_juridica', 'en_revision_juridica>devuelto', 'devuelto>en_revision_juridica', 'en_revision_juridica>revisado',
      'revisado>por_firmar', 'por_firmar>autorizado', 'autorizado>sellado', 'sellado>en_transito', 'en_transito>entregado',
    ]);
    expect(s.history[2]).toMatchObject({ action: 'devolver', observations: 'Falta el fundamento del anexo', actor: { userName: 'aortiz' } });
    const audit = (await w.ws.audit.list({ offset: 0, limit: 100 })).entries.filter((e) => e.action.startsWith('shipment.')).map((e) => e.action).reverse();
    expect(audit).toEqual([
      'shipment.created', 'shipment.sent_to_review', 'shipment.returned', 'shipment.sent_to_review', 'shipment.review_approved', 'shipment.sheet_generated',
      'shipment.signature_registered', 'shipment.sealed', 'shipment.dispatched', 'shipment.acknowledged',
    ]);
    expect((await w.ws.audit.verify()).ok).toBe(true);
  });

  it('enforces segregation of duties: the preparer (or a later editor) may neither review nor register the authorisation', async () => {
    const w = await world();
    const own = await w.s.shipments.lifecycle.createDraft(w.ws, w.multi, parsed.content(envelope(w)));
    await w.s.shipments.lifecycle.act(w.ws, w.multi, own.id, 'enviar_a_revision', parsed.payload('enviar_a_revision', {}));
    await expect(w.s.shipments.lifecycle.act(w.ws, w.multi, own.id, 'aprobar_revision', parsed.payload('aprobar_revision', {}))).rejects.toMatchObject({ code: 'SEGREGATION_OF_DUTIES' });
    await expect(w.s.shipments.lifecycle.act(w.ws, w.multi, own.id, 'devolver', parsed.payload('devolver', PAYLOADS.devolver))).rejects.toMatchObject({ code: 'SEGREGATION_OF_DUTIES' });
    expect((await w.s.shipments.queries.get(w.ws, w.multi, own.id)).allowedActions).toEqual(['cancelar']);
    await w.s.shipments.lifecycle.act(w.ws, w.lawyer, own.id, 'aprobar_revision', parsed.payload('aprobar_revision', {}));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, own.id, 'generar_hoja', {});
    // Printing a reservada shipment prepared by someone else needs the administrator's grant (need-to-know).
    Object.assign(w.clerk, await w.s.users.setReadGrants(w.ws, w.admin, w.clerk.id, ['reservada']));
    await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: own.id, form: 'approval' }));
    await expect(w.s.shipments.lifecycle.act(w.ws, w.multi, own.id, 'registrar_firma', parsed.payload('registrar_firma', PAYLOADS.registrar_firma))).rejects.toMatchObject({ code: 'SEGREGATION_OF_DUTIES' });
    expect((await w.s.shipments.lifecycle.act(w.ws, w.clerk, own.id, 'registrar_firma', parsed.payload('registrar_firma', PAYLOADS.registrar_firma))).state).toBe('autorizado');

    // Someone who edits a draft prepared it too.
    const other = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelope(w)));
    await w.s.shipments.lifecycle.update(w.ws, w.multi, other.id, parsed.content(envelope(w, 'Asunto corregido')));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, other.id, 'enviar_a_revision', parsed.payload('enviar_a_revision', {}));
    await expect(w.s.shipments.lifecycle.act(w.ws, w.multi, other.id, 'aprobar_revision', parsed.payload('aprobar_revision', {}))).rejects.toMatchObject({ code: 'SEGREGATION_OF_DUTIES' });
  });

  // Who may create, edit or attach is the channel's access (shared/ipc/contract.ts, proved in ipc/access.test.ts);
  // what depends on the shipment is the domain's, checked here.
  it('enforces the roles of each action and segregation of duties in the core', async () => {
    const w = await world();
    const s = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelope(w)));
    await expect(w.s.shipments.lifecycle.act(w.ws, w.lawyer, s.id, 'enviar_a_revision', parsed.payload('enviar_a_revision', {}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'enviar_a_revision', parsed.payload('enviar_a_revision', {}));
    await expect(w.s.shipments.lifecycle.act(w.ws, w.clerk2, s.id, 'aprobar_revision', parsed.payload('aprobar_revision', {}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(w.s.shipments.lifecycle.act(w.ws, w.admin, s.id, 'aprobar_revision', parsed.payload('aprobar_revision', {}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await w.s.shipments.lifecycle.act(w.ws, w.lawyer, s.id, 'aprobar_revision', parsed.payload('aprobar_revision', {}));
    await expect(w.s.shipments.lifecycle.act(w.ws, w.lawyer, s.id, 'generar_hoja', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'generar_hoja', {});
    await expect(w.s.shipments.lifecycle.act(w.ws, w.lawyer, s.id, 'registrar_firma', parsed.payload('registrar_firma', PAYLOADS.registrar_firma))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(w.s.shipments.lifecycle.act(w.ws, { ...w.clerk2, active: false }, s.id, 'registrar_firma', parsed.payload('registrar_firma', PAYLOADS.registrar_firma))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The Director General may register their own signature; nothing else.
    expect((await w.s.shipments.queries.get(w.ws, w.director, s.id)).allowedActions).toEqual(['registrar_firma']);
  });

  it('checks payloads and seals', async () => {
    const w = await world();
    const s = await shipmentIn(w, 'autorizado');
    const sealing = (seals: string[]) => handoff('Oficialía', 'José Pérez', 'José Pérez', seals.map((number) => ({ number, intact: true })));
    // What the schemas refuse is refused by dispatch, before any service runs.
    const handlers = createHandlers(w.s);
    const refused = (channel: 'shipments.act' | 'shipments.create', input: unknown, message = '') => expect(dispatch(handlers, channel, input)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(message) } });
    await expect(w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'sellar', parsed.payload('sellar', sealing(['S-0001'])))).rejects.toMatchObject({ code: 'SEALS_MISMATCH', message: expect.stringContaining('faltan S-0002') });
    await refused('shipments.act', { shipmentId: s.id, action: 'cancelar', payload: {} });
    await refused('shipments.act', { shipmentId: s.id, action: 'sellar', payload: { ...sealing(SEALS), place: '' } }, 'lugar');
    expect((await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'sellar', parsed.payload('sellar', sealing(['s-0002', 's-0001'])))).state).toBe('sellado');
    // a damaged seal needs a description; a seal the shipment never had is refused
    await refused('shipments.act', { shipmentId: s.id, action: 'despachar', payload: handoff('Ventanilla', 'José Pérez', 'Pedro Gómez', [{ number: 'S-0001', intact: false }]) }, 'Describa');
    await expect(w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'despachar', parsed.payload('despachar', handoff('Ventanilla', 'José Pérez', 'Pedro Gómez', [{ number: 'X-9', intact: true }])))).rejects.toMatchObject({ code: 'SEALS_MISMATCH', message: expect.stringContaining('X-9') });
    await refused('shipments.create', { content: { ...envelope(w), classification: 'reservada', legalBasis: '' } }, 'fundamento legal');
    await refused('shipments.create', { content: { ...envelope(w), envelope: null } });
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content({ ...envelope(w), recipientId: 'nobody' }))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('keeps folios consecutive, unique and gapless under cancellation and 50 concurrent generar_hoja calls, across a reopen', async () => {
    const w = await world();
    // Cancelled before the sheet: never took a folio.
    await shipmentIn(w, 'cancelado');
    const first = await shipmentIn(w, 'por_firmar');
    expect(first.folio).toBe('C4/DG/0001/2026');
    const cancelledAfter = await w.s.shipments.lifecycle.act(w.ws, w.clerk, first.id, 'cancelar', parsed.payload('cancelar', PAYLOADS.cancelar));
    expect(cancelledAfter).toMatchObject({ state: 'cancelado', folio: 'C4/DG/0001/2026', closingReason: 'Se envió por otro medio' });

    const reviewed = [];
    for (let i = 0; i < 50; i += 1) reviewed.push(await shipmentIn(w, 'revisado', envelope(w, `Envío ${i}`)));
    const sheets = await Promise.all(reviewed.map((r) => w.s.shipments.lifecycle.act(w.ws, w.clerk, r.id, 'generar_hoja', {})));
    const numbers = sheets.map((s) => s.folioNumber!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(new Set(sheets.map((s) => s.folio)).size).toBe(50);

    // Durable: a new process reading the same vault continues from 52.
    const dir = w.dir;
    await closeAll();
    const s2 = createServices({ dataDir: dir, version: 't', shell: 'harness', clock: () => new Date(NOW), kdf: TEST_KDF });
    opened.push(s2);
    await s2.session.signIn(admin.userName, admin.password);
    const { ws, user } = s2.session.require();
    const page = await s2.shipments.queries.list(ws, user, parsed.filter({ states: ['cancelado'], sort: 'folio', direction: 'asc' }));
    expect(page.items.map((i) => i.folio)).toEqual(['C4/DG/0001/2026', null]);
    const draft = await s2.shipments.lifecycle.createDraft(ws, user, parsed.content(envelope({ ...w, ws, s: s2 }, 'Tras reabrir')));
    await s2.shipments.lifecycle.act(ws, user, draft.id, 'enviar_a_revision', parsed.payload('enviar_a_revision', {}));
    await s2.shipments.lifecycle.act(ws, w.lawyer, draft.id, 'aprobar_revision', parsed.payload('aprobar_revision', {}));
    expect((await s2.shipments.lifecycle.act(ws, user, draft.id, 'generar_hoja', {})).folio).toBe('C4/DG/0052/2026');
  });

  it('starts the count again each year', async () => {
    const w = await world();
    expect((await shipmentIn(w, 'por_firmar')).folio).toBe('C4/DG/0001/2026');
    w.clock.now = Date.parse('2027-01-02T18:00:00Z');
    // The agreement ended on 31/12/2026: renew it first.
    await w.s.directory.saveAgreement(w.ws, w.admin, undefined, { agencyId: w.agencyId, number: 'CNI-02', scope: 'Estadística', signedOn: '2026-12-20', validFrom: '2027-01-01', validTo: null }, undefined);
    expect((await shipmentIn(w, 'por_firmar')).folio).toBe('C4/DG/0001/2027');
  });

  it('voids the sheet and returns to review when content changes after the sheet was produced', async () => {
    const w = await world();
    const s = await shipmentIn(w, 'autorizado');
    expect(s.sheets).toHaveLength(1);
    const changed = envelope(w, 'Asunto cambiado después de firmar', s.content.envelope?.seals);
    const edited = await w.s.shipments.lifecycle.update(w.ws, w.clerk, s.id, parsed.content(changed));
    expect(edited.state).toBe('en_revision_juridica');
    expect(edited.digest).not.toBe(s.digest);
    expect(edited.sheets[0]).toMatchObject({ version: 1, digest: s.digest, voidReason: expect.stringContaining('contenido cambió') });
    expect(edited.sheets[0]!.voidedAt).not.toBeNull();
    expect(edited.signature).toBeNull();
    expect((await w.s.shipments.queries.get(w.ws, w.clerk, s.id)).currentSheet).toBeNull();
    const actions = (await w.ws.audit.list({ offset: 0, limit: 5 })).entries.map((e) => e.action);
    expect(actions).toContain('shipment.sheet_voided');

    await w.s.shipments.lifecycle.act(w.ws, w.lawyer, s.id, 'aprobar_revision', parsed.payload('aprobar_revision', {}));
    const again = await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'generar_hoja', {});
    expect(again.folio).toBe(s.folio);
    expect(again.sheets.map((x) => x.version)).toEqual([1, 2]);
    expect((await w.s.shipments.queries.get(w.ws, w.clerk, s.id)).currentSheet).toMatchObject({ version: 2, digest: again.digest });

    // Saving identical content changes nothing; frozen states refuse edits.
    expect((await w.s.shipments.lifecycle.update(w.ws, w.clerk, s.id, parsed.content(changed))).rev).toBe(again.rev);
    await step(w, w.clerk2, again, 'registrar_firma');
    await step(w, w.clerk, again, 'sellar');
    await expect(w.s.shipments.lifecycle.update(w.ws, w.clerk, s.id, parsed.content(envelope(w, 'Tarde')))).rejects.toMatchObject({ code: 'SHIPMENT_NOT_EDITABLE' });
    const inReview = await shipmentIn(w, 'en_revision_juridica');
    await expect(w.s.shipments.lifecycle.update(w.ws, w.clerk, inReview.id, parsed.content(envelope(w, 'Durante revisión')))).rejects.toMatchObject({ code: 'SHIPMENT_NOT_EDITABLE' });
  });

  it('refuses an agency without a valid agreement, at creation and again at dispatch', async () => {
    const w = await world();
    const refused = w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content({ ...envelope(w), agencyId: w.noAgreementAgencyId, recipientId: w.noAgreementRecipientId }));
    await expect(refused).rejects.toMatchObject({ code: 'NO_VALID_AGREEMENT', message: expect.stringContaining('FGE') });
    const s = await shipmentIn(w, 'sellado');
    w.clock.now = Date.parse('2027-01-05T18:00:00Z');
    await expect(w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'despachar', parsed.payload('despachar', PAYLOADS.despachar))).rejects.toMatchObject({ code: 'NO_VALID_AGREEMENT', message: expect.stringContaining('05/01/2027') });
    expect((await w.s.shipments.queries.get(w.ws, w.clerk, s.id)).shipment.state).toBe('sellado');
  });

  it('lists with filters, free text, sorting and paging', async () => {
    const w = await world();
    const a = await shipmentIn(w, 'por_firmar', envelope(w, 'Informe de incidencia delictiva'));
    w.clock.now += 60_000;
    const b = await shipmentIn(w, 'borrador', media(w, 'SN-ÚNICO-42'));
    w.clock.now = Date.parse('2026-11-25T18:00:00Z');
    const c = await shipmentIn(w, 'devuelto', { ...envelope(w, 'Padrón vehicular', ['S-0099']), classification: 'publica', legalBasis: '' });
    const ids = async (filter: ShipmentFilterInput) => (await w.s.shipments.queries.list(w.ws, w.admin, parsed.filter(filter))).items.map((i) => i.id);

    expect(await ids({ states: ['borrador'] })).toEqual([b.id]);
    expect(await ids({ channels: ['medio_magnetico'] })).toEqual([b.id]);
    expect(await ids({ classifications: ['publica'] })).toEqual([c.id]);
    expect(await ids({ agencyId: w.agencyId, sort: 'createdAt', direction: 'asc' })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ agencyId: w.noAgreementAgencyId })).toEqual([]);
    expect(await ids({ from: '2026-11-24' })).toEqual([c.id]);
    expect(await ids({ to: '2026-11-23' })).toHaveLength(2);
    expect(await ids({ text: 'c4/dg/0001' })).toEqual([a.id]);
    expect(await ids({ text: 'padron' })).toEqual([c.id]);
    expect(await ids({ text: 'sn-unico' })).toEqual([b.id]);
    expect(await ids({ text: 's-0002', sort: 'subject', direction: 'asc' })).toEqual([a.id]);
    expect(await ids({ text: 's-00', sort: 'subject', direction: 'asc' })).toEqual([a.id, c.id]);
    expect(await ids({ sort: 'folio', direction: 'asc' })).toEqual([a.id, ...[b.id, c.id].sort()]);
    const page = await w.s.shipments.queries.list(w.ws, w.admin, parsed.filter({ sort: 'createdAt', direction: 'desc', offset: 1, limit: 1 }));
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ agencyAcronym: 'CNI', channel: expect.any(String) });
  });

  it('serves the shipments channels through the IPC dispatcher with parsed inputs', async () => {
    const w = await world();
    const handlers = createHandlers(w.s);
    const created = await dispatch(handlers, 'shipments.create', { content: media(w) });
    expect(created).toMatchObject({ ok: true });
    const id = (created as { ok: true; value: { id: string } }).value.id;
    expect(await dispatch(handlers, 'shipments.act', { shipmentId: id, action: 'enviar_a_revision', payload: {} })).toMatchObject({ ok: true, value: { state: 'en_revision_juridica' } });
    // The admin prepared nothing but is not jurídico.
    expect(await dispatch(handlers, 'shipments.act', { shipmentId: id, action: 'aprobar_revision', payload: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatch(handlers, 'shipments.act', { shipmentId: id, action: 'devolver', payload: {} })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch(handlers, 'shipments.act', { shipmentId: id, action: 'volar', payload: {} })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch(handlers, 'shipments.get', { shipmentId: id })).toMatchObject({ ok: true, value: { allowedActions: ['cancelar'], edit: null } });
    expect(await dispatch(handlers, 'shipments.list', { text: 'sn-usb' })).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('prints the approval sheet with folio, digest, chain head and signers, numbers reprints, audits each print, and prints a voided one as it was', async () => {
    const w = await world();
    const s = await shipmentIn(w, 'por_firmar', media(w));
    const print = async (input: Omit<PrintInput, 'shipmentId'>) => {
      const pdf = await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: s.id, ...input }));
      expect(pdf.mediaType).toBe('application/pdf');
      const file = path.join(w.dir, pdf.fileName);
      writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/\syes\s+yes\s+(yes|no)\s/); // embedded and subset
      return { ...pdf, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
    };
    const first = await print({ form: 'approval' });
    expect(first.reprint).toBe(0);
    expect(first.fileName).toBe('autorizacion-C4-DG-0001-2026-hoja1.pdf');
    for (const expected of ['C4/DG/0001/2026', 'SN-USB-7781', 'José Pérez', 'Ana Ortiz', w.director.fullName, 'Autorizó (Director General)', 'CNI-01', 'camara-12.mp4']) expect(first.text).toContain(expected);
    expect(first.text.replace(/\s/g, '')).toContain(s.digest);
    expect(first.text).not.toContain('ANULADA');
    expect(first.text).not.toContain('REIMPRESIÓN');
    const second = await print({ form: 'approval', pageSize: 'A4' });
    expect(second.reprint).toBe(1);
    expect(second.text).toContain('REIMPRESIÓN 1');
    const audit = await w.ws.audit.list({ offset: 0, limit: 50, action: 'document.printed' });
    expect(audit.entries.map((e) => e.details)).toEqual(expect.arrayContaining([expect.objectContaining({ formato: 'Formato de autorización', huella: s.digest, reimpresion: 1 })]));
    // Every print keeps its exact bytes, named from its audit entry with their SHA-256.
    const sha = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
    expect(first.sha256).toBe(sha(first.base64));
    expect(audit.entries.map((e) => e.details)).toEqual(expect.arrayContaining([expect.objectContaining({ impreso: first.printedSheetId, pdf_sha256: first.sha256 })]));
    expect(audit.entries.map((e) => e.details)).toEqual(expect.arrayContaining([expect.objectContaining({ impreso: second.printedSheetId, pdf_sha256: second.sha256, reimpresion: 1 })]));
    expect((await w.s.shipments.printing.printedSheets(w.ws, w.admin, s.id)).map((p) => [p.form, p.sheetVersion, p.reprint, p.fileName])).toEqual([
      ['approval', 1, 0, first.fileName],
      ['approval', 1, 1, second.fileName],
    ]);
    const kept = await w.s.shipments.printing.printedSheet(w.ws, w.admin, s.id, first.printedSheetId);
    expect(kept.pdf.equals(Buffer.from(first.base64, 'base64'))).toBe(true);
    await expect(w.s.shipments.printing.printedSheet(w.ws, w.admin, s.id, 'impreso-que-no-existe')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await w.s.shipments.lifecycle.update(w.ws, w.clerk, s.id, parsed.content(media(w, 'SN-OTRO-1')));
    const voided = await print({ form: 'approval', sheetVersion: 1 });
    expect(voided.text).toContain('ANULADA');
    expect(voided.text).toContain('SN-USB-7781'); // what that sheet vouched for, not the new serial
    expect(voided.text).not.toContain('SN-OTRO-1');
    await expect(w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: (await shipmentIn(w, 'borrador')).id, form: 'approval' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: (await shipmentIn(w, 'borrador')).id, form: 'receipt' }))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('prints the envelope cover and label, custody register, receipt and media manifest from the records', async () => {
    const w = await world();
    const s = await shipmentIn(w, 'entregado');
    const text = async (input: Omit<PrintInput, 'shipmentId'>, id = s.id) => {
      const pdf = await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: id, ...input }));
      const file = path.join(w.dir, pdf.fileName);
      writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    };
    const cover = await text({ form: 'envelopeCover' });
    for (const expected of ['C4/DG/0001/2026', 'RESERVADA', 'S-0001', 'S-0002', 'Carlos Núñez']) expect(cover).toContain(expected);
    expect(cover).not.toContain('Estadística delictiva'); // the subject never shows outside the envelope
    expect(await text({ form: 'envelopeLabel', labelSize: 'etiqueta_4x2' })).toContain('C4/DG/0001/2026');
    const register = await text({ form: 'custodyRegister' });
    for (const expected of ['Sellado', 'Entrega a', 'Recepción en', 'Pedro Gómez', 'INE 1234']) expect(register).toContain(expected);
    const receipt = await text({ form: 'receipt' });
    for (const expected of ['Acuse de recibo', 'Reporte impreso', 'S-0001']) expect(receipt).toContain(expected);
    await expect(w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: s.id, form: 'mediaManifest' }))).rejects.toMatchObject({ code: 'VALIDATION' });
    const m = await shipmentIn(w, 'autorizado', media(w));
    const manifest = await text({ form: 'mediaManifest' }, m.id);
    for (const expected of ['camara-12.mp4', 'a'.repeat(16), 'sha256sum']) expect(manifest.replace(/\s+/g, ' ')).toContain(expected);
  });

  it('stores attachments encrypted, accepts only uploaded ones exactly as stored, and digests them', async () => {
    const w = await world();
    const pdfBytes = Buffer.from('%PDF-1.4 anexo de prueba');
    const file = await w.s.shipments.attachments.upload(w.ws, { fileName: 'anexo ñ.pdf', mediaType: 'application/pdf', base64: pdfBytes.toString('base64') });
    expect(file).toMatchObject({ fileName: 'anexo ñ.pdf', size: pdfBytes.length, sha256: createHash('sha256').update(pdfBytes).digest('hex') });
    // encrypted at rest: the plain bytes appear in no file of the vault
    expect(filesUnder(w.dir).filter((f) => f.endsWith('.vlj')).length).toBeGreaterThan(0);
    for (const f of filesUnder(w.dir)) expect(readFileSync(f).includes(pdfBytes)).toBe(false);
    const withFile = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content({ ...envelope(w), attachments: [file] }));
    expect(withFile.digest).not.toBe(contentDigest((await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelope(w)))).content));
    const back = await w.s.shipments.attachments.download(w.ws, w.admin, withFile.id, file.blobId);
    expect(Buffer.from(back.base64, 'base64').equals(pdfBytes)).toBe(true);
    // a forged reference (never uploaded, or with another hash) is refused
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content({ ...envelope(w), attachments: [{ ...file, sha256: 'b'.repeat(64) }] }))).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('anexo ñ.pdf') });
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content({ ...envelope(w), attachments: [{ ...file, blobId: 'blob-00000000-0000-0000-0000-000000000000' }] }))).rejects.toMatchObject({ code: 'VALIDATION' });
    // The upload's schema (checked by dispatch) refuses what is not a PDF or an image.
    expect(await dispatch(createHandlers(w.s), 'shipments.uploadAttachment', { fileName: 'x.exe', mediaType: 'application/x-msdownload', base64: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('PDF, PNG o JPG') } });
    await expect(w.s.shipments.attachments.download(w.ws, w.admin, withFile.id, 'blob-otro')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('finds a shipment from a scanned sheet code and says whether the sheet still vouches for it', async () => {
    const w = await world();
    const s = await shipmentIn(w, 'por_firmar');
    const code = `VALIJA|${s.folio}|${s.digest}`;
    expect(await w.s.shipments.queries.lookup(w.ws, w.admin, code)).toEqual({ shipmentId: s.id, folio: s.folio, digestMatches: true, sheetVoided: false });
    // a US-layout scanner on a Latin-American keyboard: «|» → «}», «/» → «-»
    expect(await w.s.shipments.queries.lookup(w.ws, w.admin, `VALIJA}${s.folio!.replaceAll('/', '-')}}${s.digest}`)).toMatchObject({ shipmentId: s.id, digestMatches: true });
    await w.s.shipments.lifecycle.update(w.ws, w.clerk, s.id, parsed.content({ ...envelope(w), subject: 'Asunto corregido' }));
    expect(await w.s.shipments.queries.lookup(w.ws, w.admin, code)).toEqual({ shipmentId: s.id, folio: s.folio, digestMatches: false, sheetVoided: true });
    await expect(w.s.shipments.queries.lookup(w.ws, w.admin, `VALIJA|C4/DG/0999/2026|${s.digest}`)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('C4/DG/0999/2026') });
    await expect(w.s.shipments.queries.lookup(w.ws, w.admin, 'estadística')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('links a shipment to a report period, checks the link, and marks the period delivered once the shipment is', async () => {
    const w = await world();
    const report = await w.s.directory.saveReport(w.ws, w.admin, undefined, { name: 'Estadística delictiva mensual', producingArea: 'Análisis', internal: false, external: true, description: '' });
    const ob = await w.s.directory.saveObligation(w.ws, w.admin, undefined, { reportId: report.id, beneficiaryAgencyId: w.agencyId, frequency: 'mensual', dueDay: 10, usualChannel: 'sobre_cerrado', startsOn: '2026-09-01' }, true);
    const period = (key: string) => w.s.directory.overview(w.ws).then((o) => o.periods.find((p) => p.obligationId === ob.id && p.key === key));
    expect(await period('2026-10')).toMatchObject({ status: 'vencido', fulfilledBy: null });
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content({ ...envelope(w), reportPeriod: { obligationId: ob.id, periodKey: '2026-T4' } }))).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('periodicidad') });
    const forFge = await w.s.directory.saveObligation(w.ws, w.admin, undefined, { reportId: report.id, beneficiaryAgencyId: w.noAgreementAgencyId, frequency: 'mensual', dueDay: 10, usualChannel: 'oficio', startsOn: '2026-09-01' }, true);
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content({ ...envelope(w), reportPeriod: { obligationId: forFge.id, periodKey: '2026-10' } }))).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('no se entrega a la dependencia') });
    const linked = await shipmentIn(w, 'en_transito', { ...envelope(w), reportPeriod: { obligationId: ob.id, periodKey: '2026-10' } });
    expect((await w.s.shipments.queries.get(w.ws, w.clerk, linked.id)).reportPeriod).toEqual({ reportName: 'Estadística delictiva mensual', periodLabel: 'octubre de 2026' });
    expect(await period('2026-10')).toMatchObject({ status: 'vencido', fulfilledBy: null });
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, linked.id, 'registrar_acuse', parsed.payload('registrar_acuse', PAYLOADS.registrar_acuse));
    expect(await period('2026-10')).toMatchObject({ status: 'entregado', fulfilledBy: { shipmentId: linked.id, folio: linked.folio } });
    expect((await w.s.directory.dashboard(w.ws)).overdue.some((p) => p.obligationId === ob.id && p.key === '2026-10')).toBe(false);
  });

  it('takes a magnetic-media shipment through its life cycle and counts shipments by state for the home screen', async () => {
    const w = await world();
    const authorised = await shipmentIn(w, 'autorizado', media(w));
    // The medium goes into the envelope loaded: no sealing before the verified load (media/shipment-loader.ts records it).
    await expect(step(w, w.clerk, authorised, 'sellar')).rejects.toMatchObject({ code: 'MEDIA_NOT_LOADED', message: expect.stringContaining('cargue el medio') });
    await w.s.shipments.custody.record(w.ws, w.clerk, authorised.id, parsed.custodyEvent({ ...handoff('Oficialía del C4', 'José Pérez', 'Medio SN-USB-7781'), type: 'preparacion', purpose: MEDIA_LOAD_PURPOSE }));
    let m = authorised;
    for (const action of ['sellar', 'despachar', 'registrar_acuse'] as const) m = await step(w, w.clerk, m, action);
    expect(m.state).toBe('entregado');
    expect(m.content.media?.files[0]).toMatchObject({ name: 'camara-12.mp4', sourcePath: null });
    await shipmentIn(w, 'borrador');
    await shipmentIn(w, 'borrador');
    const handlers = createHandlers(w.s);
    expect(await dispatch(handlers, 'home.dashboard', {})).toMatchObject({ ok: true, value: { shipmentsByState: { entregado: 1, borrador: 2 } } });
    // the file list is part of what the Director signs
    const other = media(w);
    const digestOf = async (c: ShipmentContentInput) => (await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(c))).digest;
    const changed = { ...other, media: { ...(other.media as object), files: [{ name: 'camara-12.mp4', size: 1024, sha256: 'c'.repeat(64) }] } } as ShipmentContentInput;
    expect(await digestOf(changed)).not.toBe(await digestOf(other));
    // only where it was picked from changes: same digest
    const moved = { ...other, media: { ...(other.media as object), files: [{ name: 'camara-12.mp4', size: 1024, sha256: 'a'.repeat(64), sourcePath: '/otra/carpeta/camara-12.mp4' }] } } as ShipmentContentInput;
    expect(await digestOf(moved)).toBe(await digestOf(other));
  });
});
