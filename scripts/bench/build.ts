/**
 * Builds a benchmark vault ONLY through the app's services (createServices:
 * session.setup, users.create, directory.save/saveAgreement, couriers,
 * shipments.createDraft/update/act/recordCustody), with an injected clock that
 * walks through the months, so every record, partition and audit entry is what
 * the app itself writes (docs/ARCHITECTURE.md, "Traps found so far": "A benchmark that writes its own record
 * shapes measures a fiction"). Nothing here writes a file or a frame itself.
 *
 * Key slots use the production scrypt cost: slots take the cost of the vault's
 * first slot, so a vault created with TEST_KDF could never be signed into with
 * PRODUCTION_KDF. Production cost here costs one derivation per user (about
 * forty), a few seconds per vault, and the measured sign-in is the real one.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Courier } from '../../shared/domain/custody';
import type { ShipmentChannel } from '../../shared/domain/agencies';
import type { Role } from '../../shared/domain/roles';
import type { Shipment, ShipmentContentInput } from '../../shared/domain/shipments';
import type { User } from '../../shared/domain/users';
import type { Workspace } from '../../electron/services/accounts/workspace';
import { createServices, type Services } from '../../electron/services/app-services';
import { renderForm } from '../../electron/services/documents/forms';
import { todayInOffice } from '../../electron/services/agencies/rules';
import { sampleApprovalInput } from '../../electron/services/documents/forms/form-samples';
import { OFFICE, ADMIN } from '../../electron/services/test-support/world';
import { PRODUCTION_KDF, type ScryptParams } from '../../electron/services/vault';
import { parsed } from '../../electron/services/test-support/parsed-inputs';

export interface Volume {
  months: number;
  shipments: number;
  agencies: number;
  users: number;
}

/** 100,000 shipments over 120 months; with the relay and archive events, 5 custody events each (500,000). */
export const TEN_YEARS: Volume = { months: 120, shipments: 100_000, agencies: 300, users: 40 };
export const ONE_MONTH: Volume = { months: 1, shipments: 850, agencies: 300, users: 40 };

/**
 * `scale` of the ten years: the same office (agencies, users) and the same
 * shipments per month, over proportionally fewer months (0.01 = one month of
 * 1,000 shipments, 0.1 = twelve months of 10,000).
 */
export function scaled(volume: Volume, scale: number): Volume {
  if (scale === 1) return volume;
  return { ...volume, months: Math.max(1, Math.round(volume.months * scale)), shipments: Math.max(1, Math.round(volume.shipments * scale)) };
}

/** Who signs in to measure: the administrator created at setup (every screen is open to them). */
export const SIGN_IN = { userName: ADMIN.userName, password: ADMIN.password };
const TEMPORARY_PASSWORD = 'Temporal-Inicio-77';

/** The 40 users: one administrator from setup, then these roles in turn. */
const ROLE_PLAN: Array<{ roles: Role[]; count: number; position: string }> = [
  { roles: ['capturista'], count: 20, position: 'Capturista' },
  { roles: ['juridico'], count: 8, position: 'Abogado(a)' },
  { roles: ['director'], count: 3, position: 'Director(a)' },
  { roles: ['comunicacion_social'], count: 3, position: 'Comunicación Social' },
  { roles: ['administrador'], count: 3, position: 'Administrador(a)' },
  { roles: ['capturista', 'administrador'], count: 2, position: 'Jefe(a) de Registro' },
];

const GIVEN = ['José', 'Lucía', 'Ana', 'Carlos', 'María', 'Pedro', 'Rosa', 'Luis', 'Elena', 'Jorge', 'Sofía', 'Miguel', 'Laura', 'Raúl', 'Carmen', 'Héctor'];
const FAMILY = ['Pérez', 'Ruiz', 'Ortiz', 'Núñez', 'García', 'López', 'Hernández', 'Martínez', 'Gómez', 'Díaz', 'Mora', 'Cruz', 'Santiago', 'Vásquez', 'Jiménez', 'Ramírez'];
const KINDS = ['federal', 'estatal', 'municipal'] as const;
const SUBJECTS = [
  'Estadística de incidencia delictiva',
  'Informe policial homologado',
  'Videos de cámaras de videovigilancia',
  'Registro de llamadas de emergencia 911',
  'Números telefónicos reportados por extorsión',
  'Mapas de calor de robo a transeúnte',
  'Padrón de vehículos con reporte de robo',
  'Bitácora de operativos coordinados',
  'Reporte de denuncias anónimas 089',
  'Fichas de personas desaparecidas',
];
/**
 * The paper channels only: a magnetic-media shipment may be sealed only after its verified load onto a
 * drive (MediaService), and 25,000 real loads would make the build the benchmark of the USB writer.
 * The media channel's records differ from these only by the media block of their content.
 */
const CHANNELS: ShipmentChannel[] = ['tarjeta_informativa', 'oficio', 'sobre_cerrado'];
const CLASSIFICATIONS = ['publica', 'reservada', 'confidencial'] as const;
const PLACES = ['Oficialía del C4', 'Ventanilla del C4', 'Caseta de acceso del C4', 'Archivo de concentración'];

/** A small seeded generator, so two builds of the same volume are alike. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}
type Random = ReturnType<typeof random>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function monthStart(end: Date, monthsBack: number): number {
  return Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - monthsBack, 1);
}

interface Office {
  s: Services;
  ws: Workspace;
  admin: User;
  clerks: User[];
  lawyers: User[];
  agencies: Array<{ id: string; acronym: string; name: string; recipients: Array<{ id: string; fullName: string; position: string }> }>;
  couriers: Courier[];
}

/** The shipment being taken through its life: who prepared it and the next step. */
interface InFlight {
  n: number;
  shipment: Shipment | null;
  content: ShipmentContentInput;
  preparer: User;
  signer: User;
  lawyer: User;
  courier: Courier;
  relay: Courier;
  returned: boolean;
  step: number;
  gap: number;
}

function content(r: Random, o: Office, n: number): ShipmentContentInput {
  const channel = CHANNELS[n % CHANNELS.length] as ShipmentChannel;
  const agency = r.pick(o.agencies);
  const recipient = r.pick(agency.recipients);
  const classification = r.pick(CLASSIFICATIONS);
  const subject = `${r.pick(SUBJECTS)} ${agency.acronym} ${n}`;
  const common = {
    agencyId: agency.id,
    recipientId: recipient.id,
    subject,
    classification,
    legalBasis: classification === 'publica' ? '' : classification === 'reservada' ? 'Art. 110 fracc. I LFTAIP' : 'Art. 113 fracc. I LFTAIP',
    notes: '',
  };
  switch (channel) {
    case 'tarjeta_informativa':
      return { ...common, channel, inventory: [{ description: 'Tarjeta informativa', type: 'tarjeta', quantity: 1, sheets: 1 }] };
    case 'oficio':
      return { ...common, channel, coveringOficio: `C4/DG/${1000 + (n % 9000)}`, inventory: [{ description: 'Oficio de remisión', type: 'oficio', quantity: 1, sheets: 2 }, { description: 'Anexo estadístico', type: 'anexo', quantity: 1, sheets: r.int(1, 40) }] };
    case 'sobre_cerrado':
      return {
        ...common,
        channel,
        inventory: [{ description: 'Reporte impreso', type: 'documento', quantity: 1, sheets: r.int(1, 60) }],
        envelope: { envelopeSize: 'Oficio', sheets: r.int(1, 60), seals: [`S-${n}-A`, `S-${n}-B`], packingNotes: '' },
      };
    case 'medio_magnetico':
      return {
        ...common,
        channel,
        inventory: [{ description: 'Memoria USB con archivos', type: 'medio', quantity: 1 }],
        media: {
          kind: 'USB',
          brand: 'Kingston',
          model: 'DT100',
          serial: `SN-${n}`,
          capacity: '32 GB',
          sanitisation: { method: 'purge', tool: 'nwipe', date: '2016-01-04', performedBy: 'José Pérez', verifiedBy: 'Lucía Ruiz' },
          files: [1, 2, 3].map((k) => ({ name: `archivo-${k}.mp4`, size: 1_000_000 * k + n, sha256: createHash('sha256').update(`${n}/${k}`).digest('hex') })),
        },
      };
  }
}

function party(name: string, identification = '') {
  return { name, identification };
}

/** The steps of one shipment's life, each taken through the services by the right person. */
/** A step that does not apply to this shipment (the return by legal) answers null. */
type Step = (o: Office, f: InFlight, at: string) => Promise<unknown> | null;
const STEPS: Step[] = [
  async (o, f) => (f.shipment = await o.s.shipments.lifecycle.createDraft(o.ws, f.preparer, parsed.content(f.content))),
  (o, f) => o.s.shipments.lifecycle.act(o.ws, f.preparer, id(f), 'enviar_a_revision', parsed.payload('enviar_a_revision', {})),
  (o, f) => (f.returned ? o.s.shipments.lifecycle.act(o.ws, f.lawyer, id(f), 'devolver', { observations: 'Falta precisar el fundamento legal y el número de fojas.' }) : null),
  (o, f) => (f.returned ? o.s.shipments.lifecycle.update(o.ws, f.preparer, id(f), parsed.content({ ...f.content, notes: 'Se corrigió el inventario según las observaciones de Jurídico.' })) : null),
  (o, f) => (f.returned ? o.s.shipments.lifecycle.act(o.ws, f.preparer, id(f), 'enviar_a_revision', { remarks: 'Corregido' }) : null),
  (o, f) => o.s.shipments.lifecycle.act(o.ws, f.lawyer, id(f), 'aprobar_revision', parsed.payload('aprobar_revision', {})),
  (o, f) => o.s.shipments.lifecycle.act(o.ws, f.preparer, id(f), 'generar_hoja', {}),
  // The Director General signs a printed sheet: the office prints it first (and the print is kept in the vault).
  (o, f) => o.s.shipments.printing.printForm(o.ws, f.preparer, parsed.print({ shipmentId: id(f), form: 'approval' })),
  (o, f, at) => o.s.shipments.lifecycle.act(o.ws, f.signer, id(f), 'registrar_firma', parsed.payload('registrar_firma', { signerName: 'Lic. Dora García', signerPosition: 'Directora General', signedOn: todayInOffice(new Date(at)) })),
  (o, f, at) => o.s.shipments.lifecycle.act(o.ws, f.preparer, id(f), 'sellar', parsed.payload('sellar', handoff(f, at, PLACES[0] as string, party(f.preparer.fullName), party(f.preparer.fullName), 'Sellado del envío'))),
  async (o, f, at) => {
    await o.s.shipments.lifecycle.act(o.ws, f.preparer, id(f), 'despachar', parsed.payload('despachar', { ...handoff(f, at, PLACES[1] as string, party(f.preparer.fullName), party(f.courier.fullName, 'Gafete'), 'Entrega a mensajería'), courierId: f.courier.id }));
    // What the handler table does after a handoff that names a courier.
    await o.s.custody.noteCourierUse(o.ws, f.courier.id);
  },
  async (o, f, at) => {
    await o.s.shipments.custody.record(o.ws, f.preparer, id(f), parsed.custodyEvent({ ...handoff(f, at, 'Base de mensajería', party(f.courier.fullName, 'Gafete'), party(f.relay.fullName, 'Gafete'), 'Relevo de mensajero'), type: 'entrega_mensajero', courierId: f.relay.id }));
    await o.s.custody.noteCourierUse(o.ws, f.relay.id);
  },
  (o, f, at) => {
    const agency = o.agencies.find((a) => a.id === f.content.agencyId);
    const recipient = agency?.recipients.find((x) => x.id === f.content.recipientId);
    return o.s.shipments.lifecycle.act(o.ws, f.preparer, id(f), 'registrar_acuse', parsed.payload('registrar_acuse', handoff(f, at, `Oficialía de partes de ${agency?.acronym ?? ''}`, party(f.relay.fullName, 'Gafete'), party(recipient?.fullName ?? 'Destinatario', 'INE'), 'Entrega al destinatario')));
  },
  (o, f, at) => o.s.shipments.custody.record(o.ws, f.preparer, id(f), parsed.custodyEvent({ ...handoff(f, at, PLACES[3] as string, party(f.preparer.fullName), party('Archivo de concentración'), 'Resguardo del acuse'), type: 'resguardo_archivo' })),
];

/** From `sellar` on, every step writes one custody event. */
const FIRST_CUSTODY_STEP = 9;

function id(f: InFlight): string {
  if (!f.shipment) throw new Error('shipment not created yet');
  return f.shipment.id;
}

function handoff(f: InFlight, at: string, place: string, from: ReturnType<typeof party>, to: ReturnType<typeof party>, purpose: string) {
  const seals = (f.content.envelope?.seals ?? []).map((number) => ({ number, intact: true }));
  return { at, from, to, place, purpose, seals };
}

/** A binary heap of pending steps, earliest first: shipments overlap in time as they do in an office. */
class Agenda {
  private readonly items: Array<{ at: number; f: InFlight | null }> = [];
  get size(): number {
    return this.items.length;
  }
  push(at: number, f: InFlight | null): void {
    const a = this.items;
    a.push({ at, f });
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if ((a[p] as { at: number }).at <= (a[i] as { at: number }).at) break;
      [a[p], a[i]] = [a[i] as { at: number; f: InFlight | null }, a[p] as { at: number; f: InFlight | null }];
      i = p;
    }
  }
  pop(): { at: number; f: InFlight | null } {
    const a = this.items;
    const top = a[0] as { at: number; f: InFlight | null };
    const last = a.pop() as { at: number; f: InFlight | null };
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && (a[l] as { at: number }).at < (a[m] as { at: number }).at) m = l;
        if (r < a.length && (a[r] as { at: number }).at < (a[m] as { at: number }).at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i] as { at: number; f: InFlight | null }, a[m] as { at: number; f: InFlight | null }];
        i = m;
      }
    }
    return top;
  }
}

export interface BuildResult {
  volume: Volume;
  shipments: number;
  returned: number;
  custodyEvents: number;
  serviceCalls: number;
  buildMs: number;
  /** Shipments taken to «entregado» per second of building (setup excluded). */
  shipmentsPerS: number;
  from: string;
  to: string;
}

/**
 * Builds `volume` into `dir` (which must not hold a vault). The ten years end
 * at the start of the current month, so a save measured afterwards falls in
 * a month of its own, as the first save of a new month does in the office.
 */
export async function buildVault(dir: string, volume: Volume, options: { log?: (line: string) => void; seed?: number; end?: Date; kdf?: ScryptParams } = {}): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const r = random(options.seed ?? 2026);
  const endDate = options.end ?? new Date();
  const end = monthStart(endDate, 0);
  const start = monthStart(endDate, volume.months);
  const clock = { now: start - 20 * DAY };
  // Rendering 100,000 sheets would take hours and measure the printer, not the vault: every print stores
  // the bytes of one real approval sheet, rendered once by the real renderer, so the vault holds prints of
  // the real size. Everything else about the print (count, audit, stored copy) goes through the service.
  const sheet = await renderForm('approval', sampleApprovalInput());
  const s = createServices({ dataDir: dir, version: 'bench', shell: 'harness', clock: () => new Date(clock.now), kdf: options.kdf ?? PRODUCTION_KDF, renderForm: async () => sheet });
  const { ws, user: admin } = await s.session.setup({ office: OFFICE, admin: ADMIN });

  const users: User[] = [];
  // Round-robin over the plan, so a smaller office still has every role.
  const plans = ROLE_PLAN.flatMap((plan) => Array.from({ length: plan.count }, (_, i) => ({ ...plan, i }))).sort((a, b) => a.i - b.i);
  for (const [u, plan] of plans.slice(0, volume.users - 1).entries()) {
    const fullName = `${GIVEN[u % GIVEN.length]} ${FAMILY[(u * 7) % FAMILY.length]} ${FAMILY[(u * 3 + 1) % FAMILY.length]}`;
    const created = await s.users.create(ws, admin, { fullName, position: plan.position, userName: `usuario${String(u + 1).padStart(2, '0')}`, roles: plan.roles, temporaryPassword: TEMPORARY_PASSWORD });
    // As in test-support/world.ts: the services act for a user; the forced password change is a screen's matter.
    users.push({ ...created, mustChangePassword: false });
  }
  const clerks = users.filter((x) => x.roles.includes('capturista'));
  const lawyers = users.filter((x) => x.roles.includes('juridico'));

  const agencies: Office['agencies'] = [];
  for (let i = 0; i < volume.agencies; i += 1) {
    const kind = KINDS[i % KINDS.length] as (typeof KINDS)[number];
    const acronym = `DEP${String(i + 1).padStart(3, '0')}`;
    const agency = await s.directory.save(ws, admin, undefined, {
      name: `${kind === 'federal' ? 'Unidad Federal' : kind === 'estatal' ? 'Secretaría Estatal' : 'Dirección Municipal'} de Seguridad ${i + 1}`,
      acronym,
      kind,
      address: `Calle ${i + 1}, Oaxaca`,
      recipients: [0, 1].map((k) => ({ fullName: `${GIVEN[(i + k) % GIVEN.length]} ${FAMILY[(i * 5 + k) % FAMILY.length]}`, position: k === 0 ? 'Enlace' : 'Titular' })),
    });
    // Every tenth agreement ends three weeks after the build: Inicio has some «por vencer».
    const validTo = i % 10 === 9 ? new Date(endDate.getTime() + 21 * DAY).toISOString().slice(0, 10) : '2040-12-31';
    await s.directory.saveAgreement(ws, admin, undefined, { agencyId: agency.id, number: `CONV-${acronym}-2015`, scope: 'Intercambio de información de seguridad pública', signedOn: '2015-01-05', validFrom: '2015-01-05', validTo }, undefined);
    agencies.push({ id: agency.id, acronym: agency.acronym, name: agency.name, recipients: agency.recipients });
  }
  const couriers: Courier[] = [];
  for (let i = 0; i < 12; i += 1) {
    couriers.push(await s.custody.saveCourier(ws, admin, undefined, parsed.courier({ kind: i < 8 ? 'interno' : 'externo', fullName: `Mensajero ${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 3) % FAMILY.length]}`, organisation: i < 8 ? 'C4 Oaxaca' : 'Mensajería Express', identification: `Gafete ${100 + i}` })));
  }
  // The reports catalogue of the example directive, so Inicio has obligations to count.
  await s.directory.loadExample(ws, admin);
  const o: Office = { s, ws, admin, clerks, lawyers, agencies, couriers };

  // Shipments: created at an even pace through the months, each step a few hours after the one before.
  const agenda = new Agenda();
  const step = (end - start) / volume.shipments;
  let created = 0;
  let returned = 0;
  let calls = 0;
  let events = 0;
  const nextCreation = () => {
    if (created < volume.shipments) agenda.push(start + created * step + r.next() * step * 0.5, null);
  };
  nextCreation();
  const began = performance.now();
  let lastLog = began;
  let delivered = 0;
  let lastDelivered = 0;
  while (agenda.size > 0) {
    const item = agenda.pop();
    clock.now = Math.max(clock.now, Math.round(item.at));
    let f = item.f;
    if (!f) {
      const n = created;
      created += 1;
      nextCreation();
      const preparer = r.pick(clerks);
      let signer = r.pick(clerks);
      while (signer.id === preparer.id) signer = r.pick(clerks);
      const courier = r.pick(couriers);
      let relay = r.pick(couriers);
      while (relay.id === courier.id) relay = r.pick(couriers);
      // Steps come 0.5–1.5 gaps apart; near the end the gaps shrink, so every shipment is delivered before `end`.
      const gap = Math.min(r.int(1, 30) * HOUR, (end - item.at) / (1.5 * STEPS.length + 1));
      f = { n, shipment: null, content: content(r, o, n), preparer, signer, lawyer: r.pick(lawyers), courier, relay, returned: n % 5 === 3, step: 0, gap };
      if (f.returned) returned += 1;
    }
    const at = new Date(clock.now).toISOString();
    let call = (STEPS[f.step] as Step)(o, f, at);
    while (call === null) call = (STEPS[(f.step += 1)] as Step)(o, f, at);
    await call;
    calls += 1;
    if (f.step >= FIRST_CUSTODY_STEP) events += 1;
    f.step += 1;
    if (f.step < STEPS.length) agenda.push(item.at + f.gap * (0.5 + r.next()), f);
    else {
      delivered += 1;
      if (performance.now() - lastLog > 10_000) {
        const now = performance.now();
        const rate = delivered / ((now - began) / 1000);
        const recent = (delivered - lastDelivered) / ((now - lastLog) / 1000);
        [lastLog, lastDelivered] = [now, delivered];
        log(`  ${delivered} de ${volume.shipments} envíos entregados (${rate.toFixed(0)}/s, últimos 10 s ${recent.toFixed(0)}/s, faltan ~${Math.round((volume.shipments - delivered) / rate)} s)`);
      }
    }
  }
  const buildMs = performance.now() - began;
  await s.session.close();
  return { volume, shipments: delivered, returned, custodyEvents: events, serviceCalls: calls, buildMs, shipmentsPerS: delivered / (buildMs / 1000), from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

// `tsx scripts/bench/build.ts DIR ten-years|one-month|ten-thousand SCALE`: run.ts builds in a child, so the
// builder's heap is gone before anything is measured. Prints the BuildResult on its last line.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, which, scale] = process.argv.slice(2);
  if (!dir || (which !== 'ten-years' && which !== 'one-month' && which !== 'ten-thousand')) throw new Error('usage: build.ts DIR ten-years|one-month|ten-thousand [SCALE]');
  // ten-thousand: the vault whose upgrade from format 1 is timed (10,000 shipments, fewer at small scales).
  const volume = which === 'one-month' ? ONE_MONTH : which === 'ten-thousand' ? scaled(TEN_YEARS, Math.min(0.1, Number(scale ?? '1'))) : scaled(TEN_YEARS, Number(scale ?? '1'));
  console.log(JSON.stringify(await buildVault(dir, volume, { log: (line) => process.stderr.write(`${line}\n`) })));
}
