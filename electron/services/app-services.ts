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
import { JobRunner } from './jobs';
import type { ScryptParams } from './vault';

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
    recoverySheet,
    appInfo(): AppInfo {
      return { productName: 'Valija', version: config.version, shell: config.shell, dataDir: config.dataDir };
    },
  };
}

export type Services = ReturnType<typeof createServices>;

/** The handler table: one entry per channel of the contract. */
export function createHandlers(services: Services): Handlers {
  const { session, users, jobs, directory, shipments, custody } = services;
  const signedIn = () => session.require();

  return {
    'app.info': () => services.appInfo(),

    'session.state': () => session.state(),
    'setup.create': async (input) => {
      const { recoveryCode, ws, user } = await session.setup(input);
      return { state: await session.state(), recoveryCode, recoverySheetPdfBase64: await services.recoverySheet(ws, recoveryCode, user) };
    },
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
      return jobs.start('vault.rotate_key', { running: 'Cifrando de nuevo la bóveda:', done: 'La bóveda quedó cifrada con la llave nueva.' }, async ({ progress }) => {
        await ws.vault.rotateDataKey((done, total) => progress(done, total));
        await ws.audit.record('vault.key_rotated', actorOf(user), `Generación ${ws.vault.generation}`);
      });
    },
    'vault.newRecoveryCode': async () => {
      const { ws, user } = signedIn();
      requireRole(user, 'administrador', 'generar un código de recuperación');
      const recoveryCode = await ws.vault.newRecoveryCode();
      await ws.audit.record('vault.recovery_code_renewed', actorOf(user), 'El código anterior dejó de servir');
      return { recoveryCode, recoverySheetPdfBase64: await services.recoverySheet(ws, recoveryCode, user) };
    },
    'jobs.get': ({ jobId }) => jobs.get(jobId),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),

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
    'home.dashboard': async () => {
      const { ws } = signedIn();
      return { ...(await directory.dashboard(ws)), shipmentsByState: await shipments.countsByState(ws) };
    },

    'shipments.list': (filter) => shipments.list(signedIn().ws, filter),
    'shipments.get': ({ shipmentId }) => {
      const { ws, user } = signedIn();
      return shipments.get(ws, user, shipmentId);
    },
    'shipments.create': ({ content }) => {
      const { ws, user } = signedIn();
      return shipments.createDraft(ws, user, content);
    },
    'shipments.update': ({ shipmentId, content }) => {
      const { ws, user } = signedIn();
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
    'shipments.uploadAttachment': (input) => {
      const { ws, user } = signedIn();
      return shipments.uploadAttachment(ws, user, input);
    },
    'shipments.attachment': ({ shipmentId, blobId }) => shipments.attachment(signedIn().ws, shipmentId, blobId),

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
  };
}
