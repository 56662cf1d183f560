/**
 * Requests for a release («solicitudes de difusión»): any signed-in user asks
 * Comunicación Social, for their area, to publish something (the
 * Coatzacoalcos note: every area's information goes to Comunicación Social
 * first; directive 6.1.4, RESPONSABLES). Comunicación Social turns a request
 * into a release or declines it with a reason (docs/DOMAIN.md, «Difusiones»).
 */
import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../../shared/domain/audit';
import type { ParsedReleaseRequestInput, ReleaseContent, ReleaseRequest, ReleaseView } from '../../../shared/domain/releases';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { todayInOffice } from '../agencies/rules/civil-date';
import { areasDoc, readBlob } from '../vault/documents';
import { SerialQueue } from '../vault/gate';
import type { ReleaseService } from './release-service';
import { openRequestStore, type RequestChangeKind, type RequestStore } from './release-store';

const REBUILD_WORDS = { missing: 'no había punto de control', damaged: 'el punto de control estaba dañado', stale: 'el punto de control no correspondía a los registros' } as const;

export class ReleaseRequestService {
  private readonly stores = new WeakMap<Workspace, Promise<RequestStore>>();
  private readonly queue = new SerialQueue();

  constructor(
    private readonly clock: () => Date,
    private readonly releases: ReleaseService,
  ) {}

  private store(ws: Workspace): Promise<RequestStore> {
    let opened = this.stores.get(ws);
    if (!opened) {
      opened = openRequestStore(ws.vault).then(async (store) => {
        if (store.rebuiltBecause) await ws.audit.record('vault.index_rebuilt', null, 'Solicitudes de difusión', { motivo: REBUILD_WORDS[store.rebuiltBecause], solicitudes: store.all().length });
        return store;
      });
      opened.catch(() => this.stores.delete(ws));
      this.stores.set(ws, opened);
    }
    return opened;
  }

  private async save(ws: Workspace, user: User, next: ReleaseRequest, kind: RequestChangeKind, action: AuditAction, detail: string): Promise<ReleaseRequest> {
    const saved = await (await this.store(ws)).save(next, { at: this.clock(), actor: actorOf(user), kind, detail });
    await ws.audit.record(action, actorOf(user), `Solicitud de difusión ${saved.folio}`, { solicitud: saved.id, folio: saved.folio, ...(detail ? { detalle: detail } : {}) });
    return saved;
  }

  /** A request from any signed-in user, for an active area of the catalogue; its material must have been uploaded. */
  submit(ws: Workspace, user: User, input: ParsedReleaseRequestInput): Promise<ReleaseRequest> {
    return this.queue.run(async () => {
      const area = (await areasDoc(ws.vault)).data.areas.find((a) => a.id === input.areaId);
      if (!area || !area.active) throw new AppError('VALIDATION', 'El área que solicita la difusión no está en el catálogo de áreas o está dada de baja.');
      await this.releases.assertUploaded(ws, input.materials);
      const store = await this.store(ws);
      const now = this.clock();
      const prefix = `SD-${todayInOffice(now).slice(0, 4)}-`;
      const last = store
        .all()
        .filter((r) => r.folio.startsWith(prefix))
        .reduce((max, r) => Math.max(max, Number(r.folio.slice(prefix.length)) || 0), 0);
      const request: ReleaseRequest = {
        ...input,
        id: randomUUID(),
        folio: `${prefix}${String(last + 1).padStart(4, '0')}`,
        state: 'pendiente',
        requestedBy: actorOf(user),
        requestedAt: now.toISOString(),
        releaseId: null,
        declineReason: null,
        decidedBy: null,
        decidedAt: null,
      };
      return this.save(ws, user, request, 'submitted', 'release_request.submitted', area.name);
    });
  }

  /** Comunicación Social's inbox: every request, the pending ones first, oldest first. */
  async list(ws: Workspace): Promise<ReleaseRequest[]> {
    const rank = (r: ReleaseRequest) => (r.state === 'pendiente' ? 0 : 1);
    return (await this.store(ws)).all().sort((a, b) => rank(a) - rank(b) || a.requestedAt.localeCompare(b.requestedAt) || a.folio.localeCompare(b.folio));
  }

  /** The requests this user sent, the latest first. */
  async mine(ws: Workspace, user: User): Promise<ReleaseRequest[]> {
    return (await this.store(ws))
      .all()
      .filter((r) => r.requestedBy.id === user.id)
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.folio.localeCompare(a.folio));
  }

  private pending(request: ReleaseRequest): ReleaseRequest {
    if (request.state !== 'pendiente') throw new AppError('INVALID_TRANSITION', `La solicitud ${request.folio} ya fue ${request.state === 'convertida' ? 'convertida en difusión' : 'declinada'}.`);
    return request;
  }

  /** A pending request becomes a release in borrador, written by Comunicación Social from it. */
  convert(ws: Workspace, user: User, requestId: string, content: ReleaseContent): Promise<{ request: ReleaseRequest; release: ReleaseView }> {
    // One decision per request: two clerks converting it at once get one release, and the second a refusal.
    return this.queue.run(async () => {
      const request = this.pending((await this.store(ws)).get(requestId));
      const release = await this.releases.create(ws, user, content, request.id);
      const decided = { ...request, state: 'convertida' as const, releaseId: release.release.id, decidedBy: actorOf(user), decidedAt: this.clock().toISOString() };
      return { request: await this.save(ws, user, decided, 'converted', 'release_request.converted', `Difusión ${release.release.folio}`), release };
    });
  }

  decline(ws: Workspace, user: User, requestId: string, reason: string): Promise<ReleaseRequest> {
    return this.queue.run(async () => {
      const request = this.pending((await this.store(ws)).get(requestId));
      const decided = { ...request, state: 'declinada' as const, declineReason: reason, decidedBy: actorOf(user), decidedAt: this.clock().toISOString() };
      return this.save(ws, user, decided, 'declined', 'release_request.declined', reason);
    });
  }

  /** A request's material: for Comunicación Social, or for whoever sent it. */
  async material(ws: Workspace, user: User, requestId: string, blobId: string): Promise<{ fileName: string; mediaType: string; base64: string }> {
    const request = (await this.store(ws)).get(requestId);
    const communication = user.roles.some((r) => r === 'comunicacion_social' || r === 'administrador');
    if (!communication && request.requestedBy.id !== user.id) throw new AppError('FORBIDDEN', 'Sólo Comunicación Social y quien envió la solicitud consultan su material.');
    const file = request.materials.find((m) => m.blobId === blobId);
    if (!file) throw new AppError('NOT_FOUND', 'La solicitud no tiene ese archivo.');
    const blob = await readBlob(ws.vault, file.blobId);
    return { fileName: file.fileName, mediaType: blob.mediaType, base64: blob.base64 };
  }
}
