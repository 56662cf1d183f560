import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShipmentState } from '../../../shared/domain/shipment-states';
import type { ActionPayload, Shipment, ShipmentContent, ShipmentContentInput } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import type { Workspace } from '../accounts/workspace';
import { todayInOffice } from '../agencies/rules';
import { createServices, type Services, type ServicesConfig } from '../app-services';
import { TEST_KDF } from '../vault';
import { parsed } from './parsed-inputs';

/**
 * A vault with an office, users for every step and an agency with an
 * agreement, built through the real services (cheap scrypt), for the core's
 * tests and the benchmarks. No test framework in here.
 */
export const OFFICE = { institution: 'C4 Oaxaca', unit: 'Dirección General', acronym: 'C4', folioPrefix: 'C4/DG', address: 'Av. Independencia 100, Oaxaca' };
export const ADMIN = { fullName: 'María López', position: 'Jefa de Registro', userName: 'mlopez', password: 'Valija-Segura-2026' };

export interface TestWorld {
  dir: string;
  s: Services;
  ws: Workspace;
  clock: { now: number };
  admin: User;
  clerk: User;
  clerk2: User;
  lawyer: User;
  agencyId: string;
  recipientId: string;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function testWorld(
  now = Date.parse('2026-11-23T18:00:00Z'),
  dir = mkdtempSync(path.join(os.tmpdir(), 'valija-world-')),
  options: Pick<ServicesConfig, 'renderForm'> = {},
): Promise<TestWorld> {
  const clock = { now };
  const s = createServices({ dataDir: dir, version: 't', shell: 'harness', clock: () => new Date(clock.now), kdf: TEST_KDF, ...options });
  const { recoveryCode } = await s.session.setup({ office: OFFICE, admin: ADMIN });
  await s.session.confirmRecoveryKept(recoveryCode.slice(-4));
  const { ws, user } = s.session.require();
  const mk = async (userName: string, fullName: string, roles: User['roles']) =>
    ({ ...(await s.users.create(ws, user, { fullName, position: 'Personal', userName, roles, temporaryPassword: 'Temporal-Inicio-77' })), mustChangePassword: false }) as User;
  const clerk = await mk('jperez', 'José Pérez', ['capturista']);
  const clerk2 = await mk('lruiz', 'Lucía Ruiz', ['capturista']);
  const lawyer = await mk('aortiz', 'Ana Ortiz', ['juridico']);
  const cni = await s.directory.save(ws, user, undefined, { name: 'Centro Nacional de Información', acronym: 'CNI', kind: 'federal', recipients: [{ fullName: 'Carlos Núñez', position: 'Enlace' }] });
  await s.directory.saveAgreement(ws, user, undefined, { agencyId: cni.id, number: 'CNI-01', scope: 'Estadística', signedOn: '2025-01-10', validFrom: '2025-01-10', validTo: '2030-12-31' }, undefined);
  return { dir, s, ws, clock, admin: user, clerk, clerk2, lawyer, agencyId: cni.id, recipientId: cni.recipients[0]!.id };
}

export function mediaContent(w: TestWorld, files: Array<{ name: string; bytes: Buffer; sourcePath?: string | null }>, serial = 'SN-USB-7781'): ShipmentContent {
  return parsed.content({
    channel: 'medio_magnetico',
    agencyId: w.agencyId,
    recipientId: w.recipientId,
    subject: 'Videos de cámaras del C4',
    classification: 'confidencial',
    legalBasis: 'Art. 113 LFTAIP',
    inventory: [{ description: 'Memoria USB con videos', type: 'medio', quantity: 1 }],
    media: {
      kind: 'USB',
      brand: 'Kingston',
      model: 'DT100',
      serial,
      capacity: '32 GB',
      sanitisation: { method: 'purge', tool: 'nwipe', date: '2026-11-22', performedBy: 'José Pérez', verifiedBy: 'Lucía Ruiz' },
      files: files.map((f) => ({ name: f.name, size: f.bytes.length, sha256: sha256(f.bytes), sourcePath: f.sourcePath ?? null })),
    },
   });
}

export function envelopeContent(w: TestWorld, seals: string[], subject = 'Estadística'): ShipmentContent {
  return parsed.content({
    channel: 'sobre_cerrado',
    agencyId: w.agencyId,
    recipientId: w.recipientId,
    subject,
    classification: 'publica',
    inventory: [{ description: 'Reporte', type: 'documento', quantity: 1, sheets: 3 }],
    envelope: { envelopeSize: 'Carta', sheets: 3, seals, packingNotes: '' },
   });
}

export function oficioContent(w: TestWorld, subject: string, attachments: ShipmentContentInput['attachments'] = []): ShipmentContent {
  return parsed.content({
    channel: 'oficio',
    agencyId: w.agencyId,
    recipientId: w.recipientId,
    subject,
    classification: 'reservada',
    legalBasis: 'Art. 110 fracc. I LFTAIP',
    coveringOficio: 'C4/DG/123/2026',
    inventory: [{ description: 'Oficio de remisión', type: 'oficio', quantity: 1, sheets: 2 }],
    attachments,
   });
}

function handoff(place: string, from: string, to: string) {
  return { at: '2026-11-23T17:00:00.000Z', from: { name: from }, to: { name: to, identification: 'INE 1234' }, place, purpose: 'Entrega del envío', seals: [] as { number: string; intact: boolean }[] };
}

const PATH = ['enviar_a_revision', 'aprobar_revision', 'generar_hoja', 'registrar_firma', 'sellar', 'despachar', 'registrar_acuse'] as const;
type PathAction = (typeof PATH)[number];
const STOP_AFTER: Partial<Record<ShipmentState, number>> = { borrador: 0, en_revision_juridica: 1, revisado: 2, por_firmar: 3, autorizado: 4, sellado: 5, en_transito: 6, entregado: 7 };

/** A step's payload dated by the world's clock: a signature is dated today, a handoff a minute ago. */
function payloadAt(action: PathAction, now: Date, shipment: Shipment): ActionPayload<PathAction> {
  const aMinuteAgo = new Date(now.getTime() - 60_000).toISOString();
  switch (action) {
    case 'enviar_a_revision':
    case 'aprobar_revision':
    case 'generar_hoja':
      return parsed.payload(action, {});
    case 'registrar_firma':
      return parsed.payload(action, { signerName: 'Lic. Dora García', signerPosition: 'Directora General', signedOn: todayInOffice(now) });
    case 'sellar':
      // Sealing confirms the envelope's recorded seals.
      return parsed.payload(action, { ...handoff('Oficialía del C4', 'José Pérez', 'José Pérez'), at: aMinuteAgo, seals: (shipment.content.envelope?.seals ?? []).map((number) => ({ number, intact: true })) });
    case 'despachar':
      return parsed.payload(action, { ...handoff('Ventanilla del C4', 'José Pérez', 'Pedro Gómez'), at: aMinuteAgo });
    case 'registrar_acuse':
      return parsed.payload(action, { ...handoff('Oficialía de partes del CNI', 'Pedro Gómez', 'Carlos Núñez'), at: aMinuteAgo });
  }
}

/** A shipment taken along the happy path up to `state` by the right people. */
export async function shipmentIn(w: TestWorld, state: ShipmentState, content: ShipmentContent): Promise<Shipment> {
  let shipment = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, content);
  const steps = STOP_AFTER[state];
  if (steps === undefined) throw new Error(`no path to ${state}`);
  for (const action of PATH.slice(0, steps)) {
    const actor = action === 'aprobar_revision' ? w.lawyer : action === 'registrar_firma' ? w.clerk2 : w.clerk;
    // The Director General signs the printed sheet: it is printed before the signature is registered.
    if (action === 'registrar_firma') await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: shipment.id, form: 'approval' }));
    shipment = await w.s.shipments.lifecycle.act(w.ws, actor, shipment.id, action, payloadAt(action, new Date(w.clock.now), shipment));
  }
  return shipment;
}
