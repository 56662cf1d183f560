import type { AppInfo } from '../../shared/domain/app-info';
import { accountHandlers } from './accounts/handlers';
import { PublicProfileFile } from './accounts/public-profile';
import { idleGuard } from './accounts/idle-guard';
import { SessionService } from './accounts/session-service';
import { UserAdmin } from './accounts/user-admin';
import { directoryHandlers } from './agencies/handlers';
import { DirectoryService } from './agencies/directory-service';
import { AreaService } from './areas/area-service';
import { areaHandlers } from './areas/handlers';
import { auditHandlers } from './audit/handlers';
import { SocialAccountService } from './communication/account-service';
import { BlackoutService } from './communication/blackouts';
import { communicationHandlers } from './communication/handlers';
import { releaseHandlers } from './communication/release-handlers';
import { ReleaseRequestService } from './communication/release-requests';
import { ReleaseService } from './communication/release-service';
import { OutletService } from './communication/outlet-service';
import { programmeHandlers } from './communication/programme-handlers';
import { ProgrammeService } from './communication/programme-service';
import { custodyHandlers } from './custody/handlers';
import { CustodyService } from './custody/custody-service';
import type { FormInputs, FormName } from './documents/forms';
import type { AccessGate, Handlers, HandlerTable } from './ipc/handler-table';
import { jobHandlers } from './jobs/handlers';
import { JobRunner } from './jobs/job-runner';
import { mediaHandlers } from './media/handlers';
import { StagingArea } from './media/media-desk';
import { MediaService } from './media/media-service';
import { PickedPaths } from './media/picked-paths';
import { ShipmentService } from './shipments';
import { shipmentHandlers } from './shipments/handlers';
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
  const socialAccounts = new SocialAccountService(clock, config.renderForm);
  const releases = new ReleaseService(clock, socialAccounts, config.renderForm);
  const releaseRequests = new ReleaseRequestService(clock, releases);
  const blackouts = new BlackoutService(clock);
  const areas = new AreaService(clock);
  const outlets = new OutletService(clock);
  const users = new UserAdmin(
    profile,
    clock,
    (ws, actor, user) => socialAccounts.userDeactivated(ws, actor, user.id),
    (ws, areaId) => areas.assertAssignable(ws, areaId),
  );
  // The calendar and the planned-versus-done report count the releases through their service.
  const programme = new ProgrammeService(clock, releases, config.renderForm);
  const jobs = new JobRunner();
  const shipments = new ShipmentService(clock, config.renderForm);
  const directory = new DirectoryService(clock, (ws) => shipments.queries.fulfilledPeriods(ws));
  const custody = new CustodyService(shipments, clock);
  const media = new MediaService({ shipments, clock, ...(config.renderForm ? { render: config.renderForm } : {}) });
  const staging = new StagingArea();
  const pickedPaths = new PickedPaths();

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
    socialAccounts,
    releases,
    releaseRequests,
    blackouts,
    areas,
    outlets,
    programme,
    profile,
    clock,
    appInfo(): AppInfo {
      return { productName: 'Valija', version: config.version, shell: config.shell, dataDir: config.dataDir };
    },
  };
}

export type Services = ReturnType<typeof createServices>;

/**
 * The handler table: each domain's module owns its channels, and this join
 * is typed over the whole contract, so a channel without a handler does not
 * compile. Who may call each channel is the contract's (`access`), checked by
 * dispatch through `gate` before any handler runs.
 */
export function createHandlers(services: Services): HandlerTable {
  const { config, session, users, jobs, directory, shipments, custody, media, staging, pickedPaths, profile } = services;
  const handlers: Handlers = {
    ...accountHandlers({ session, users, jobs, clock: services.clock, appInfo: services.appInfo }),
    ...auditHandlers(),
    ...jobHandlers(jobs),
    ...directoryHandlers(directory),
    ...shipmentHandlers({ shipments, custody, directory, pickedPaths }),
    ...custodyHandlers(custody),
    ...communicationHandlers(services.socialAccounts, services.outlets),
    ...releaseHandlers({ releases: services.releases, requests: services.releaseRequests, blackouts: services.blackouts, clock: services.clock }),
    ...programmeHandlers(services.programme),
    ...areaHandlers(services.areas),
    ...mediaHandlers({ media, jobs, staging, shipments, session, profile, dataDir: config.dataDir, clock: services.clock, ...(config.kdf ? { kdf: config.kdf } : {}) }),
  };
  const gate: AccessGate = {
    firstRun: async () => (await session.state()).status === 'no_vault',
    signedIn: () => session.require(),
    beforeCall: idleGuard(session),
  };
  return { handlers, gate };
}
