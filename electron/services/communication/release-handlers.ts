import type { DomainHandlers } from '../ipc/handler-table';
import { knownDrive } from '../media/media-desk';
import type { BlackoutService } from './blackouts';
import { exportReleaseDossier } from './release-dossier';
import type { ReleaseRequestService } from './release-requests';
import type { ReleaseService } from './release-service';

/** Releases to the public and to official networks, the areas' requests for them, and the blackout periods. */
export function releaseHandlers(deps: { releases: ReleaseService; requests: ReleaseRequestService; blackouts: BlackoutService; clock: () => Date }) {
  const { releases, requests, blackouts, clock } = deps;
  return {
    'releases.list': (filter, { ws, user }) => releases.list(ws, user, filter),
    'releases.get': ({ releaseId }, { ws, user }) => releases.get(ws, user, releaseId),
    'releases.create': ({ content }, { ws, user }) => releases.create(ws, user, content),
    'releases.update': ({ releaseId, content }, { ws, user }) => releases.update(ws, user, releaseId, content),
    'releases.act': (input, { ws, user }) => releases.act(ws, user, input),
    'releases.uploadMaterial': (upload, { ws, user }) => releases.uploadMaterial(ws, user, upload),
    'releases.file': ({ releaseId, blobId }, { ws, user }) => releases.file(ws, user, releaseId, blobId),
    'releases.printSheet': ({ releaseId }, { ws, user }) => releases.printSheet(ws, user, releaseId),
    'releases.keptSheet': ({ releaseId, printId }, { ws, user }) => releases.keptSheet(ws, user, releaseId, printId),
    'releases.attention': (_, { ws, user }) => releases.attention(ws, user),
    'releases.exportDossier': async ({ releaseId, drivePath }, { ws, user }) => {
      const drive = await knownDrive(drivePath);
      const done = await exportReleaseDossier({ releases, clock }, ws, user, releaseId, { drivePath: drive.mountPath, filesystem: drive.filesystem });
      return { bagName: done.bagName, folio: done.folio, files: done.files, bytes: done.bytes, encrypted: done.encrypted, passphrase: done.passphrase, contents: done.contents, verified: done.verification.valid };
    },
    'releaseRequests.submit': ({ request }, { ws, user }) => requests.submit(ws, user, request),
    'releaseRequests.mine': (_, { ws, user }) => requests.mine(ws, user),
    'releaseRequests.list': (_, { ws }) => requests.list(ws),
    'releaseRequests.convert': ({ requestId, content }, { ws, user }) => requests.convert(ws, user, requestId, content),
    'releaseRequests.decline': ({ requestId, reason }, { ws, user }) => requests.decline(ws, user, requestId, reason),
    'releaseRequests.material': ({ requestId, blobId }, { ws, user }) => requests.material(ws, user, requestId, blobId),
    'blackouts.list': (_, { ws }) => blackouts.list(ws),
    'blackouts.save': ({ blackoutId, blackout }, { ws, user }) => blackouts.save(ws, user, blackoutId, blackout),
    'blackouts.remove': ({ blackoutId }, { ws, user }) => blackouts.remove(ws, user, blackoutId),
  } satisfies DomainHandlers;
}
