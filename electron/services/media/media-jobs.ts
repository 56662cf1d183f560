import type { JobStatus } from '../../../shared/domain/jobs';
import type { BackupSummary, ExportSummary, LoadResult } from '../../../shared/domain/media';
import type { User } from '../../../shared/domain/users';
import { formatBytes } from '../../../shared/format/bytes';
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { Workspace } from '../accounts/workspace';
import type { JobRunner, Progress } from '../jobs/job-runner';
import type { ShipmentService } from '../shipments/shipment-service';
import { bagFolder, bagReport, knownDrive, type StagingArea } from './media-desk';
import type { MediaService } from './media-service';
import { assertMayExportInClear, assertMayExportSelection, assertSelectionMayLeave } from './records-export';

export interface MediaJobDeps {
  media: MediaService;
  jobs: JobRunner;
  staging: StagingArea;
  shipments: ShipmentService;
}

type WriteProgress = { phase: string; bytesDone?: number; bytesTotal?: number; done?: number; total?: number; folio?: string };

/** A write to a drive, told in words: preparing the forms, checking the originals, copying, reading back. */
function writeProgress(progress: Progress, verb: string) {
  return (p: WriteProgress) => {
    if (p.phase === 'preparing') return progress(p.done ?? 0, p.total ?? 0, `Preparando los formatos: ${p.done ?? 0} de ${p.total ?? 0} envíos${p.folio ? ` (${p.folio})` : ''}.`);
    const done = p.bytesDone ?? 0;
    const total = p.bytesTotal ?? 0;
    const what = p.phase === 'verifying' ? 'Leyendo de nuevo y verificando' : p.phase === 'checking' ? 'Comprobando los archivos originales' : verb;
    progress(done, total, `${what}: ${formatBytes(done)} de ${formatBytes(total)}.`);
  };
}

/** Loads a magnetic-media shipment's staged files onto a drive; the result (with its passphrase) is handed over once. */
export async function startLoad(deps: MediaJobDeps, ws: Workspace, user: User, { shipmentId, drivePath, encrypt }: ParsedInput<'media.load'>): Promise<JobStatus> {
  const { media, jobs, staging, shipments } = deps;
  const drive = await knownDrive(drivePath);
  const names = (await shipments.queries.get(ws, user, shipmentId)).shipment.content.media?.files.map((f) => f.name) ?? [];
  return jobs.start('media.load', { owner: user.id, running: 'Grabando el medio:', done: 'El medio quedó grabado y verificado.', cancellable: true, resultOnce: true }, async ({ progress, signal }) => {
    const sources = await staging.sources(shipmentId, names);
    const loaded = await media.loadShipment(ws, user, shipmentId, { drivePath: drive.mountPath, filesystem: drive.filesystem, encrypt, sources, signal, onProgress: writeProgress(progress, 'Copiando') });
    await staging.clear(shipmentId, names);
    const result: LoadResult = {
      bagName: loaded.bagName,
      files: loaded.files.length,
      bytes: loaded.payloadOxum.octets,
      passphrase: loaded.passphrase,
      openingKeyPdfBase64: loaded.openingKeyPdf?.toString('base64') ?? null,
      manifestPdfBase64: loaded.manifestPdf.toString('base64'),
    };
    return result;
  });
}

/** Checks a bag on a drive file by file; on the first-run screen the job belongs to nobody in particular. */
export async function startVerify(deps: Pick<MediaJobDeps, 'media' | 'jobs'>, owner: string | null, { drivePath, bagName }: ParsedInput<'media.verify'>): Promise<JobStatus> {
  const dir = await bagFolder(drivePath, bagName);
  return deps.jobs.start('media.verify', { running: 'Verificando el paquete:', done: 'Verificación terminada.', cancellable: true, owner }, async ({ progress, signal }) =>
    bagReport(await deps.media.verifyBagAt(dir, { signal, onProgress: (p) => progress(p.bytesDone, p.bytesTotal, `Verificando: ${formatBytes(p.bytesDone)} de ${formatBytes(p.bytesTotal)}.`) })),
  );
}

/** Exports records (chosen shipments, or a whole period) to a drive as a bag. */
export async function startExport(deps: Pick<MediaJobDeps, 'media' | 'jobs' | 'shipments'>, ws: Workspace, user: User, input: ParsedInput<'media.export'>): Promise<JobStatus> {
  const selection = 'shipmentIds' in input ? { shipmentIds: input.shipmentIds } : { from: input.from, to: input.to };
  // Refused before the job starts, so the screen shows the reason where the person pressed «Exportar».
  assertMayExportSelection(user, selection);
  if (!input.encrypt) await assertMayExportInClear(ws, user, input.confirmClear);
  await assertSelectionMayLeave(deps.shipments, ws, user, selection, input.encrypt);
  const drive = await knownDrive(input.drivePath);
  return deps.jobs.start('media.export', { owner: user.id, running: 'Exportando expedientes:', done: 'El expediente quedó grabado y verificado.', cancellable: true, resultOnce: true }, async ({ progress, signal }) => {
    const done = await deps.media.exportRecords(ws, user, selection, { drivePath: drive.mountPath, filesystem: drive.filesystem, encrypt: input.encrypt, clearConfirmed: input.confirmClear, signal, onProgress: writeProgress(progress, 'Copiando') });
    const result: ExportSummary = { bagName: done.bagName, shipments: done.shipments, files: done.files, bytes: done.bytes, passphrase: done.passphrase, openingKeyPdfBase64: done.openingKeyPdf?.toString('base64') ?? null };
    return result;
  });
}

/** Backs the encrypted vault up to a drive as a bag. */
export async function startBackup(deps: Pick<MediaJobDeps, 'media' | 'jobs'>, ws: Workspace, user: User, { drivePath }: ParsedInput<'backup.create'>): Promise<JobStatus> {
  const drive = await knownDrive(drivePath);
  return deps.jobs.start('media.backup', { owner: user.id, running: 'Respaldando la bóveda:', done: 'El respaldo quedó grabado y verificado.', cancellable: true }, async ({ progress, signal }) => {
    const done = await deps.media.backupVault(ws, user, { drivePath: drive.mountPath, filesystem: drive.filesystem, signal, onProgress: writeProgress(progress, 'Copiando') });
    const result: BackupSummary = { bagName: done.bagName, files: done.files, bytes: done.bytes };
    return result;
  });
}
