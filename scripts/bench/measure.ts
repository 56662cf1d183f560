/**
 * The measuring child: `run.ts` starts it once per figure group, after the
 * build, in a fresh process (so the builder's heap, caches and open files do
 * not count), against the vault copied to disk. It signs in with the
 * production KDF and calls the handler table through `dispatch`, exactly as
 * the window's IPC does (input parsed with the channel's schema), plus a
 * structuredClone of each result, which stands for Electron serialising the
 * answer to the window.
 *
 *   tsx scripts/bench/measure.ts screens DIR      sign-in, Inicio, Envíos, detail, counter, every screen, RSS
 *   tsx scripts/bench/measure.ts saves DIR10 DIR1  durable acts interleaved between the two vaults
 *   tsx scripts/bench/measure.ts checkpoint DIR    one save, then the checkpoints written
 *   tsx scripts/bench/measure.ts rebuild DIR       sign-in to a first detail with the checkpoints removed
 *   tsx scripts/bench/measure.ts format1 DIR       rewrite a built vault in records format 1 (once, at build)
 *   tsx scripts/bench/measure.ts upgrade DIR       sign-in and Envíos on a format-1 vault: the upgrade
 *
 * Each prints one JSON object on its last stdout line.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { todayInOffice } from '../../electron/services/agencies/rules';
import { rewriteAsFormat1 } from '../../electron/services/shipments/test-support/format1-writer';
import type { Channel } from '../../shared/ipc/channels';
import type { Input, Output } from '../../shared/ipc/contract';
import type { ShipmentAction } from '../../shared/domain/shipment-states';
import type { ShipmentChannel } from '../../shared/domain/agencies';
import type { ShipmentContentInput, ShipmentSummary } from '../../shared/domain/shipments';
import { SHIPMENT_STATES } from '../../shared/domain/shipment-states';
import { formatSheetCode } from '../../shared/domain/sheet-code';
import type { User } from '../../shared/domain/users';
import { createHandlers, createServices, type Services } from '../../electron/services/app-services';
import { dispatch } from '../../electron/services/ipc/dispatch';
import { ADMIN } from '../../electron/services/test-support/world';
import { peakRssMb, percentile, round, timed } from './stats';
import { parsed } from '../../electron/services/test-support/parsed-inputs';

const QUERIES = 200;
const DETAILS = 200;
const COUNTER_SAMPLES = 20;
const SAVE_SHIPMENTS = 40;
/** Who signs in to measure: the administrator the builder set up (build.ts SIGN_IN); every screen is open to them. */
const SIGN_IN = { userName: ADMIN.userName, password: ADMIN.password };

/** Seeded, so every run asks the same questions of the same vault. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}

interface App {
  services: Services;
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
}

function app(dataDir: string): App {
  const services = createServices({ dataDir, version: 'bench', shell: 'harness' });
  const handlers = createHandlers(services);
  return {
    services,
    async call(channel, input) {
      const result = await dispatch(handlers, channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return structuredClone(result.value) as never;
    },
  };
}

/** Sign-in as the window does it: the locked screen first (not timed), then the password. */
async function signIn(a: App): Promise<{ signInMs: number; kdfMs: number }> {
  await a.call('session.state', {});
  const { ms } = await timed(() => a.call('session.signIn', SIGN_IN));
  const { ws } = a.services.session.require();
  return { signInMs: ms, kdfMs: ws.vault.timings.kdfMs };
}

/** 200 Envíos pages as people ask for them: text, states, channels, agency, sorts and deep offsets. */
function listQueries(r: ReturnType<typeof random>, agencyIds: string[], folios: string[], subjects: string[]): Array<Input<'shipments.list'>> {
  const sorts = ['folio', 'createdAt', 'updatedAt', 'state', 'agency', 'subject'] as const;
  const channels: ShipmentChannel[] = ['tarjeta_informativa', 'oficio', 'sobre_cerrado', 'medio_magnetico'];
  const out: Array<Input<'shipments.list'>> = [];
  for (let i = 0; i < QUERIES; i += 1) {
    const q: Input<'shipments.list'> = { sort: r.pick(sorts), direction: r.next() < 0.5 ? 'asc' : 'desc', offset: r.next() < 0.3 ? r.int(0, 40) * 50 : 0, limit: 50 };
    switch (i % 6) {
      case 0:
        q.text = r.pick(subjects);
        break;
      case 1:
        q.text = r.pick(folios);
        break;
      case 2:
        q.states = [r.pick(SHIPMENT_STATES)];
        break;
      case 3:
        q.channels = [r.pick(channels)];
        q.text = r.pick(['videos', 'estadistica', 'extorsion', 'llamadas']);
        break;
      case 4:
        q.agencyId = r.pick(agencyIds);
        break;
      case 5:
        q.from = `20${r.int(17, 26)}-0${r.int(1, 9)}-01`;
        q.to = q.from.replace(/-01$/, '-28');
        q.classifications = [r.pick(['publica', 'reservada', 'confidencial'] as const)];
        break;
    }
    out.push(q);
  }
  return out;
}

/**
 * A person reads Inicio before clicking Envíos, and the list before opening
 * a shipment: the app reads the rows and the custody index in that time
 * (ShipmentUpkeep.warmSoon), and a screen asked for meanwhile waits only for
 * what is left. One second each, which is quick for a person; the first
 * screens are timed from the click. `BENCH_PAUSE_MS=0` times them as if the
 * clicks came at once.
 */
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? '1000');
const personPause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

async function screens(dir: string) {
  const r = random(13);
  const a = app(dir);
  // The process's peak RSS so far after each stage: where the memory goes, not only how much.
  const peakAfter: Record<string, number> = {};
  const stage = (name: string) => (peakAfter[name] = round(peakRssMb()));
  stage('start');
  const { signInMs, kdfMs } = await signIn(a);
  const dashboard = await timed(() => a.call('home.dashboard', {}));
  stage('home');
  await personPause();
  stage('read_ahead');
  const listFirst = await timed(() => a.call('shipments.list', {}));
  const first = listFirst.value.items[0];
  if (!first) throw new Error('the vault has no shipments');
  await personPause();
  // What a person opens first: the newest shipment on the first page.
  const detailFirst = await timed(() => a.call('shipments.get', { shipmentId: first.id }));
  stage('first_detail');

  // Ids, folios and subjects to ask about, gathered from a few pages (not timed).
  const total = listFirst.value.total;
  const sample: ShipmentSummary[] = [];
  for (let i = 0; i < 8; i += 1) sample.push(...(await a.call('shipments.list', { offset: r.int(0, Math.max(0, total - 500)), limit: 500 })).items);
  const agencies = await a.call('agencies.list', {});
  const folios = sample.flatMap((s) => (s.folio ? [s.folio] : []));
  const queries = listQueries(
    r,
    agencies.map((x) => x.agency.id),
    folios.length ? folios : ['0001'],
    sample.map((s) => s.subject.split(' ').slice(0, 2).join(' ')),
  );
  const listTimes: number[] = [];
  for (const q of queries) listTimes.push((await timed(() => a.call('shipments.list', q))).ms);
  stage('lists');

  const detailTimes: number[] = [];
  for (let i = 0; i < DETAILS; i += 1) detailTimes.push((await timed(() => a.call('shipments.get', { shipmentId: r.pick(sample).id }))).ms);

  stage('details');
  // The counter: a sheet's QR read by the scanner, to the shipment's due handoff on screen (CounterPanel).
  const counterTimes: number[] = [];
  for (let i = 0; i < COUNTER_SAMPLES; i += 1) {
    const { shipment, custody } = await a.call('shipments.get', { shipmentId: r.pick(sample.filter((s) => s.folio)).id });
    // As printed on the sheet (shipment-forms.ts chainHeadText): the newest event's hash, 16 digits.
    const code = formatSheetCode({ folio: shipment.folio ?? '', digest: shipment.digest, chainHead: custody.at(-1)?.hash.slice(0, 16).toUpperCase() ?? '0' });
    counterTimes.push(
      (
        await timed(async () => {
          const found = await a.call('shipments.lookup', { code });
          return a.call('shipments.get', { shipmentId: found.shipmentId });
        })
      ).ms,
    );
  }

  stage('counter');
  // Every other screen once, as a person moving through the menu would.
  const visits: Record<string, number> = {};
  const visit = async <C extends Channel>(name: string, channel: C, input: Input<C>) => {
    visits[name] = round((await timed(() => a.call(channel, input))).ms);
    stage(name);
  };
  await visit('custody_log', 'custody.list', {});
  await visit('custody_known', 'custody.known', {});
  await visit('couriers', 'couriers.list', {});
  await visit('reports', 'reports.overview', {});
  await visit('agencies', 'agencies.list', {});
  await visit('agency_detail', 'agencies.get', { agencyId: (agencies[0] as (typeof agencies)[number]).agency.id });
  await visit('users', 'users.list', {});
  await visit('audit', 'audit.list', { offset: 0, limit: 50 });
  await visit('settings', 'settings.get', {});
  const peak = round(peakRssMb());
  await a.services.session.close();
  return {
    kdf_ms: round(kdfMs),
    sign_in_ms: round(signInMs - kdfMs),
    dashboard_ms: round(dashboard.ms),
    home_ms: round(signInMs - kdfMs + dashboard.ms),
    shipments: total,
    list_first_ms: round(listFirst.ms),
    list_p50_ms: round(percentile(listTimes, 50), 3),
    list_p95_ms: round(percentile(listTimes, 95), 3),
    detail_first_ms: round(detailFirst.ms),
    detail_first_custody_events: detailFirst.value.custody.length,
    detail_p50_ms: round(percentile(detailTimes, 50), 3),
    detail_p95_ms: round(percentile(detailTimes, 95), 3),
    counter_lookup_ms: round(percentile(counterTimes, 50), 3),
    screens_ms: visits,
    peak_rss_mb: peak,
    peak_rss_mb_after: peakAfter,
    pause_before_first_screens_ms: PAUSE_MS,
  };
}

// ---- saves ------------------------------------------------------------------

/** A fresh shipment's life after the draft: every act is one durable save through the service. */
const LIFE: Array<{ action: ShipmentAction; who: 'clerk' | 'lawyer' | 'signer'; payload: (at: string) => Record<string, unknown> }> = [
  { action: 'enviar_a_revision', who: 'clerk', payload: () => ({}) },
  { action: 'aprobar_revision', who: 'lawyer', payload: () => ({}) },
  { action: 'generar_hoja', who: 'clerk', payload: () => ({}) },
  { action: 'registrar_firma', who: 'signer', payload: (at) => ({ signerName: 'Lic. Dora García', signerPosition: 'Directora General', signedOn: todayInOffice(new Date(at)) }) },
  { action: 'sellar', who: 'clerk', payload: (at) => handoff(at, 'Oficialía del C4', 'Capturista', 'Capturista') },
  { action: 'despachar', who: 'clerk', payload: (at) => handoff(at, 'Ventanilla del C4', 'Capturista', 'Mensajero') },
  { action: 'registrar_acuse', who: 'clerk', payload: (at) => handoff(at, 'Oficialía de partes', 'Mensajero', 'Destinatario') },
];

function handoff(at: string, place: string, from: string, to: string) {
  return { at, place, from: { name: from }, to: { name: to, identification: 'INE' }, purpose: 'Medición de guardado', seals: [] };
}

interface Desk {
  a: App;
  clerk: User;
  signer: User;
  lawyer: User;
  ids: string[];
}

async function desk(dir: string): Promise<Desk> {
  const a = app(dir);
  await signIn(a);
  const { ws } = a.services.session.require();
  const users = (await a.services.users.list(ws)).map((u) => ({ ...u, mustChangePassword: false }) as User);
  const clerks = users.filter((u) => u.active && u.roles.includes('capturista'));
  const lawyer = users.find((u) => u.active && u.roles.includes('juridico'));
  const agency = (await a.call('agencies.list', {})).find((x) => x.agreement?.status === 'vigente')?.agency;
  if (clerks.length < 2 || !lawyer || !agency) throw new Error('the vault lacks clerks, legal or an agency with an agreement');
  const recipient = agency?.recipients[0];
  if (!recipient) throw new Error('the agency has no recipient');
  const d: Desk = { a, clerk: clerks[0] as User, signer: clerks[1] as User, lawyer, ids: [] };
  // Drafts made for the purpose (not timed): the saves measured are the acts that follow.
  const content: ShipmentContentInput = { channel: 'oficio', agencyId: agency.id, recipientId: recipient.id, subject: 'Medición de guardado', classification: 'publica', coveringOficio: 'C4/DG/1/2026', inventory: [{ description: 'Oficio', type: 'oficio', quantity: 1, sheets: 1 }] };
  for (let i = 0; i < SAVE_SHIPMENTS + 1; i += 1) d.ids.push((await a.services.shipments.lifecycle.createDraft(ws, d.clerk, parsed.content({ ...content, subject: `Medición de guardado ${i}` }))).id);
  return d;
}

function act(d: Desk, id: string, step: (typeof LIFE)[number]): Promise<unknown> {
  const { ws } = d.a.services.session.require();
  const who = step.who === 'clerk' ? d.clerk : step.who === 'lawyer' ? d.lawyer : d.signer;
  return d.a.services.shipments.lifecycle.act(ws, who, id, step.action, parsed.payload(step.action, step.payload(new Date().toISOString())));
}

async function saves(dir10y: string, dir1m: string) {
  const ten = await desk(dir10y);
  const one = await desk(dir1m);
  // The first act after sign-in also loads the custody ledger: reported on its own, not in the percentiles.
  const firstTen = await timed(() => act(ten, ten.ids[0] as string, LIFE[0]!));
  const firstOne = await timed(() => act(one, one.ids[0] as string, LIFE[0]!));
  const t10: number[] = [];
  const t1: number[] = [];
  // Interleaved, alternating which vault goes first, so both see the same disk.
  let k = 0;
  for (const step of LIFE) {
    for (let i = 1; i <= SAVE_SHIPMENTS; i += 1, k += 1) {
      // The Director General signs a printed sheet: printed first, not timed (the print is not the save).
      if (step.action === 'registrar_firma') {
        for (const d of [ten, one]) await d.a.services.shipments.printing.printForm(d.a.services.session.require().ws, d.clerk, parsed.print({ shipmentId: d.ids[i] as string, form: 'approval' }));
      }
      const a = async () => t10.push((await timed(() => act(ten, ten.ids[i] as string, step))).ms);
      const b = async () => t1.push((await timed(() => act(one, one.ids[i] as string, step))).ms);
      if (k % 2 === 0) {
        await a();
        await b();
      } else {
        await b();
        await a();
      }
    }
  }
  await ten.a.services.session.close();
  await one.a.services.session.close();
  return {
    save_first_ms_10y: round(firstTen.ms),
    save_first_ms_1m: round(firstOne.ms),
    save_p50_ms_10y: round(percentile(t10, 50), 3),
    save_p95_ms_10y: round(percentile(t10, 95), 3),
    save_p50_ms_1m: round(percentile(t1, 50), 3),
    save_p95_ms_1m: round(percentile(t1, 95), 3),
    save_samples: t10.length,
  };
}

// ---- checkpoint, rebuild and upgrade -------------------------------------------

/** checkpoint_ms: one save, then both checkpoints (shipment rows and summary, custody index) written as the app writes them. */
async function checkpoint(dir: string): Promise<{ ms: number }> {
  const a = app(dir);
  await signIn(a);
  const { ws, user } = a.services.session.require();
  await a.call('home.dashboard', {});
  const first = (await a.call('shipments.list', { limit: 1 })).items[0];
  if (!first) throw new Error('empty vault');
  await a.call('shipments.get', { shipmentId: first.id });
  // One change to each, so both checkpoints have something to write.
  const draft = await a.services.shipments.lifecycle.createDraft(ws, user, (await a.services.shipments.queries.get(ws, user, first.id)).shipment.content);
  await a.services.shipments.lifecycle.act(ws, user, draft.id, 'enviar_a_revision', parsed.payload('enviar_a_revision', {}));
  await a.services.shipments.custody.record(ws, user, draft.id, parsed.custodyEvent({ type: 'otro', at: new Date(Date.now() - 60_000).toISOString(), from: { name: 'Banco de pruebas' }, to: { name: 'Archivo' }, place: 'Oficialía', purpose: 'Medición', seals: [], corrects: null }));
  const ledger = (await a.services.shipments.custody.view(ws)).ledger;
  const { ms } = await timed(async () => {
    await a.services.shipments.upkeep.checkpoint(ws);
    await ledger.checkpoint();
  });
  await a.services.session.close();
  return { ms: round(ms) };
}

/** reopen_without_checkpoint_ms: the rare path, with the checkpoints removed: sign-in, Inicio, Envíos and a first detail. */
async function rebuild(dir: string): Promise<{ ms: number }> {
  for (const name of readdirSync(dir)) if (/^g\d+$/.test(name)) rmSync(path.join(dir, name, 'cache'), { recursive: true, force: true });
  const a = app(dir);
  const { ms } = await timed(async () => {
    await signIn(a);
    await a.call('home.dashboard', {});
    const first = (await a.call('shipments.list', { limit: 1 })).items[0];
    if (first) await a.call('shipments.get', { shipmentId: first.id });
  });
  await a.services.session.close();
  return { ms: round(ms) };
}

/** Rewrites a built vault in records format 1 (see format1-writer.ts): done once, when the vaults are built. */
async function format1(dir: string): Promise<{ shipments: number; revisions: number }> {
  const a = app(dir);
  await signIn(a);
  const result = await rewriteAsFormat1(a.services.session.require().ws.vault);
  await a.services.session.close();
  return result;
}

/** upgrade_ms: a fresh process signs in to a format-1 vault and opens Envíos, which upgrades it (verified) first. */
async function upgrade(dir: string): Promise<{ ms: number }> {
  const a = app(dir);
  await signIn(a);
  const { ws } = a.services.session.require();
  if (ws.vault.format !== 1) throw new Error('the vault to upgrade is not in format 1');
  const { ms } = await timed(() => a.call('shipments.list', { limit: 50 }));
  if ((ws.vault.format as number) !== 2) throw new Error('the upgrade did not happen');
  await a.services.session.close();
  return { ms: round(ms) };
}

async function main(): Promise<unknown> {
  const [mode, dir, other] = process.argv.slice(2);
  if (mode === 'screens' && dir) return screens(dir);
  if (mode === 'saves' && dir && other) return saves(dir, other);
  if (mode === 'checkpoint' && dir) return checkpoint(dir);
  if (mode === 'rebuild' && dir) return rebuild(dir);
  if (mode === 'format1' && dir) return format1(dir);
  if (mode === 'upgrade' && dir) return upgrade(dir);
  throw new Error('usage: measure.ts screens DIR | saves DIR10Y DIR1M | checkpoint DIR | rebuild DIR | format1 DIR | upgrade DIR');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await main()));
}
