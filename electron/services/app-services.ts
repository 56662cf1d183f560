import type { AppInfo } from '../../shared/domain/app-info';
import type { Handlers } from '../../shared/ipc/contract';
import { requireRole } from './accounts/permissions';
import { PublicProfileFile } from './accounts/public-profile';
import { actorOf, SessionService } from './accounts/session-service';
import { UserAdmin } from './accounts/user-admin';
import type { Workspace } from './accounts/workspace';
import { DirectoryService } from './agencies/directory-service';
import { renderRecoverySheet } from './documents';
import type { FormInputs, FormName } from './documents/forms';
import { ShipmentService } from './shipments';
import { CustodyService } from './custody/custody-service';
import type { BackupSummary, ExportSummary, LoadResult } from '../../shared/domain/media';
import { formatBytes } from '../../shared/format/bytes';
import { listDrives } from './media/drives';
import { bagFolder, bagReport, bagsOn, knownDrive, StagingArea } from './media/media-desk';
import { MediaService } from './media/media-service';
import { PickedPaths } from './media/picked-paths';
import type { Progress } from './jobs';
import { JobRunner } from './jobs';
import { Vault, type ScryptParams } from './vault';
import { keysVaultIdIn } from './media/vault-backup';
import { assertMayExportInClear, assertMayExportSelection } from './media/records-export';
import { AppError } from '../../shared/errors';
import { withIdleLock } from './accounts/idle-guard';

export interface ServicesConfig {
  dataDir: string;
  version: string;
  shell: AppInfo['shell'];
  clock?: () => Date;
  /** Renders paper forms; the app passes the worker pool (documents/render-pool), tests render in-thread. */
  renderForm?: <N extends FormName>(name: N, input: FormInputs[N]) => Promise<Buffer>;
  /** scrypt cost for new key slots; production default when omitted. */
  kdf?: ScryptParams;
}

/**
 * Builds the core once per process. Electron's main process and the browser
 * harness both call this, so the UI is tested against the very same code.
 */
export function createServices(config: ServicesConfig) {
  const clock = config.clock ?? (() => new Date());
  const profile = new PublicProfileFile(config.dataDir);
  const session = new SessionService({ dataDir: config.dataDir, clock, profile, ...(config.kdf ? { kdf: config.kdf } : {}) });
  const users = new UserAdmin(profile, clock);
  const jobs = new JobRunner();
  const shipments = new ShipmentService(clock, config.renderForm);
  const directory = new DirectoryService(clock, (ws) => shipments.fulfilledPeriods(ws));
  const custody = new CustodyService(shipments, clock);
  const media = new MediaService({ shipments, clock, ...(config.renderForm ? { render: config.renderForm } : {}) });
  const staging = new StagingArea();
  const pickedPaths = new PickedPaths();

  async function recoverySheet(ws: Workspace, recoveryCode: string, createdBy: { fullName: string; position: string }) {
    const office = ws.office.data;
    const pdf = await renderRecoverySheet({
      office: { institution: office.institution, unit: office.unit, acronym: office.acronym, address: office.address, ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) },
      recoveryCode,
      vaultId: ws.meta.data.vaultId,
      createdAt: clock().toISOString(),
      createdBy,
    });
    return pdf.toString('base64');
  }

  return {
    config,
    session,
    users,
    jobs,
    directory,
    shipments,
    custody,
    media,
    staging,
    pickedPaths,
    profile,
    recoverySheet,
    appInfo(): AppInfo {
      return { productName: 'Valija', version: config.version, shell: config.shell, dataDir: config.dataDir };
    },
  };
}

export type Services = ReturnType<typeof createServices>;

/** The handler table: one entry per channel of the contract. */
export function createHandlers(services: Services): Handlers {
  const { session, users, jobs, directory, shipments, custody, media, staging, profile } = services;
  const signedIn = () => session.require();
  /** Drives and backups are also reachable from the first-run screen, when there is no vault yet. */
  const signedInOrFirstRun = async () => {
    if ((await session.state()).status !== 'no_vault') signedIn();
  };
  /** Who may see a task: the signed-in user, or nobody in particular on the first-run screen. */
  const requester = async (): Promise<string | null> => ((await session.state()).status === 'no_vault' ? null : signedIn().user.id);
  /** Restoring replaces the vault: from the first-run screen, or by an administrator (who is signed out first). */
  const mayRestore = async () => {
    if ((await session.state()).status === 'no_vault') return;
    requireRole(signedIn().user, 'administrador', 'restaurar un respaldo');
  };
  const writeProgress = (progress: Progress, verb: string) => (p: { phase: string; bytesDone?: number; bytesTotal?: number; done?: number; total?: number; folio?: string }) => {
    if (p.phase === 'preparing') return progress(p.done ?? 0, p.total ?? 0, `Preparando los formatos: ${p.done ?? 0} de ${p.total ?? 0} envíos${p.folio ? ` (${p.folio})` : ''}.`);
    const done = p.bytesDone ?? 0;
    const total = p.bytesTotal ?? 0;
    const what = p.phase === 'verifying' ? 'Leyendo de nuevo y verificando' : p.phase === 'checking' ? 'Comprobando los archivos originales' : verb;
    progress(done, total, `${what}: ${formatBytes(done)} de ${formatBytes(total)}.`);
  };

  return withIdleLock(session, {
    'app.info': () => services.appInfo(),

    'session.state': () => session.state(),
    'setup.create': async (input) => {
      const { recoveryCode, ws, user } = await session.setup(input);
      return { state: await session.state(), recoveryCode, recoverySheetPdfBase64: await services.recoverySheet(ws, recoveryCode, user) };
    },
    'setup.recoveryCode': async () => {
      const { recoveryCode, ws, user } = session.pendingRecoveryCode();
      return { recoveryCode, recoverySheetPdfBase64: await services.recoverySheet(ws, recoveryCode, user) };
    },
    'setup.confirmRecovery': ({ lastGroup }) => session.confirmRecoveryKept(lastGroup),
    'session.signIn': ({ userName, password }) => session.signIn(userName, password),
    'session.signOut': () => session.signOut(),
    'session.lock': () => session.lockForIdle(),
    'session.changePassword': ({ currentPassword, newPassword }) => session.changePassword(currentPassword, newPassword),
    'session.recover': ({ recoveryCode, userName, newPassword }) => session.recover(recoveryCode, userName, newPassword),

    'users.list': () => {
      const { ws, user } = signedIn();
      return users.list(ws, user);
    },
    'users.create': (input) => {
      const { ws, user } = signedIn();
      return users.create(ws, user, input);
    },
    'users.update': (input) => {
      const { ws, user } = signedIn();
      return users.update(ws, user, input);
    },
    'users.deactivate': ({ userId }) => {
      const { ws, user } = signedIn();
      return users.deactivate(ws, user, userId);
    },
    'users.resetPassword': ({ userId, temporaryPassword }) => {
      const { ws, user } = signedIn();
      return users.resetPassword(ws, user, userId, temporaryPassword);
    },

    'settings.get': () => signedIn().ws.settings.data,
    'settings.update': async (input) => {
      const { ws, user } = signedIn();
      requireRole(user, 'administrador', 'cambiar la configuración');
      const before = { ...ws.settings.data };
      await ws.settings.update((s) => Object.assign(s, input));
      const changes = [
        input.idleMinutes !== undefined && `bloqueo automático de ${before.idleMinutes} a ${input.idleMinutes} minutos`,
        input.agreementWarnDays !== undefined && `aviso de convenios por vencer de ${before.agreementWarnDays} a ${input.agreementWarnDays} días`,
      ].filter(Boolean);
      await ws.audit.record('settings.updated', actorOf(user), changes.join('; ') || 'sin cambios');
      return ws.settings.data;
    },

    'audit.list': (filter) => {
      const { ws, user } = signedIn();
      requireRole(user, 'administrador', 'consultar la bitácora');
      return ws.audit.list(filter);
    },
    'audit.verify': () => {
      const { ws, user } = signedIn();
      requireRole(user, 'administrador', 'verificar la bitácora');
      return ws.audit.verify();
    },

    'vault.rotateKey': () => {
      const { ws, user } = signedIn();
      requireRole(user, 'administrador', 'renovar la llave de cifrado');
      return jobs.start('vault.rotate_key', { owner: user.id, running: 'Cifrando de nuevo la bóveda:', done: 'La bóveda quedó cifrada con la llave nueva.' }, async ({ progress }) => {
        // Only active users receive the new key: a slot nobody accounts for (planted, or left by a crash) is left out.
        const active = ws.users.data.users.filter((u) => u.active).map((u) => u.userName);
        const { leftOut } = await ws.vault.rotateDataKey((done, total) => progress(done, total), {}, active);
        await ws.audit.record('vault.key_rotated', actorOf(user), `Generación ${ws.vault.generation}`, leftOut.length > 0 ? { excluidos: leftOut.join(', ') } : {});
      });
    },
    'vault.newRecoveryCode': async () => {
      const { ws, user } = signedIn();
      requireRole(user, 'administrador', 'generar un código de recuperación');
      const recoveryCode = await ws.vault.newRecoveryCode();
      await ws.audit.record('vault.recovery_code_renewed', actorOf(user), 'El código anterior dejó de servir');
      return { recoveryCode, recoverySheetPdfBase64: await services.recoverySheet(ws, recoveryCode, user) };
    },
    'jobs.get': async ({ jobId }) => jobs.get(jobId, await requester()),
    'jobs.cancel': async ({ jobId }) => jobs.cancel(jobId, await requester()),

    'agencies.list': () => directory.list(signedIn().ws),
    'agencies.get': ({ agencyId }) => directory.detail(signedIn().ws, agencyId),
    'agencies.save': ({ agencyId, agency }) => {
      const { ws, user } = signedIn();
      return directory.save(ws, user, agencyId, agency);
    },
    'agencies.eligibility': ({ agencyId, date }) => directory.eligibility(signedIn().ws, agencyId, date),
    'agencies.importPreview': ({ file }) => {
      const { ws, user } = signedIn();
      return directory.importPreview(ws, user, file);
    },
    'agencies.importApply': ({ file }) => {
      const { ws, user } = signedIn();
      return directory.importApply(ws, user, file);
    },
    'agreements.save': ({ agreementId, agreement, document }) => {
      const { ws, user } = signedIn();
      return directory.saveAgreement(ws, user, agreementId, agreement, document);
    },
    'agreements.document': ({ agreementId }) => directory.agreementDocument(signedIn().ws, agreementId),
    'reports.overview': () => directory.overview(signedIn().ws),
    'reports.saveReport': ({ reportId, report }) => {
      const { ws, user } = signedIn();
      return directory.saveReport(ws, user, reportId, report);
    },
    'reports.saveObligation': ({ obligationId, obligation, active }) => {
      const { ws, user } = signedIn();
      return directory.saveObligation(ws, user, obligationId, obligation, active);
    },
    'reports.loadExample': () => {
      const { ws, user } = signedIn();
      return directory.loadExample(ws, user);
    },
    'reports.removeExample': () => {
      const { ws, user } = signedIn();
      return directory.removeExample(ws, user);
    },
    'vault.maintenance': () => {
      signedIn();
      return shipments.maintenance();
    },
    'home.dashboard': async () => {
      const { ws, user } = signedIn();
      return { ...(await directory.dashboard(ws)), shipmentsByState: await shipments.countsByState(ws), waiting: await shipments.waitingFor(ws, user), damage: await shipments.knownDamage(ws) };
    },

    'shipments.list': (filter) => shipments.list(signedIn().ws, filter),
    'shipments.get': ({ shipmentId }) => {
      const { ws, user } = signedIn();
      return shipments.get(ws, user, shipmentId);
    },
    'shipments.create': async ({ content }) => {
      const { ws, user } = signedIn();
      await services.pickedPaths.assertFiles(ws, user, content.media?.files ?? [], async () => []);
      return shipments.createDraft(ws, user, content);
    },
    'shipments.update': async ({ shipmentId, content }) => {
      const { ws, user } = signedIn();
      await services.pickedPaths.assertFiles(ws, user, content.media?.files ?? [], async () => (await shipments.get(ws, user, shipmentId)).shipment.content.media?.files ?? []);
      return shipments.update(ws, user, shipmentId, content);
    },
    'shipments.act': async ({ shipmentId, action, payload }) => {
      const { ws, user } = signedIn();
      const next = await shipments.act(ws, user, shipmentId, action, payload);
      if ('courierId' in payload) await custody.noteCourierUse(ws, payload.courierId);
      return next;
    },
    'shipments.scan': ({ shipmentId, which }) => shipments.scan(signedIn().ws, shipmentId, which),
    'documents.print': (input) => {
      const { ws, user } = signedIn();
      return shipments.printForm(ws, user, input);
    },
    'shipments.lookup': ({ code }) => shipments.lookup(signedIn().ws, code),
    'shipments.findFolio': ({ text }) => shipments.findFolio(signedIn().ws, text),
    'shipments.uploadAttachment': (input) => {
      const { ws, user } = signedIn();
      return shipments.uploadAttachment(ws, user, input);
    },
    'shipments.attachment': ({ shipmentId, blobId }) => shipments.attachment(signedIn().ws, shipmentId, blobId),
    'shipments.printedSheets': ({ shipmentId }) => shipments.printedSheets(signedIn().ws, shipmentId),
    'shipments.printedSheet': async ({ shipmentId, sheetId }) => {
      const { record, pdf } = await shipments.printedSheet(signedIn().ws, shipmentId, sheetId);
      return { fileName: record.fileName, mediaType: 'application/pdf', base64: pdf.toString('base64') };
    },

    'media.drives': async () => {
      await signedInOrFirstRun();
      return listDrives();
    },
    'media.bags': async ({ drivePath }) => {
      await signedInOrFirstRun();
      return bagsOn(drivePath);
    },
    'media.stageFile': async ({ shipmentId, fileName, offset, base64 }) => {
      signedIn();
      return { received: await staging.append(shipmentId, fileName, offset, Buffer.from(base64, 'base64')) };
    },
    'media.load': async ({ shipmentId, drivePath, encrypt }) => {
      const { ws, user } = signedIn();
      const drive = await knownDrive(drivePath);
      const names = (await shipments.get(ws, user, shipmentId)).shipment.content.media?.files.map((f) => f.name) ?? [];
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
    },
    'media.verify': async ({ drivePath, bagName }) => {
      await signedInOrFirstRun();
      const dir = await bagFolder(drivePath, bagName);
      return jobs.start('media.verify', { running: 'Verificando el paquete:', done: 'Verificación terminada.', cancellable: true, owner: await requester() }, async ({ progress, signal }) =>
        bagReport(await media.verifyBagAt(dir, { signal, onProgress: (p) => progress(p.bytesDone, p.bytesTotal, `Verificando: ${formatBytes(p.bytesDone)} de ${formatBytes(p.bytesTotal)}.`) })),
      );
    },
    'media.export': async (input) => {
      const { drivePath } = input;
      const selection = 'shipmentIds' in input ? { shipmentIds: input.shipmentIds } : { from: input.from, to: input.to };
      const { ws, user } = signedIn();
      // Refused before the job starts, so the screen shows the reason where the person pressed «Exportar».
      assertMayExportSelection(user, selection);
      if (!input.encrypt) await assertMayExportInClear(ws, user, input.confirmClear);
      const drive = await knownDrive(drivePath);
      return jobs.start('media.export', { owner: user.id, running: 'Exportando expedientes:', done: 'El expediente quedó grabado y verificado.', cancellable: true, resultOnce: true }, async ({ progress, signal }) => {
        const done = await media.exportRecords(ws, user, selection, { drivePath: drive.mountPath, filesystem: drive.filesystem, encrypt: input.encrypt, clearConfirmed: input.confirmClear, signal, onProgress: writeProgress(progress, 'Copiando') });
        const result: ExportSummary = { bagName: done.bagName, shipments: done.shipments, files: done.files, bytes: done.bytes, passphrase: done.passphrase, openingKeyPdfBase64: done.openingKeyPdf?.toString('base64') ?? null };
        return result;
      });
    },
    'backup.create': async ({ drivePath }) => {
      const { ws, user } = signedIn();
      requireRole(user, 'administrador', 'respaldar la bóveda');
      const drive = await knownDrive(drivePath);
      return jobs.start('media.backup', { owner: user.id, running: 'Respaldando la bóveda:', done: 'El respaldo quedó grabado y verificado.', cancellable: true }, async ({ progress, signal }) => {
        const done = await media.backupVault(ws, user, { drivePath: drive.mountPath, filesystem: drive.filesystem, signal, onProgress: writeProgress(progress, 'Copiando') });
        const result: BackupSummary = { bagName: done.bagName, files: done.files, bytes: done.bytes };
        return result;
      });
    },
    'backup.inspect': async ({ drivePath, bagName }) => {
      await mayRestore();
      const report = await media.inspectBackup(await bagFolder(drivePath, bagName));
      const d = report.descriptor;
      const current = Vault.exists(services.config.dataDir) ? await keysVaultIdIn(services.config.dataDir) : null;
      return {
        valid: report.valid,
        problem: report.problem,
        vaultId: d?.vaultId ?? null,
        officeName: d ? `${d.office.institution} · ${d.office.unit}` : null,
        createdAt: d?.createdAt ?? null,
        files: d?.files ?? 0,
        sameVault: current === null || report.keysVaultId === null ? null : current === report.keysVaultId,
      };
    },
    'backup.repair': async ({ drivePath, bagName }) => {
      const { ws, user } = signedIn();
      return media.repairFromBackup(ws, user, await bagFolder(drivePath, bagName));
    },
    'backup.restore': async ({ drivePath, bagName, confirmReplace, confirmOtherVault, unlock }) => {
      await mayRestore();
      const dir = await bagFolder(drivePath, bagName);
      const current = (await session.state()).status === 'signed_in' ? signedIn() : null;
      let released = false;
      let restored;
      try {
        restored = await media.restoreBackup(dir, services.config.dataDir, {
          confirmReplace,
          confirmOtherVault,
          unlock,
          ...(services.config.kdf ? { kdf: services.config.kdf } : {}),
          // The vault in use is released only once the backup passed every check: nobody may be writing into what is replaced.
          beforeReplace: async () => {
            released = true;
            await session.close();
          },
        });
      } catch (error) {
        if (current && !released && error instanceof AppError) {
          await current.ws.audit.record('vault.restore_refused', actorOf(current.user), error.message, { respaldo: bagName, motivo: error.code });
        }
        throw error;
      }
      profile.forget();
      await profile.update((p) => {
        p.restored = { at: new Date().toISOString(), backup: bagName };
      });
      return { replaced: restored.replaced, keptCopy: restored.keptCopy, files: restored.files };
    },

    'custody.list': (filter) => custody.list(signedIn().ws, filter),
    'custody.record': async ({ shipmentId, event }) => {
      const { ws, user } = signedIn();
      const recorded = await shipments.recordCustody(ws, user, shipmentId, event);
      await custody.noteCourierUse(ws, recorded.courierId);
      return recorded;
    },
    'custody.verify': ({ shipmentId }) => {
      const { ws, user } = signedIn();
      return custody.verify(ws, user, shipmentId);
    },
    'custody.exportCsv': (filter) => {
      const { ws, user } = signedIn();
      return custody.exportCsv(ws, user, filter);
    },
    'custody.known': () => custody.knownParties(signedIn().ws),
    'couriers.list': () => custody.couriers(signedIn().ws),
    'couriers.save': ({ courierId, courier, active }) => {
      const { ws, user } = signedIn();
      return custody.saveCourier(ws, user, courierId, courier, active);
    },
  });
}
