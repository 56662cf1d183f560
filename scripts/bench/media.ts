/**
 * Removable-media benchmarks, on local disk:
 *
 * - export_month_s: a records export of a month of an office, 850 shipments, through the
 *   real services — each approval sheet as it was printed and kept in the vault,
 *   a fresh custody register PDF, custody CSV and JSON, the shipment record,
 *   attachments, the index — written as a BagIt bag, fsynced and read back, with
 *   progress reported. Forms render on the render worker as in the app
 *   (render-pool, the worker bundled with esbuild like the app build). One run:
 *   building the month (850 shipments, each approval sheet printed) takes minutes.
 *   export_shipments_per_s is the same run as a rate.
 * - backup_mb_per_s: a backup of a vault of ~100 MB (100 shipments with a
 *   1 MB attachment each): snapshot, copy, fsync, read-back verification.
 *
 * Each builds its own vault in a temporary folder (cheap scrypt) and removes it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleRenderWorker } from '../../electron/services/documents/test-support';
import { closeRenderWorker, configureRenderWorker, renderFormOffThread, warmRenderWorker } from '../../electron/services/documents/render-pool';
import { MediaService } from '../../electron/services/media/media-service';
import { testWorld, oficioContent, shipmentIn, type TestWorld } from '../../electron/services/test-support/world';
import type { ShipmentAttachment } from '../../shared/domain/shipments';
import { round, timed } from './stats';
import { parsed } from '../../electron/services/test-support/parsed-inputs';

const EXPORT_SHIPMENTS = Number(process.env.VALIJA_BENCH_EXPORT_SHIPMENTS ?? 850);
const BACKUP_SHIPMENTS = 100;
const BACKUP_ATTACHMENT_BYTES = 1024 * 1024;
/** Inside the repository (git-ignored) so the bundle's bare imports resolve from node_modules. */
const WORKER_BUNDLE = fileURLToPath(new URL('../../test-results/bench-worker/render-worker.js', import.meta.url));


async function withWorld<T>(fn: (w: TestWorld, root: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'valija-bench-media-'));
  // Prints go to the render worker, as in the app.
  const w = await testWorld(Date.parse('2026-11-03T18:00:00Z'), path.join(root, 'datos'), { renderForm: renderFormOffThread });
  try {
    return await fn(w, root);
  } finally {
    await w.s.session.close();
    await fsp.rm(root, { recursive: true, force: true });
  }
}

async function attachment(w: TestWorld, bytes: number): Promise<ShipmentAttachment> {
  const body = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(bytes)]);
  return w.s.shipments.attachments.upload(w.ws, { fileName: 'anexo.pdf', mediaType: 'application/pdf', base64: body.toString('base64') });
}

/**
 * A month of an office: most shipments delivered (three custody events), some only authorised,
 * one in ten with a 200 KB attachment; every approval sheet printed once, as the office does.
 */
export async function benchExport(): Promise<{ export_month_s: number; export_shipments_per_s: number; export_progress_events: number }> {
  // The app's renderer: one render worker (render-pool). A second worker measured no faster on
  // two cores: V8's parallel GC threads already keep the second core busy.
  configureRenderWorker({ workerUrl: await bundleRenderWorker(WORKER_BUNDLE) });
  try {
    return await withWorld(async (w, root) => {
      for (let i = 0; i < EXPORT_SHIPMENTS; i += 1) {
        const files = i % 10 === 0 ? [await attachment(w, 200 * 1024)] : [];
        const s = await shipmentIn(w, i % 5 === 4 ? 'autorizado' : 'entregado', oficioContent(w, `Oficio de prueba ${i + 1}`, files));
        await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: s.id, form: 'approval' }));
      }
      const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now), render: renderFormOffThread });
      const drive = path.join(root, 'unidad');
      await fsp.mkdir(drive);
      // Warm-up: the render worker as the app warms it after start, then a small export.
      if (!(await warmRenderWorker())) throw new Error('the render worker did not warm up');
      const { items } = await w.s.shipments.queries.list(w.ws, w.admin, parsed.filter({ limit: 4 }));
      await media.exportRecords(w.ws, w.clerk, { shipmentIds: items.map((s) => s.id) }, { drivePath: drive, filesystem: 'ext4' });
      let progress = 0;
      // A whole period's export is the administrator's (a clerk exports the shipments chosen one by one).
      const { ms, value } = await timed(() =>
        media.exportRecords(w.ws, w.admin, { from: '2026-11-01', to: '2026-11-30' }, { drivePath: drive, filesystem: 'ext4', onProgress: () => (progress += 1) }),
      );
      if (value.shipments !== EXPORT_SHIPMENTS || !value.verification.valid) throw new Error('export incomplete');
      return { export_month_s: round(ms / 1000, 1), export_shipments_per_s: round(value.shipments / (ms / 1000), 1), export_progress_events: progress };
    });
  } finally {
    await closeRenderWorker();
  }
}

export async function benchBackup(): Promise<{ backup_mb_per_s: number }> {
  return withWorld(async (w, root) => {
    for (let i = 0; i < BACKUP_SHIPMENTS; i += 1) {
      await shipmentIn(w, 'autorizado', oficioContent(w, `Oficio con anexo ${i + 1}`, [await attachment(w, BACKUP_ATTACHMENT_BYTES)]));
    }
    const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now) });
    const drive = path.join(root, 'unidad');
    await fsp.mkdir(drive);
    const { ms, value } = await timed(() => media.backupVault(w.ws, w.admin, { drivePath: drive, filesystem: 'ext4' }));
    if (!value.verification.valid) throw new Error('backup not verified');
    return { backup_mb_per_s: round(value.bytes / 1024 / 1024 / (ms / 1000), 1) };
  });
}

// `npx tsx scripts/bench/media.ts` runs both on their own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const exported = await benchExport();
  const backup = await benchBackup();
  console.log(JSON.stringify({ ...exported, ...backup }));
}
