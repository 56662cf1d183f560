import type { AppInfo } from '../../../shared/domain/app-info';
import type { DomainHandlers } from '../ipc/handler-table';
import type { JobRunner } from '../jobs/job-runner';
import { updateSettings } from './office-settings';
import { recoverySheetPdf } from './recovery-sheet';
import type { SessionService } from './session-service';
import type { UserAdmin } from './user-admin';
import { renewRecoveryCode, startKeyRotation } from './vault-keys';

export interface AccountDeps {
  session: SessionService;
  users: UserAdmin;
  jobs: JobRunner;
  clock: () => Date;
  appInfo: () => AppInfo;
}

/** The session, first-run setup, users, settings and the vault's keys. */
export function accountHandlers({ session, users, jobs, clock, appInfo }: AccountDeps) {
  return {
    'app.info': () => appInfo(),

    'session.state': () => session.state(),
    'setup.create': async (input) => {
      const { recoveryCode, ws, user } = await session.setup(input);
      return { state: await session.state(), recoveryCode, recoverySheetPdfBase64: await recoverySheetPdf(clock, ws, recoveryCode, user) };
    },
    'setup.recoveryCode': async () => {
      const { recoveryCode, ws, user } = session.pendingRecoveryCode();
      return { recoveryCode, recoverySheetPdfBase64: await recoverySheetPdf(clock, ws, recoveryCode, user) };
    },
    'setup.confirmRecovery': ({ lastGroup }) => session.confirmRecoveryKept(lastGroup),
    'session.signIn': ({ userName, password }) => session.signIn(userName, password),
    'session.signOut': () => session.signOut(),
    'session.lock': () => session.lockForIdle(),
    'session.changePassword': ({ currentPassword, newPassword }) => session.changePassword(currentPassword, newPassword),
    'session.recover': ({ recoveryCode, userName, newPassword }) => session.recover(recoveryCode, userName, newPassword),

    'users.list': (_, { ws }) => users.list(ws),
    'users.create': (input, { ws, user }) => users.create(ws, user, input),
    'users.update': (input, { ws, user }) => users.update(ws, user, input),
    'users.deactivate': ({ userId }, { ws, user }) => users.deactivate(ws, user, userId),
    'users.resetPassword': ({ userId, temporaryPassword }, { ws, user }) => users.resetPassword(ws, user, userId, temporaryPassword),
    'users.setReadGrants': ({ userId, grants }, { ws, user }) => users.setReadGrants(ws, user, userId, grants),

    'settings.get': (_, { ws }) => ws.settings.data,
    'settings.update': (input, { ws, user }) => updateSettings(ws, user, input),

    'vault.rotateKey': (_, { ws, user }) => startKeyRotation(jobs, ws, user),
    'vault.newRecoveryCode': async (_, { ws, user }) => {
      const recoveryCode = await renewRecoveryCode(ws, user);
      return { recoveryCode, recoverySheetPdfBase64: await recoverySheetPdf(clock, ws, recoveryCode, user) };
    },
  } satisfies DomainHandlers;
}
