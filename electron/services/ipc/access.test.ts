import { describe, expect, it, vi } from 'vitest';
import { ROLES, type Role } from '../../../shared/domain/roles';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import type { Access } from '../../../shared/ipc/access';
import { CHANNELS, type Channel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import type { Workspace } from '../accounts/workspace';
import { dispatch } from './dispatch';
import type { AccessGate, Handlers, HandlerTable } from './handler-table';

/**
 * Who may call each channel, written down from what the handlers and services
 * enforced before access moved into the contract. A channel added without a
 * line here fails (the Record below does not compile, and the key check
 * fails at run time); a line changed here is a decision someone must defend.
 *
 * public: anyone at the window · signedIn: any signed-in user ·
 * +firstRun: also the first-run screen · role lists: a signed-in user with one of them
 */
const EXPECTED: Record<Channel, string> = {
  'app.info': 'public',
  'session.state': 'public',
  'setup.create': 'public',
  'setup.recoveryCode': 'public',
  'setup.confirmRecovery': 'public',
  'session.signIn': 'public',
  'session.signOut': 'public',
  'session.lock': 'public',
  'session.changePassword': 'public',
  'session.recover': 'public',
  'users.list': 'administrador',
  'users.create': 'administrador',
  'users.update': 'administrador',
  'users.deactivate': 'administrador',
  'users.resetPassword': 'administrador',
  'users.setReadGrants': 'administrador',
  'settings.get': 'signedIn',
  'settings.update': 'administrador',
  'audit.list': 'administrador',
  'audit.verify': 'administrador',
  'vault.rotateKey': 'administrador',
  'vault.newRecoveryCode': 'administrador',
  'jobs.get': 'signedIn+firstRun',
  'jobs.cancel': 'signedIn+firstRun',
  'agencies.list': 'signedIn',
  'agencies.get': 'signedIn',
  'agencies.save': 'administrador',
  'agencies.eligibility': 'signedIn',
  'agencies.importPreview': 'administrador',
  'agencies.importApply': 'administrador',
  'agreements.save': 'administrador',
  'agreements.document': 'signedIn',
  'reports.overview': 'signedIn',
  'reports.saveReport': 'administrador',
  'reports.saveObligation': 'administrador',
  'reports.loadExample': 'administrador',
  'reports.removeExample': 'administrador',
  'home.dashboard': 'signedIn',
  'vault.maintenance': 'signedIn',
  'shipments.list': 'signedIn',
  'shipments.get': 'signedIn',
  'shipments.create': 'capturista|administrador',
  'shipments.update': 'capturista|administrador',
  'shipments.act': 'signedIn',
  'shipments.scan': 'signedIn',
  'documents.print': 'signedIn',
  'shipments.lookup': 'signedIn',
  'shipments.findFolio': 'signedIn',
  'shipments.uploadAttachment': 'capturista|administrador',
  'shipments.attachment': 'signedIn',
  'shipments.printedSheets': 'signedIn',
  'shipments.printedSheet': 'signedIn',
  'media.drives': 'signedIn+firstRun',
  'media.bags': 'signedIn+firstRun',
  'media.stageFile': 'signedIn',
  'media.load': 'capturista|administrador',
  'media.verify': 'signedIn+firstRun',
  'media.export': 'capturista|administrador',
  'backup.create': 'administrador',
  'backup.inspect': 'administrador+firstRun',
  'backup.restore': 'administrador+firstRun',
  'backup.repair': 'administrador',
  'custody.list': 'signedIn',
  'custody.record': 'capturista|administrador',
  'custody.verify': 'signedIn',
  'custody.exportCsv': 'signedIn',
  'custody.known': 'signedIn',
  'couriers.list': 'signedIn',
  'couriers.save': 'capturista|administrador',
  'socialAccounts.list': 'comunicacion_social|administrador',
  'socialAccounts.get': 'comunicacion_social|administrador',
  'socialAccounts.create': 'comunicacion_social|administrador',
  'socialAccounts.update': 'comunicacion_social|administrador',
  'socialAccounts.validate': 'comunicacion_social|administrador',
  'socialAccounts.remove': 'comunicacion_social|administrador',
  'socialAccounts.startCustody': 'comunicacion_social|administrador',
  'socialAccounts.endCustody': 'comunicacion_social|administrador',
  'socialAccounts.recordRotation': 'comunicacion_social|administrador',
  'socialAccounts.exportDirectory': 'comunicacion_social|administrador',
  'socialAccounts.printDirectory': 'comunicacion_social|administrador',
  'socialAccounts.keptPrint': 'comunicacion_social|administrador',
  'socialAccounts.printAcknowledgement': 'comunicacion_social|administrador',
  'socialAccounts.registerAcknowledgementScan': 'comunicacion_social|administrador',
  'socialAccounts.registerRequestScan': 'comunicacion_social|administrador',
  'socialAccounts.scan': 'comunicacion_social|administrador',
  'socialAccounts.openIncident': 'comunicacion_social|administrador',
  'socialAccounts.recordIncidentStep': 'comunicacion_social|administrador',
  'socialAccounts.printIncidentReport': 'comunicacion_social|administrador',
  'socialAccounts.attention': 'comunicacion_social|administrador',
  'socialAccounts.custodianCandidates': 'comunicacion_social|administrador',
  'releases.list': 'signedIn',
  'releases.get': 'signedIn',
  'releases.create': 'comunicacion_social|administrador',
  'releases.update': 'comunicacion_social|administrador',
  'releases.act': 'signedIn',
  'releases.uploadMaterial': 'signedIn',
  'releases.file': 'signedIn',
  'releases.printSheet': 'comunicacion_social|administrador',
  'releases.keptSheet': 'signedIn',
  'releases.attention': 'signedIn',
  'releases.exportDossier': 'comunicacion_social|administrador',
  'releaseRequests.submit': 'signedIn',
  'releaseRequests.mine': 'signedIn',
  'releaseRequests.list': 'comunicacion_social|administrador',
  'releaseRequests.convert': 'comunicacion_social|administrador',
  'releaseRequests.decline': 'comunicacion_social|administrador',
  'releaseRequests.material': 'signedIn',
  'blackouts.list': 'signedIn',
  'blackouts.save': 'administrador',
  'blackouts.remove': 'administrador',
  'outlets.list': 'comunicacion_social|administrador',
  'outlets.create': 'comunicacion_social|administrador',
  'outlets.update': 'comunicacion_social|administrador',
  'outlets.deactivate': 'comunicacion_social|administrador',
  'areas.list': 'signedIn',
  'areas.create': 'administrador',
  'areas.update': 'administrador',
  'areas.deactivate': 'administrador',
  'programme.get': 'comunicacion_social|administrador|director',
  'programme.saveActivity': 'comunicacion_social|administrador',
  'programme.removeActivity': 'comunicacion_social|administrador',
  'programme.saveDate': 'comunicacion_social|administrador',
  'programme.removeDate': 'comunicacion_social|administrador',
  'programme.saveGoal': 'comunicacion_social|administrador',
  'programme.removeGoal': 'comunicacion_social|administrador',
  'programme.loadExample': 'comunicacion_social|administrador',
  'programme.removeExample': 'comunicacion_social|administrador',
  'programme.calendar': 'comunicacion_social|administrador|director',
  'programme.exportIcs': 'comunicacion_social|administrador|director',
  'programme.report': 'comunicacion_social|administrador|director',
  'programme.reportPdf': 'comunicacion_social|administrador|director',
  'programme.reportCsv': 'comunicacion_social|administrador|director',
};

/** Channels whose refusal also depends on the record or the input: the contract must name that rule. */
const RULES_IN_DOMAIN: readonly Channel[] = [
  'setup.create',
  'setup.recoveryCode',
  'setup.confirmRecovery',
  'session.changePassword',
  'session.recover',
  'users.create',
  'users.update',
  'users.deactivate',
  'jobs.get',
  'jobs.cancel',
  'shipments.create',
  'shipments.update',
  'shipments.act',
  // need-to-know: a reservada or confidencial shipment only for those who need it
  'shipments.list',
  'shipments.get',
  'shipments.scan',
  'shipments.lookup',
  'shipments.findFolio',
  'shipments.attachment',
  'shipments.printedSheets',
  'shipments.printedSheet',
  'documents.print',
  // need-to-know: every handoff listed, the content of an unreadable shipment withheld (custody-service: rowsOf)
  'custody.list',
  'custody.exportCsv',
  'media.load',
  'media.export',
  'backup.restore',
  'backup.repair',
  'custody.record',
  'socialAccounts.update',
  'socialAccounts.endCustody',
  'socialAccounts.recordRotation',
  'socialAccounts.recordIncidentStep',
  // releases: read by role or by the area head; each action's roles and segregation; editable states; pending requests; overlapping vedas
  'releases.list',
  'releases.get',
  'releases.create',
  'releases.exportDossier',
  'releases.update',
  'releases.act',
  'releases.file',
  'releases.printSheet',
  'releases.keptSheet',
  'releases.attention',
  'releaseRequests.convert',
  'releaseRequests.decline',
  'releaseRequests.material',
  'blackouts.save',
  'outlets.update',
  'areas.update',
];

function describeAccess(access: Access): string {
  const base = access.kind === 'roles' ? access.roles.join('|') : access.kind;
  return access.kind !== 'public' && access.firstRun ? `${base}+firstRun` : base;
}

const user = (roles: Role[], active = true): User => ({ id: `u-${roles.join('-') || 'none'}`, userName: 'u', fullName: 'U', position: 'P', roles, active, mustChangePassword: false, createdAt: "2026-01-01T00:00:00Z", deactivatedAt: null });

/** A table whose every handler is a spy, so the test sees whether dispatch let the call through. */
function spyTable(gate: AccessGate): { table: HandlerTable; ran: ReturnType<typeof vi.fn> } {
  const ran = vi.fn(() => 'ran');
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, ran])) as unknown as Handlers;
  return { table: { handlers, gate }, ran };
}

const signedInAs = (u: User): AccessGate => ({ firstRun: async () => false, signedIn: () => ({ ws: {} as Workspace, user: u }) });
const locked: AccessGate = {
  firstRun: async () => false,
  signedIn: () => {
    throw new AppError('NOT_SIGNED_IN');
  },
};
const firstRun: AccessGate = { ...locked, firstRun: async () => true };

/** Calls a channel with an empty input: admitted means it got past access (to the handler or to input validation). */
async function refusalOf(gate: AccessGate, channel: Channel) {
  const { table, ran } = spyTable(gate);
  const result = await dispatch(table, channel, {});
  if (result.ok || result.error.code === 'VALIDATION') return null;
  expect(ran).not.toHaveBeenCalled();
  return result.error;
}

describe('access per channel', () => {
  it('has a decision for every channel of the contract, and only for those', () => {
    expect(CHANNELS.length).toBeGreaterThan(60);
    expect(Object.keys(EXPECTED).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS.map((c) => [c]))('%s declares the access in the table', (channel) => {
    expect(describeAccess(contract[channel].access)).toBe(EXPECTED[channel]);
  });

  it('names the domain rule of every channel whose refusal also depends on the record', () => {
    const named = CHANNELS.filter((c) => (contract[c].access as Access).inDomain);
    expect(named.length).toBeGreaterThan(0);
    expect([...named].sort()).toEqual([...RULES_IN_DOMAIN].sort());
  });

  it.each(CHANNELS.map((c) => [c]))('dispatch enforces the access of %s before its handler runs', async (channel) => {
    const expected = EXPECTED[channel];
    const isPublic = expected === 'public';
    const allowsFirstRun = expected.endsWith('+firstRun');
    const roles = expected.replace('+firstRun', '').split('|').filter((r): r is Role => (ROLES as readonly string[]).includes(r));

    // Nobody signed in, a vault exists.
    expect((await refusalOf(locked, channel))?.code ?? null).toBe(isPublic ? null : 'NOT_SIGNED_IN');
    // The first-run screen.
    expect((await refusalOf(firstRun, channel))?.code ?? null).toBe(isPublic || allowsFirstRun ? null : 'NOT_SIGNED_IN');
    // Every single role, then a deactivated user holding them all.
    for (const role of ROLES) {
      const refused = await refusalOf(signedInAs(user([role])), channel);
      const mayCall = roles.length === 0 || roles.includes(role);
      expect(refused?.code ?? null, role).toBe(mayCall ? null : 'FORBIDDEN');
      if (refused) expect(refused.message).toMatch(/^Sólo un usuario con el rol .+ puede .+\.$/);
    }
    const inactive = await refusalOf(signedInAs(user([...ROLES], false)), channel);
    expect(inactive?.code ?? null).toBe(roles.length > 0 ? 'FORBIDDEN' : null);
  });

  it('words a role refusal the same way everywhere', async () => {
    const clerk = await refusalOf(signedInAs(user(['capturista'])), 'users.create');
    expect(clerk).toEqual({ code: 'FORBIDDEN', message: 'Sólo un usuario con el rol Administrador puede dar de alta usuarios.' });
    const lawyer = await refusalOf(signedInAs(user(['juridico'])), 'shipments.create');
    expect(lawyer).toEqual({ code: 'FORBIDDEN', message: 'Sólo un usuario con el rol Capturista o Administrador puede preparar envíos.' });
  });

  it('passes the admitted caller to the handler: the signed-in user, or nobody on the first-run screen', async () => {
    const admin = user(['administrador']);
    const asAdmin = spyTable(signedInAs(admin));
    expect(await dispatch(asAdmin.table, 'jobs.get', { jobId: 'j1' })).toEqual({ ok: true, value: 'ran' });
    expect(asAdmin.ran).toHaveBeenCalledWith({ jobId: 'j1' }, { ws: {}, user: admin });
    const atFirstRun = spyTable(firstRun);
    expect(await dispatch(atFirstRun.table, 'jobs.get', { jobId: 'j1' })).toEqual({ ok: true, value: 'ran' });
    expect(atFirstRun.ran).toHaveBeenCalledWith({ jobId: 'j1' }, null);
  });
});
