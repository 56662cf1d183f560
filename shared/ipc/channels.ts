/**
 * The list of IPC channels, kept apart from the schemas so the preload script
 * (which must stay tiny and dependency-free) can import it for its allow-list.
 * `contract.ts` is checked against this list at compile time.
 */
export const IPC_PREFIX = 'valija:';

export const CHANNELS = [
  'app.info',
  'session.state',
  'setup.create',
  'setup.recoveryCode',
  'setup.confirmRecovery',
  'session.signIn',
  'session.signOut',
  'session.lock',
  'session.changePassword',
  'session.recover',
  'users.list',
  'users.create',
  'users.update',
  'users.deactivate',
  'users.resetPassword',
  'users.setReadGrants',
  'settings.get',
  'settings.update',
  'audit.list',
  'audit.verify',
  'vault.rotateKey',
  'vault.newRecoveryCode',
  'jobs.get',
  'jobs.cancel',
  'agencies.list',
  'agencies.get',
  'agencies.save',
  'agencies.eligibility',
  'agencies.importPreview',
  'agencies.importApply',
  'agreements.save',
  'agreements.document',
  'reports.overview',
  'reports.saveReport',
  'reports.saveObligation',
  'reports.loadExample',
  'reports.removeExample',
  'home.dashboard',
  'vault.maintenance',
  'shipments.list',
  'shipments.get',
  'shipments.create',
  'shipments.update',
  'shipments.act',
  'shipments.scan',
  'documents.print',
  'shipments.lookup',
  'shipments.findFolio',
  'shipments.uploadAttachment',
  'shipments.attachment',
  'shipments.printedSheets',
  'shipments.printedSheet',
  'media.drives',
  'media.bags',
  'media.stageFile',
  'media.load',
  'media.verify',
  'media.export',
  'backup.create',
  'backup.inspect',
  'backup.restore',
  'backup.repair',
  'custody.list',
  'custody.record',
  'custody.verify',
  'custody.exportCsv',
  'custody.known',
  'couriers.list',
  'couriers.save',
  'socialAccounts.list',
  'socialAccounts.get',
  'socialAccounts.create',
  'socialAccounts.update',
  'socialAccounts.validate',
  'socialAccounts.remove',
  'socialAccounts.startCustody',
  'socialAccounts.endCustody',
  'socialAccounts.recordRotation',
  'socialAccounts.exportDirectory',
  'socialAccounts.printDirectory',
  'socialAccounts.printAcknowledgement',
  'socialAccounts.registerAcknowledgementScan',
  'socialAccounts.registerRequestScan',
  'socialAccounts.scan',
  'socialAccounts.openIncident',
  'socialAccounts.recordIncidentStep',
  'socialAccounts.printIncidentReport',
  'socialAccounts.keptPrint',
  'socialAccounts.attention',
  'socialAccounts.custodianCandidates',
] as const;

export type Channel = (typeof CHANNELS)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNELS);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && channelSet.has(name);
}

/** The name used on the wire (ipcMain.handle / ipcRenderer.invoke). */
export function wireName(channel: Channel): string {
  return IPC_PREFIX + channel;
}
