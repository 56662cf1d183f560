/**
 * Vault benchmark: `npm run bench` (table) or `npm run bench -- --json` (one
 * JSON object on stdout; progress on stderr). Exits 1 when a target is missed.
 *
 *   --scale=0.01     a proportionally smaller ten-year vault (same office, fewer months)
 *   --keep           keep the built vaults and print their folder
 *   --reuse DIR      measure the vaults kept in DIR instead of building them again
 *
 * The vaults are built only through the services (build.ts), each in a child
 * process; every figure is measured in a fresh child afterwards (measure.ts).
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRODUCTION_KDF } from '../../electron/services/vault';
import type { BuildResult } from './build';
import { dirSizeMb, round, sumOfDirs, table } from './stats';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const keep = argv.includes('--keep');
const scale = Number(argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length) ?? '1');
const reuseAt = argv.indexOf('--reuse');
const reuse = reuseAt >= 0 ? argv[reuseAt + 1] : undefined;
if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
if (reuseAt >= 0 && !reuse) throw new Error('--reuse needs a folder');

const log = (line: string) => process.stderr.write(`${line}\n`);
const TSX = path.resolve('node_modules/.bin/tsx');

/**
 * Node's default heap limit would end a ten-year run of today's store in an
 * out-of-memory crash instead of a figure; with room to spare the measuring
 * child reports its real peak RSS, which the target then judges.
 */
const BIG_HEAP = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=6144`.trim() };

/** Runs a bench script in its own process; it prints one JSON object on its last line. */
function child<T>(script: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): T {
  const out = execFileSync(TSX, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T;
}

/**
 * The measuring child runs as the app's main process does: the services
 * bundled by esbuild (as dist/electron/main.js is) and run by Node itself.
 * Under tsx the process would also hold tsx's loader and compiler, about
 * 35 MB the app never has, in every memory figure.
 */
let measureBundle: string | null = null;
function measure<T>(args: string[], env: NodeJS.ProcessEnv = process.env): T {
  if (!measureBundle) {
    // Split like the app's main bundle (scripts/build-electron.mjs), so react-pdf loads only if something renders.
    buildSync({ entryPoints: { measure: 'scripts/bench/measure.ts' }, outdir: 'dist/bench', splitting: true, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outExtension: { '.js': '.mjs' }, logLevel: 'warning' });
    // The saves print approval sheets in this thread: the fonts are looked up beside the bundle, as for main.js.
    cpSync('electron/services/documents/fonts', 'dist/bench/fonts', { recursive: true });
    measureBundle = path.resolve('dist/bench/measure.mjs');
  }
  const out = execFileSync(process.execPath, [measureBundle, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T;
}

interface Manifest {
  scale: number;
  tenYears: BuildResult;
  oneMonth: BuildResult;
  tenThousand: BuildResult;
}

/**
 * Builds one vault in /dev/shm and copies it byte for byte to `target` on
 * disk. The services fsync every save (file and folder); on a real disk that
 * alone would make a ten-year build take hours, and measures nothing a person
 * waits for. tmpfs makes fsync nearly free while the services run unchanged;
 * the copy on disk is what every figure is then measured against.
 */
function buildInto(target: string, which: 'ten-years' | 'one-month' | 'ten-thousand'): BuildResult {
  const shm = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const scratch = mkdtempSync(path.join(shm, 'valija-build-'));
  try {
    const built = path.join(scratch, 'vault');
    const result = child<BuildResult>('scripts/bench/build.ts', [built, which, String(scale)], BIG_HEAP);
    cpSync(built, target, { recursive: true });
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function vaults(root: string): Manifest {
  const file = path.join(root, 'build.json');
  if (reuse) {
    if (!existsSync(file)) throw new Error(`${root} holds no kept bench vaults (build.json missing)`);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (kept.scale !== scale) throw new Error(`${root} holds vaults of scale ${kept.scale}, not ${scale}`);
    log(`Reutilizando las bóvedas de ${root}`);
    return kept;
  }
  const ten = `${(scale * 100_000).toLocaleString('es-MX')} envíos`;
  log(`Construyendo la bóveda de diez años a escala ${scale} (${ten}) con los servicios…`);
  const tenYears = buildInto(path.join(root, 'diez-anios'), 'ten-years');
  log(`  ${tenYears.shipments} envíos, ${tenYears.custodyEvents} eventos de custodia en ${(tenYears.buildMs / 1000).toFixed(1)} s (${tenYears.shipmentsPerS.toFixed(0)} envíos/s)`);
  log('Construyendo la bóveda de un mes…');
  const oneMonth = buildInto(path.join(root, 'un-mes'), 'one-month');
  log('Construyendo la bóveda de 10,000 envíos que se reescribe en el formato 1 para medir la actualización…');
  const tenThousand = buildInto(path.join(root, 'diez-mil'), 'ten-thousand');
  measure(['format1', path.join(root, 'diez-mil')], BIG_HEAP);
  const manifest = { scale, tenYears, oneMonth, tenThousand };
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return manifest;
}

interface Screens {
  kdf_ms: number;
  sign_in_ms: number;
  dashboard_ms: number;
  home_ms: number;
  shipments: number;
  list_first_ms: number;
  list_p50_ms: number;
  list_p95_ms: number;
  detail_first_ms: number;
  detail_first_custody_events: number;
  detail_p50_ms: number;
  detail_p95_ms: number;
  counter_lookup_ms: number;
  screens_ms: Record<string, number>;
  peak_rss_mb: number;
  peak_rss_mb_after: Record<string, number>;
  pause_before_first_screens_ms: number;
}
interface Saves {
  save_first_ms_10y: number;
  save_first_ms_1m: number;
  save_p50_ms_10y: number;
  save_p95_ms_10y: number;
  save_p50_ms_1m: number;
  save_p95_ms_1m: number;
  save_samples: number;
}
interface Pending {
  checkpoint_ms_10y: number | null;
  reopen_without_checkpoint_ms_10y: number | null;
  upgrade_ms_10k: number | null;
}

async function main(): Promise<number> {
  const root = reuse ? path.resolve(reuse) : mkdtempSync(path.join(os.tmpdir(), 'valija-bench-'));
  // Measured on a fresh copy each run: the saves add shipments, and a kept vault must stay as built.
  const work = mkdtempSync(path.join(os.tmpdir(), 'valija-bench-run-'));
  try {
    log('Midiendo el formato de autorización (PDF, en caliente)…');
    const forms = child<{ approval_pdf_ms: number; approval_pdf_p95_ms: number; approval_pdf_ms_oficio: number; first_print_ms: number; worker_load_ms: number }>('scripts/bench/forms.ts');
    log('Midiendo la exportación de expedientes y el respaldo (disco local)…');
    const media = child<{ export_month_s: number; export_shipments_per_s: number; backup_mb_per_s: number }>('scripts/bench/media.ts');

    const built = vaults(root);
    const dir10y = path.join(work, 'diez-anios');
    const dir1m = path.join(work, 'un-mes');
    cpSync(path.join(root, 'diez-anios'), dir10y, { recursive: true });
    cpSync(path.join(root, 'un-mes'), dir1m, { recursive: true });
    // Flush the copies first, so their write-back does not land in the first measured fsyncs.
    execFileSync('sync');
    const vaultMb10y = dirSizeMb(dir10y);
    // What the stored prints take apart from the records: every print keeps its exact PDF (docs/ARCHITECTURE.md).
    const printsMb10y = sumOfDirs(dir10y, 'streams/prints');
    const loadBefore = os.loadavg()[0] ?? 0;

    log('Midiendo inicio de sesión, Inicio, Envíos, detalle, mostrador y cada pantalla (proceso nuevo)…');
    const s10 = measure<Screens>(['screens', dir10y], BIG_HEAP);
    log('Lo mismo en la bóveda de un mes…');
    const s1 = measure<Screens>(['screens', dir1m]);
    log('Midiendo guardados (act durable, alternando las dos bóvedas)…');
    const saves = measure<Saves>(['saves', dir10y, dir1m], BIG_HEAP);
    const dir10k = path.join(work, 'diez-mil');
    cpSync(path.join(root, 'diez-mil'), dir10k, { recursive: true });
    execFileSync('sync');
    log('Midiendo el punto de control, la reapertura sin él y la actualización del formato 1 (procesos nuevos)…');
    const pending: Pending = {
      checkpoint_ms_10y: measure<{ ms: number }>(['checkpoint', dir10y], BIG_HEAP).ms,
      reopen_without_checkpoint_ms_10y: measure<{ ms: number }>(['rebuild', dir10y], BIG_HEAP).ms,
      upgrade_ms_10k: measure<{ ms: number }>(['upgrade', dir10k], BIG_HEAP).ms,
    };

    const result = {
      scale,
      shipments_10y: built.tenYears.shipments,
      custody_events_10y: built.tenYears.custodyEvents,
      months_10y: built.tenYears.volume.months,
      build_shipments_per_s: round(built.tenYears.shipmentsPerS, 1),
      build_10y_s: round(built.tenYears.buildMs / 1000, 1),
      build_full_10y_estimate_min: round(100_000 / built.tenYears.shipmentsPerS / 60, 1),
      kdf_ms: s10.kdf_ms,
      kdf_params: PRODUCTION_KDF,
      home_ms_10y: s10.home_ms,
      home_sign_in_ms_10y: s10.sign_in_ms,
      home_dashboard_ms_10y: s10.dashboard_ms,
      home_ms_1m: s1.home_ms,
      list_first_ms_10y: s10.list_first_ms,
      list_p50_ms_10y: s10.list_p50_ms,
      list_p95_ms_10y: s10.list_p95_ms,
      detail_first_ms_10y: s10.detail_first_ms,
      /** A person's pause after Inicio and after the first list, during which the app reads ahead (measure.ts). */
      pause_before_first_screens_ms: s10.pause_before_first_screens_ms,
      detail_p50_ms_10y: s10.detail_p50_ms,
      detail_p95_ms_10y: s10.detail_p95_ms,
      detail_first_ms_1m: s1.detail_first_ms,
      counter_lookup_ms_10y: s10.counter_lookup_ms,
      screens_ms_10y: s10.screens_ms,
      ...saves,
      peak_rss_mb_10y: s10.peak_rss_mb,
      /** The peak so far after each stage of the visit (start, home, read_ahead, first_detail, lists, details, counter, then each other screen). */
      peak_rss_mb_after_10y: s10.peak_rss_mb_after,
      peak_rss_mb_1m: s1.peak_rss_mb,
      vault_mb_10y: round(vaultMb10y),
      /** At a smaller scale, the ten-year size by the same bytes per shipment (the vault grows linearly). */
      vault_mb_10y_projected: round((vaultMb10y / built.tenYears.shipments) * 100_000),
      /**
       * The size target's own measure («about 10 KB per shipment with its events and audit»): everything
       * but the kept prints, whose exact PDFs cannot shrink with the format (docs/ARCHITECTURE.md, «Prints»).
       */
      records_mb_10y: round(((vaultMb10y - printsMb10y) / built.tenYears.shipments) * 100_000),
      prints_mb_10y: round((printsMb10y / built.tenYears.shipments) * 100_000),
      vault_kb_per_shipment: round((vaultMb10y * 1024) / built.tenYears.shipments, 1),
      prints_kb_per_shipment: round((printsMb10y * 1024) / built.tenYears.shipments, 1),
      records_kb_per_shipment: round(((vaultMb10y - printsMb10y) * 1024) / built.tenYears.shipments, 1),
      vault_mb_1m: round(dirSizeMb(path.join(root, 'un-mes'))),
      ...pending,
      ...forms,
      ...media,
      /** Not measurements: filled in by the checkpoint write and the format upgrade measurements. */
      upgrade_shipments: built.tenThousand.shipments,
      node: process.version,
      cpus: os.cpus().length,
      /** The machine is shared: its load before and after the measurements, to judge the figures by. */
      load_avg_1m: [round(loadBefore), round(os.loadavg()[0] ?? 0)],
      targets: {} as Record<string, Target>,
    };
    const atMost = (value: number | null, limit: number) => ({ value, limit: round(limit, 3), pass: value === null ? null : value <= limit });
    const atLeast = (value: number, limit: number) => ({ value, limit, pass: value >= limit });
    result.targets = {
      home_ms_10y: atMost(result.home_ms_10y, 500),
      detail_first_ms_10y: atMost(result.detail_first_ms_10y, 300),
      detail_p95_ms_10y: atMost(result.detail_p95_ms_10y, 50),
      list_p95_ms_10y: atMost(result.list_p95_ms_10y, 100),
      save_p95_ms_10y: atMost(result.save_p95_ms_10y, 10),
      save_p95_10y_le_2x_1m: atMost(result.save_p95_ms_10y, 2 * result.save_p95_ms_1m),
      peak_rss_mb_10y: atMost(result.peak_rss_mb_10y, 400),
      records_mb_10y: atMost(result.records_mb_10y, 1000),
      records_kb_per_shipment: atMost(result.records_kb_per_shipment, 10),
      approval_pdf_p95_ms: atMost(result.approval_pdf_p95_ms, 400),
      first_print_ms: atMost(result.first_print_ms, 1500),
      export_month_s: atMost(result.export_month_s, 120),
      backup_mb_per_s: atLeast(result.backup_mb_per_s, 50),
    };
    const failed = Object.values(result.targets).filter((t) => t.pass === false);

    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else print(result);
    if (keep && !reuse) log(`Bóvedas conservadas en ${root} (npm run bench -- --reuse ${root}${scale === 1 ? '' : ` --scale=${scale}`})`);
    return failed.length === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (!keep && !reuse) rmSync(root, { recursive: true, force: true });
  }
}

type Target = { value: number | null; limit: number; pass: boolean | null };

function print(r: Record<string, unknown> & { targets: Record<string, Target> }): void {
  const ms = (v: unknown) => (v === null ? 'null' : `${String(v)} ms`);
  const goal = (name: string) => {
    const t = r.targets[name];
    if (!t) return '';
    return `${t.pass === null ? '—' : t.pass ? 'OK' : 'FALLA'} (meta ${name.includes('per_s') ? '≥' : '≤'} ${t.limit})`;
  };
  const pending = (v: unknown) => (v === null ? 'null' : ms(v));
  const kdf = r.kdf_params as { N: number; r: number; p: number };
  const rows: Array<[string, string, string]> = [
    ['medida', 'valor', 'meta / nota'],
    ['escala', String(r.scale), `${String(r.shipments_10y)} envíos, ${String(r.custody_events_10y)} eventos de custodia, ${String(r.months_10y)} meses`],
    ['construcción (servicios)', `${String(r.build_shipments_per_s)} envíos/s`, `${String(r.build_10y_s)} s; diez años completos ≈ ${String(r.build_full_10y_estimate_min)} min`],
    ['derivación de clave (scrypt)', ms(r.kdf_ms), `N=2^${Math.log2(kdf.N)}, r=${kdf.r}, p=${kdf.p}`],
    ['Inicio tras la contraseña', ms(r.home_ms_10y), goal('home_ms_10y')],
    ['  de ello, inicio de sesión', ms(r.home_sign_in_ms_10y), 'sin la derivación de clave'],
    ['  de ello, home.dashboard', ms(r.home_dashboard_ms_10y), ''],
    ['Inicio tras la contraseña, 1 mes', ms(r.home_ms_1m), ''],
    ['Envíos, primera página', ms(r.list_first_ms_10y), `desde el clic, tras ${String(r.pause_before_first_screens_ms)} ms en Inicio`],
    ['Envíos, p50 / p95', `${String(r.list_p50_ms_10y)} / ${String(r.list_p95_ms_10y)} ms`, `200 páginas con filtros y búsqueda; ${goal('list_p95_ms_10y')}`],
    ['primer detalle de envío', ms(r.detail_first_ms_10y), `con su cadena de custodia, desde el clic, tras ${String(r.pause_before_first_screens_ms)} ms en Envíos; ${goal('detail_first_ms_10y')}`],
    ['detalle, p50 / p95', `${String(r.detail_p50_ms_10y)} / ${String(r.detail_p95_ms_10y)} ms`, `200 envíos al azar; ${goal('detail_p95_ms_10y')}`],
    ['primer detalle, 1 mes', ms(r.detail_first_ms_1m), ''],
    ['mostrador: hoja escaneada', ms(r.counter_lookup_ms_10y), 'shipments.lookup + shipments.get (mediana de 20)'],
    ['guardado p50 / p95, 10 años', `${String(r.save_p50_ms_10y)} / ${String(r.save_p95_ms_10y)} ms`, `${String(r.save_samples)} act durables; ${goal('save_p95_ms_10y')}`],
    ['guardado p50 / p95, 1 mes', `${String(r.save_p50_ms_1m)} / ${String(r.save_p95_ms_1m)} ms`, `10 años ≤ 2× 1 mes: ${goal('save_p95_10y_le_2x_1m')}`],
    ['primer guardado tras entrar', `${String(r.save_first_ms_10y)} / ${String(r.save_first_ms_1m)} ms`, '10 años / 1 mes; carga el registro de custodia'],
    ['memoria máxima (RSS)', `${String(r.peak_rss_mb_10y)} MB`, `tras visitar cada pantalla; ${goal('peak_rss_mb_10y')}`],
    ['tamaño de la bóveda', `${String(r.vault_mb_10y)} MB`, `a diez años ≈ ${String(r.vault_mb_10y_projected)} MB (${String(r.vault_kb_per_shipment)} KB por envío)`],
    ['  de ello, registros', `${String(r.records_mb_10y)} MB a diez años`, `${String(r.records_kb_per_shipment)} KB/envío: envíos, custodia, bitácora, documentos, puntos de control; ${goal('records_mb_10y')}; ${goal('records_kb_per_shipment')}`],
    ['  de ello, impresiones guardadas', `${String(r.prints_mb_10y)} MB a diez años`, `${String(r.prints_kb_per_shipment)} KB/envío: el PDF exacto de cada impresión, sin meta de tamaño`],
    ['escribir un punto de control', pending(r.checkpoint_ms_10y), 'envíos e índice de custodia, tras un guardado'],
    ['reabrir sin punto de control', pending(r.reopen_without_checkpoint_ms_10y), 'entrar → Inicio → Envíos → primer detalle, reconstruyendo todo'],
    [`actualizar ${Number(r.upgrade_shipments).toLocaleString('es-MX')} envíos`, pending(r.upgrade_ms_10k), 'formato 1 → 2, verificado, en un proceso nuevo'],
    ['formato de autorización p50 / p95', `${String(r.approval_pdf_ms)} / ${String(r.approval_pdf_p95_ms)} ms`, `vista previa, en caliente (oficio: ${String(r.approval_pdf_ms_oficio)} ms); ${goal('approval_pdf_p95_ms')}`],
    ['primera impresión', `${String(r.first_print_ms)} ms`, `pedida al terminar de cargar el generador (${String(r.worker_load_ms)} ms, con la pantalla de entrada), durante su calentamiento; ${goal('first_print_ms')}`],
    ['exportación de un mes', `${String(r.export_month_s)} s`, `850 envíos con sus hojas guardadas (${String(r.export_shipments_per_s)} envíos/s); ${goal('export_month_s')}`],
    ['respaldo', `${String(r.backup_mb_per_s)} MB/s`, goal('backup_mb_per_s')],
  ];
  console.log('');
  console.log(table(rows));
  if (r.scale !== 1) console.log(`\nEscala ${String(r.scale)}: las metas son las de diez años; a esta escala sólo orientan.`);
  const screens = r.screens_ms_10y as Record<string, number>;
  const load = r.load_avg_1m as number[];
  console.log(`Carga de la máquina (1 min) antes / después de medir: ${load.join(' / ')} en ${String(r.cpus)} núcleos.`);
  console.log(`\nPantallas visitadas (ms): ${Object.entries(screens).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const after = r.peak_rss_mb_after_10y as Record<string, number>;
  console.log(`Memoria máxima tras cada etapa (MB): ${Object.entries(after).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
