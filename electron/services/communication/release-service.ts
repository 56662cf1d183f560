/**
 * Releases to the public and to official social networks (docs/DOMAIN.md,
 * «Difusiones»; directive 6.1.4, sections B and C). Who may call each
 * channel is the contract's; which action each role may take, segregation
 * of duties and the area head's validation are the state machine's
 * (`shared/domain/release-states.ts`); blackouts, lapse, urgent ratification,
 * channels and embargo are release-rules.ts. Every change is one frame of
 * the release's stream and one audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { AttachedFile } from '../../../shared/domain/agencies';
import type { Area, MediaOutlet } from '../../../shared/domain/areas';
import type { AuditAction } from '../../../shared/domain/audit';
import {
  RELEASE_ACTION_DONE_LABELS,
  allowedReleaseActions,
  mayEditRelease,
  nextReleaseState,
  releaseEditOutcome,
  releaseRefusalOf,
  reviewStateAfterEdit,
  type ReleaseAction,
  type ReleaseState,
} from '../../../shared/domain/release-states';
import {
  channelKey,
  type MaterialUpload,
  type ParsedReleaseActInput,
  type Release,
  type ReleaseActionPayload,
  type ReleaseAttention,
  type ReleaseContent,
  type ReleaseDetail,
  type ReleaseFilter,
  type ReleaseMaterial,
  type ReleaseSheet,
  type ReleaseView,
} from '../../../shared/domain/releases';
import type { ScanUpload } from '../../../shared/domain/shipments';
import type { AccountView } from '../../../shared/domain/social-accounts';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import type { DocumentDownload } from '../../../shared/ipc/contract';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { addDays, todayInOffice } from '../agencies/rules/civil-date';
import { areasDoc, blackoutsDoc, outletsDoc, readBlob, releaseMaterialsDoc, storeBlob } from '../vault/documents';
import type { FormInputs, FormName } from '../documents/forms';
import { renderForm } from '../documents/render-on-demand';
import { SerialQueue } from '../vault/gate';
import { calendarEntries } from './release-calendar';
import type { ReleaseCalendarEntry } from './programme-service';
import { keepPrint, keptPrintBytes } from '../vault/kept-prints';
import type { SocialAccountService } from './account-service';
import {
  blackoutAt,
  blackoutRefusal,
  channelLabel,
  channelRefusal,
  channelsRefusal,
  checklistRefusal,
  embargoRefusal,
  isLapsed,
  mayReadRelease,
  notEditableMessage,
  pendingRatification,
  ratificationDueBy,
  ratificationOverdue,
  releaseAreaDigest,
  releaseContentDigest,
  releaseForRules,
  signatureDateRefusal,
  validThrough,
} from './release-rules';
import { RELEASE_FORM_LABEL, releaseSheetInput } from './release-sheet';
import { openReleaseStore, type ReleaseChangeKind, type ReleaseStore } from './release-store';

const REBUILD_WORDS = { missing: 'no había punto de control', damaged: 'el punto de control estaba dañado', stale: 'el punto de control no correspondía a los registros' } as const;

/** A time typed for a step may run this far ahead of the clock (workstation clocks differ a little), no more. */
const CLOCK_SLACK_MS = 5 * 60_000;
const minuteOf = (ms: number): number => Math.floor(ms / 60_000) * 60_000;

const ACTION_AUDIT: Record<ReleaseAction, AuditAction> = {
  enviar_a_validacion: 'release.sent_to_area',
  validar_area: 'release.area_validated',
  devolver_area: 'release.area_returned',
  enviar_a_revision: 'release.sent_to_review',
  devolver: 'release.returned',
  aprobar_revision: 'release.review_approved',
  autorizar: 'release.authorized',
  autorizar_urgente: 'release.urgent_authorized',
  ratificar_revision: 'release.review_ratified',
  ratificar_autorizacion: 'release.authorization_ratified',
  publicar: 'release.published',
  cerrar: 'release.closed',
  cancelar: 'release.cancelled',
};

/** The step each state waits for: what Inicio lists as «awaiting my action». */
const AWAITED: Partial<Record<ReleaseState, readonly ReleaseAction[]>> = {
  en_validacion_area: ['validar_area'],
  en_revision_juridica: ['aprobar_revision'],
  devuelta: ['enviar_a_validacion', 'enviar_a_revision'],
  por_autorizar: ['autorizar'],
  autorizada: ['publicar', 'ratificar_revision', 'ratificar_autorizacion'],
  publicada: ['ratificar_revision', 'ratificar_autorizacion'],
};

interface Directory {
  areas: Area[];
  outlets: MediaOutlet[];
  accounts: AccountView[];
}

export class ReleaseService {
  private readonly stores = new WeakMap<Workspace, Promise<ReleaseStore>>();
  /** Folios are consecutive: creations, and the checks an action makes before it saves, run one at a time. */
  private readonly queue = new SerialQueue();

  constructor(
    private readonly clock: () => Date,
    private readonly accounts: SocialAccountService,
    /** Renders paper forms (the worker pool in the app); here only the «Formato de autorización de difusión». */
    private readonly render: <N extends FormName>(name: N, input: FormInputs[N]) => Promise<Buffer> = renderForm,
  ) {}

  store(ws: Workspace): Promise<ReleaseStore> {
    let opened = this.stores.get(ws);
    if (!opened) {
      opened = openReleaseStore(ws.vault).then(async (store) => {
        if (store.rebuiltBecause) await ws.audit.record('vault.index_rebuilt', null, 'Registro de difusiones', { motivo: REBUILD_WORDS[store.rebuiltBecause], difusiones: store.all().length });
        return store;
      });
      opened.catch(() => this.stores.delete(ws));
      this.stores.set(ws, opened);
    }
    return opened;
  }

  private async directory(ws: Workspace): Promise<Directory> {
    const [areas, outlets, accounts] = await Promise.all([areasDoc(ws.vault), outletsDoc(ws.vault), this.accounts.list(ws)]);
    return { areas: areas.data.areas, outlets: outlets.data.outlets, accounts };
  }

  private settings(ws: Workspace) {
    return { lapseDays: ws.settings.data.releaseLapseDays, ratificationHours: ws.settings.data.urgentRatificationHours };
  }

  private async view(ws: Workspace, user: User, release: Release, areas: readonly Area[]): Promise<ReleaseView> {
    const now = this.clock();
    const { lapseDays } = this.settings(ws);
    const blackouts = (await blackoutsDoc(ws.vault)).data.blackouts;
    const blackout = blackoutAt(blackouts, release.plannedAt);
    const published = new Set(release.publications.map((p) => channelKey(p.channel)));
    return {
      release,
      vencida: isLapsed(release, now, lapseDays),
      validThrough: validThrough(release, lapseDays),
      pendingRatification: pendingRatification(release),
      ratificationOverdue: ratificationOverdue(release, now),
      blackout: blackout ? { id: blackout.id, name: blackout.name, allowed: blackout.allowedExceptions } : null,
      actions: allowedReleaseActions(releaseForRules(release, areas), user),
      edit: mayEditRelease(release, user),
      pendingChannels: release.channels.filter((c) => !published.has(channelKey(c))),
    };
  }

  private async readable(ws: Workspace, user: User, releaseId: string, attempted: string): Promise<{ release: Release; areas: Area[] }> {
    const release = (await this.store(ws)).get(releaseId);
    const areas = (await areasDoc(ws.vault)).data.areas;
    if (!mayReadRelease(user, release, areas)) {
      await ws.audit.record('release.read_refused', actorOf(user), `Difusión ${release.folio}`, { difusion: release.id, intento: attempted });
      throw new AppError('FORBIDDEN', 'Sólo Comunicación Social, Jurídico, el Director(a) General, el administrador y el titular del área que proporciona la información consultan esta difusión.');
    }
    return { release, areas };
  }

  /** The releases the viewer may read, the latest first. */
  async list(ws: Workspace, user: User, filter: ReleaseFilter = {}): Promise<ReleaseView[]> {
    const areas = (await areasDoc(ws.vault)).data.areas;
    const text = filter.text?.toLocaleLowerCase('es-MX') ?? '';
    const rows = (await this.store(ws))
      .all()
      .filter((r) => mayReadRelease(user, r, areas))
      .filter((r) => !filter.states || filter.states.includes(r.state))
      .filter((r) => !text || `${r.folio} ${r.title}`.toLocaleLowerCase('es-MX').includes(text))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.folio.localeCompare(a.folio));
    return Promise.all(rows.map((r) => this.view(ws, user, r, areas)));
  }

  async get(ws: Workspace, user: User, releaseId: string): Promise<ReleaseDetail> {
    const { release, areas } = await this.readable(ws, user, releaseId, 'consultar');
    const dir = await this.directory(ws);
    const channelViews = release.channels.map((channel) => ({ channel, label: channelLabel(channel, dir.accounts, dir.outlets), refusal: channelRefusal(channel, dir.accounts, dir.outlets) }));
    return { ...(await this.view(ws, user, release, areas)), history: await (await this.store(ws)).history(releaseId), channelViews };
  }

  /** Material for a release or a request: stored encrypted, its bytes already checked at the boundary (type by signature, 50 MB). */
  async uploadMaterial(ws: Workspace, user: User, upload: MaterialUpload): Promise<ReleaseMaterial> {
    const file: ReleaseMaterial = { ...(await storeBlob(ws.vault, upload)), mediaType: upload.mediaType };
    const doc = await releaseMaterialsDoc(ws.vault);
    doc.data.files.push(file);
    await doc.write();
    await ws.audit.record('release.material_uploaded', actorOf(user), file.fileName, { archivo: file.blobId, tipo: file.mediaType, bytes: file.size, sha256: file.sha256 });
    return file;
  }

  /** Every material named must be one uploaded, exactly as stored (so its SHA-256 is the bytes'). */
  async assertUploaded(ws: Workspace, materials: readonly AttachedFile[]): Promise<void> {
    const files = (await releaseMaterialsDoc(ws.vault)).data.files;
    for (const m of materials) {
      const stored = files.find((f) => f.blobId === m.blobId);
      if (!stored || stored.sha256 !== m.sha256 || stored.size !== m.size || stored.mediaType !== m.mediaType) {
        throw new AppError('VALIDATION', `El material «${m.fileName}» no se recibió en Valija: vuelva a adjuntarlo.`);
      }
    }
  }

  private async checkContent(ws: Workspace, content: ReleaseContent, dir: Directory): Promise<void> {
    const area = dir.areas.find((a) => a.id === content.providingAreaId);
    if (!area) throw new AppError('VALIDATION', 'El área que proporciona la información no está en el catálogo de áreas.');
    if (!area.active) throw new AppError('VALIDATION', `El área «${area.name}» está dada de baja en el catálogo.`);
    const channels = channelsRefusal(content.channels, dir.accounts, dir.outlets);
    if (channels) throw new AppError('VALIDATION', channels);
    await this.assertUploaded(ws, content.materials);
  }

  private async save(ws: Workspace, user: User, next: Release, kind: ReleaseChangeKind, action: AuditAction, detail: string): Promise<Release> {
    const at = this.clock();
    const saved = await (await this.store(ws)).save(next, { at, actor: actorOf(user), kind, detail });
    await ws.audit.record(action, actorOf(user), `Difusión ${saved.folio}: ${saved.title}`, { difusion: saved.id, folio: saved.folio, estado: saved.state, ...(detail ? { detalle: detail } : {}) });
    return saved;
  }

  /** A new release in borrador, with the next folio of the year (CS-2026-0001). */
  create(ws: Workspace, user: User, content: ReleaseContent, requestId: string | null = null): Promise<ReleaseView> {
    return this.queue.run(async () => {
      const dir = await this.directory(ws);
      await this.checkContent(ws, content, dir);
      const store = await this.store(ws);
      const now = this.clock();
      const prefix = `CS-${todayInOffice(now).slice(0, 4)}-`;
      const last = store
        .all()
        .filter((r) => r.folio.startsWith(prefix))
        .reduce((max, r) => Math.max(max, Number(r.folio.slice(prefix.length)) || 0), 0);
      const release: Release = {
        ...content,
        id: randomUUID(),
        folio: `${prefix}${String(last + 1).padStart(4, '0')}`,
        state: 'borrador',
        createdAt: now.toISOString(),
        createdBy: actorOf(user),
        preparedByIds: [user.id],
        requestId,
        validation: null,
        review: null,
        observations: [],
        sheets: [],
        signature: null,
        publications: [],
        urgent: null,
        cancelReason: null,
        closedAt: null,
      };
      const saved = await this.save(ws, user, release, 'created', 'release.created', requestId ? 'A partir de una solicitud de difusión' : '');
      return this.view(ws, user, saved, dir.areas);
    });
  }

  /**
   * New text, material, channels or dates. Freely while it is being written;
   * once legal approved it, the sheet is voided («ANULADA»), the signature and
   * any verbal authorisation no longer cover it, and it goes back to review
   * (through the area first when a network release's information changed).
   */
  update(ws: Workspace, user: User, releaseId: string, content: ReleaseContent): Promise<ReleaseView> {
    return this.queue.run(async () => {
      const store = await this.store(ws);
      const prev = store.get(releaseId);
      const outcome = releaseEditOutcome(prev.state);
      if (outcome === null) throw new AppError('INVALID_TRANSITION', notEditableMessage(prev));
      const dir = await this.directory(ws);
      await this.checkContent(ws, content, dir);
      const merged: Release = { ...prev, ...content };
      if (releaseContentDigest(merged) === releaseContentDigest(prev)) return this.view(ws, user, prev, dir.areas);
      const preparedByIds = prev.preparedByIds.includes(user.id) ? prev.preparedByIds : [...prev.preparedByIds, user.id];
      if (outcome === 'edit') return this.view(ws, user, await this.save(ws, user, { ...merged, preparedByIds }, 'updated', 'release.updated', ''), dir.areas);
      const now = this.clock().toISOString();
      const voided = voidSheets(prev.sheets, now, 'Cambió el contenido después de la revisión jurídica.');
      const rules = releaseForRules({ ...merged, validation: prev.validation }, dir.areas);
      const next: Release = { ...merged, preparedByIds, sheets: voided, signature: null, review: null, urgent: null, state: reviewStateAfterEdit(rules) };
      if (prev.sheets.some((s) => !s.voided)) await ws.audit.record('release.sheet_voided', actorOf(user), `Difusión ${prev.folio}`, { difusion: prev.id, hoja: prev.sheets.at(-1)?.version ?? 0 });
      const saved = await this.save(ws, user, next, 'sheet_voided', 'release.updated', `Vuelve a «${next.state === 'en_validacion_area' ? 'validación del área' : 'revisión jurídica'}»`);
      return this.view(ws, user, saved, dir.areas);
    });
  }

  /** One step of the life cycle, checked by the state machine and then by the rules that need the record. */
  act(ws: Workspace, user: User, input: ParsedReleaseActInput): Promise<ReleaseView> {
    return this.queue.run(async () => {
      const store = await this.store(ws);
      const prev = store.get(input.releaseId);
      const dir = await this.directory(ws);
      const refusal = releaseRefusalOf(releaseForRules(prev, dir.areas), user, input.action);
      if (refusal) throw new AppError(refusal.code, refusal.message);
      const to = nextReleaseState(prev.state, input.action) ?? prev.state;
      const { next, detail } = await this.apply(ws, user, prev, input, dir);
      const saved = await this.save(ws, user, { ...next, state: to }, input.action, ACTION_AUDIT[input.action], detail);
      return this.view(ws, user, saved, dir.areas);
    });
  }

  private async apply(ws: Workspace, user: User, prev: Release, input: ParsedReleaseActInput, dir: Directory): Promise<{ next: Release; detail: string }> {
    const now = this.clock();
    const at = now.toISOString();
    const by = actorOf(user);
    const blackouts = (await blackoutsDoc(ws.vault)).data.blackouts;
    const refuse = (message: string | null) => {
      if (message) throw new AppError('VALIDATION', message);
    };
    switch (input.action) {
      case 'enviar_a_validacion':
      case 'enviar_a_revision':
        refuse(channelsRefusal(prev.channels, dir.accounts, dir.outlets));
        return { next: prev, detail: input.payload.remarks };
      case 'validar_area':
        return { next: { ...prev, validation: { areaId: prev.providingAreaId, by, at, areaDigest: releaseAreaDigest(prev), observations: input.payload.observations } }, detail: input.payload.observations };
      case 'devolver_area':
        return { next: { ...prev, validation: null, observations: [...prev.observations, { from: 'area', by, at, text: input.payload.observations }] }, detail: input.payload.observations };
      case 'devolver':
        return { next: { ...prev, review: null, observations: [...prev.observations, { from: 'juridico', by, at, text: input.payload.observations }] }, detail: input.payload.observations };
      case 'aprobar_revision':
        refuse(checklistRefusal(input.payload.checklist));
        return { next: { ...prev, review: { by, at, checklist: input.payload.checklist, observations: input.payload.observations, contentDigest: releaseContentDigest(prev) } }, detail: input.payload.observations };
      case 'autorizar': {
        refuse(channelsRefusal(prev.channels, dir.accounts, dir.outlets));
        refuse(blackoutRefusal(prev, blackouts, prev.plannedAt));
        const through = addDays(todayInOffice(new Date(prev.plannedAt)), this.settings(ws).lapseDays);
        if (todayInOffice(now) > through) refuse('La fecha planeada de publicación ya pasó: cámbiela; la difusión volverá a revisión jurídica.');
        const signature = await this.signature(ws, user, prev, input.payload);
        return { next: { ...prev, signature }, detail: `Firmó ${signature.signerName} el ${signature.signedOn}; hoja ${signature.sheetVersion}` };
      }
      case 'autorizar_urgente': {
        if (Date.parse(input.payload.at) > now.getTime() + CLOCK_SLACK_MS) refuse('La autorización verbal no puede ser posterior a la hora actual.');
        refuse(channelsRefusal(prev.channels, dir.accounts, dir.outlets));
        refuse(blackoutRefusal(prev, blackouts, now));
        const dueBy = ratificationDueBy(input.payload.at, this.settings(ws).ratificationHours);
        const urgent = { ...input.payload, recordedBy: by, recordedAt: at, dueBy, reviewedAt: null, ratifiedAt: null };
        return { next: { ...prev, urgent }, detail: `Autorizó de palabra ${input.payload.authorizedBy}; ratificar antes del ${dueBy}. ${input.payload.reason}` };
      }
      case 'ratificar_revision': {
        refuse(checklistRefusal(input.payload.checklist));
        const urgent = prev.urgent ? { ...prev.urgent, reviewedAt: at } : null;
        return { next: { ...prev, urgent, review: { by, at, checklist: input.payload.checklist, observations: input.payload.observations, contentDigest: releaseContentDigest(prev) } }, detail: input.payload.observations };
      }
      case 'ratificar_autorizacion': {
        const signature = await this.signature(ws, user, prev, input.payload);
        const urgent = prev.urgent ? { ...prev.urgent, ratifiedAt: at } : null;
        return { next: { ...prev, urgent, signature }, detail: `Firmó ${signature.signerName} el ${signature.signedOn}; hoja ${signature.sheetVersion}` };
      }
      case 'publicar':
        return this.publication(ws, user, prev, input.payload, dir, blackouts);
      case 'cerrar': {
        const pending = prev.channels.length - new Set(prev.publications.map((p) => channelKey(p.channel))).size;
        return { next: { ...prev, closedAt: at }, detail: [input.payload.remarks, pending > 0 ? `${pending} canal(es) sin publicar` : ''].filter(Boolean).join('; ') };
      }
      case 'cancelar':
        return { next: { ...prev, cancelReason: input.payload.reason }, detail: input.payload.reason };
    }
  }

  /** The Director's signature on the current printed sheet, with its scan. */
  private async signature(ws: Workspace, user: User, release: Release, payload: ReleaseActionPayload<'autorizar'>): Promise<NonNullable<Release['signature']>> {
    const sheet = currentSheet(release);
    if (!sheet) throw new AppError('VALIDATION', 'Imprima el formato de autorización de difusión: el Director(a) General firma la hoja impresa.');
    const wrong = signatureDateRefusal(sheet.printedAt, payload.signedOn, todayInOffice(this.clock()));
    if (wrong) throw new AppError('VALIDATION', wrong);
    const scan = await storeScan(ws, payload.scan);
    return { sheetVersion: sheet.version, signerName: payload.signerName, signerPosition: payload.signerPosition, signedOn: payload.signedOn, scan, registeredBy: actorOf(user), registeredAt: this.clock().toISOString() };
  }

  /** One channel published: never before the embargo, nor after the lapse, nor on an account not usable today. */
  private async publication(ws: Workspace, user: User, release: Release, payload: ReleaseActionPayload<'publicar'>, dir: Directory, blackouts: Parameters<typeof blackoutRefusal>[1]): Promise<{ next: Release; detail: string }> {
    const now = this.clock();
    const key = channelKey(payload.channel);
    if (!release.channels.some((c) => channelKey(c) === key)) throw new AppError('VALIDATION', 'Ese canal no está entre los autorizados para esta difusión.');
    if (release.publications.some((p) => channelKey(p.channel) === key)) throw new AppError('CONFLICT', 'La publicación en ese canal ya está registrada.');
    if (Date.parse(payload.at) > now.getTime() + CLOCK_SLACK_MS) throw new AppError('VALIDATION', 'La publicación no puede tener fecha posterior a la hora actual.');
    const authorisedAt = release.urgent?.at ?? release.signature?.registeredAt ?? null;
    // The publication's time is typed to the minute, the authorisation's is recorded to the millisecond: compare minutes,
    // or a release published in the very minute it was signed would be refused as published before it.
    if (authorisedAt && Date.parse(payload.at) < minuteOf(Date.parse(authorisedAt))) throw new AppError('VALIDATION', 'La publicación no puede ser anterior a su autorización.');
    if (isLapsed(release, now, this.settings(ws).lapseDays)) {
      throw new AppError('VALIDATION', `La autorización venció (era válida hasta el ${validThrough(release, this.settings(ws).lapseDays) ?? ''}): cambie la fecha planeada; la difusión volverá a revisión jurídica y a autorización.`);
    }
    const checks = [embargoRefusal(release, payload.at), channelRefusal(payload.channel, dir.accounts, dir.outlets), blackoutRefusal(release, blackouts, payload.at)];
    const refusal = checks.find((c) => c !== null);
    if (refusal) throw new AppError('VALIDATION', refusal);
    const capture = payload.capture ? await storeBlob(ws.vault, payload.capture) : null;
    const label = channelLabel(payload.channel, dir.accounts, dir.outlets);
    const record = { channel: payload.channel, channelLabel: label, at: payload.at, url: payload.url, note: payload.note, by: actorOf(user), capture };
    return { next: { ...release, publications: [...release.publications, record] }, detail: `${label}${payload.url ? ` (${payload.url})` : ''}` };
  }

  /**
   * Prints the sheet the Director General signs: in «por autorizar», or on
   * the urgent path once Jurídico ratified. The same content prints the same
   * version again («REIMPRESIÓN n»); the PDF's SHA-256 is kept on the sheet
   * and in the audit log (the signed scan, not the PDF, is the record, as
   * with the accounts' resguardos).
   */
  printSheet(ws: Workspace, user: User, releaseId: string): Promise<{ fileName: string; mediaType: string; base64: string }> {
    return this.queue.run(async () => {
      const store = await this.store(ws);
      const release = store.get(releaseId);
      const urgentToSign = release.urgent !== null && release.urgent.reviewedAt !== null && release.urgent.ratifiedAt === null;
      if (release.state !== 'por_autorizar' && !urgentToSign) {
        throw new AppError('INVALID_TRANSITION', 'El formato de autorización se imprime cuando Jurídico aprobó la difusión (estado «Por autorizar») o ratificó una difusión urgente.');
      }
      const dir = await this.directory(ws);
      const digest = releaseContentDigest(release);
      const current = currentSheet(release);
      const now = this.clock().toISOString();
      const sheetVersion = current ? current.version : release.sheets.length + 1;
      const reprint = current ? current.prints : 0;
      const blackouts = (await blackoutsDoc(ws.vault)).data.blackouts;
      const input = releaseSheetInput(release, {
        office: ws.office.data,
        area: dir.areas.find((a) => a.id === release.providingAreaId),
        channelLabels: release.channels.map((c) => channelLabel(c, dir.accounts, dir.outlets)),
        blackout: blackoutAt(blackouts, release.plannedAt),
        users: ws.users.data.users,
        contentDigest: digest,
        sheetVersion,
        reprint,
        generatedAt: now,
      });
      const pdf = await this.render('release-authorization', input);
      const at = this.clock();
      const fileName = `autorizacion-difusion-${release.folio}-v${sheetVersion}${reprint > 0 ? `-reimpresion-${reprint}` : ''}.pdf`;
      // The printed bytes are the record: the sheet the Director General signs can be shown again byte for byte, and travels in the dossier.
      const kept = await keepPrint(ws.vault, { form: 'release-authorization', subject: `${release.id}:hoja-${sheetVersion}`, reprint, printedBy: user.fullName, fileName }, pdf, at);
      const sha256 = kept.sha256;
      const sheets: ReleaseSheet[] = current
        ? release.sheets.map((s) => (s.version === current.version ? { ...s, prints: s.prints + 1, sha256, kept: [...(s.kept ?? []), kept] } : s))
        : [...voidSheets(release.sheets, now, 'Sustituida por una hoja nueva.'), { version: sheetVersion, contentDigest: digest, printedAt: now, printedBy: actorOf(user), sha256, prints: 1, voided: false, voidedAt: null, voidReason: '', kept: [kept] }];
      await store.save({ ...release, sheets }, { at, actor: actorOf(user), kind: 'sheet_printed', detail: `Hoja ${sheetVersion}${reprint > 0 ? `, reimpresión ${reprint}` : ''}` });
      await ws.audit.record('document.printed', actorOf(user), `${RELEASE_FORM_LABEL} ${release.folio}`, { formato: RELEASE_FORM_LABEL, difusion: release.id, hoja: sheetVersion, reimpresion: reprint, impresion: kept.id, sha256 });
      return { fileName, mediaType: 'application/pdf', base64: pdf.toString('base64') };
    });
  }

  /** The annual programme's port: releases planned or published between two civil days (release-calendar.ts). */
  async releasesBetween(ws: Workspace, from: string, to: string): Promise<ReleaseCalendarEntry[]> {
    return calendarEntries((await this.store(ws)).all(), from, to);
  }

  /** A printed authorisation sheet as the vault kept it, byte for byte (checked against its SHA-256). */
  async keptSheet(ws: Workspace, user: User, releaseId: string, printId: string): Promise<DocumentDownload> {
    const { release } = await this.readable(ws, user, releaseId, 'ver una hoja impresa');
    const print = release.sheets.flatMap((s) => s.kept ?? []).find((p) => p.id === printId);
    if (!print) throw new AppError('NOT_FOUND', 'La difusión no tiene guardada esa impresión.');
    const pdf = await keptPrintBytes(ws.vault, print);
    return { fileName: print.fileName, mediaType: 'application/pdf', base64: pdf.toString('base64') };
  }

  /** A file of a release: its material, the signed sheet's scan or a publication's capture. */
  async file(ws: Workspace, user: User, releaseId: string, blobId: string): Promise<{ fileName: string; mediaType: string; base64: string }> {
    const { release } = await this.readable(ws, user, releaseId, 'descargar un archivo');
    const files = [...release.materials, ...(release.signature ? [release.signature.scan] : []), ...release.publications.flatMap((p) => (p.capture ? [p.capture] : []))];
    const file = files.find((f) => f.blobId === blobId);
    if (!file) throw new AppError('NOT_FOUND', 'La difusión no tiene ese archivo.');
    const blob = await readBlob(ws.vault, file.blobId);
    return { fileName: file.fileName, mediaType: blob.mediaType, base64: blob.base64 };
  }

  /**
   * Inicio: what asks for this user's attention, the most pressing first:
   * urgent releases not ratified (overdue first), lapsed authorisations, and
   * releases waiting for a step this user may take.
   */
  async attention(ws: Workspace, user: User): Promise<ReleaseAttention[]> {
    const now = this.clock();
    const areas = (await areasDoc(ws.vault)).data.areas;
    const { lapseDays } = this.settings(ws);
    const communication = user.roles.some((r) => r === 'comunicacion_social' || r === 'administrador');
    const out: ReleaseAttention[] = [];
    for (const release of (await this.store(ws)).all()) {
      if (!mayReadRelease(user, release, areas)) continue;
      const base = { releaseId: release.id, folio: release.folio, title: release.title };
      const mine = allowedReleaseActions(releaseForRules(release, areas), user);
      if (pendingRatification(release) && (communication || mine.some((a) => a === 'ratificar_revision' || a === 'ratificar_autorizacion'))) {
        const overdue = ratificationOverdue(release, now);
        out.push({ ...base, reason: 'urgente_sin_ratificar', since: release.urgent?.dueBy ?? '', label: overdue ? 'Difusión urgente con ratificación vencida' : 'Difusión urgente pendiente de ratificar' });
        continue;
      }
      if (communication && isLapsed(release, now, lapseDays)) {
        out.push({ ...base, reason: 'vencida', since: validThrough(release, lapseDays) ?? '', label: 'Autorización vencida sin publicar: cambie la fecha para autorizarla de nuevo' });
        continue;
      }
      const awaited = (AWAITED[release.state] ?? []).filter((a) => mine.includes(a));
      if (awaited.length > 0) out.push({ ...base, reason: 'espera_mi_accion', since: release.createdAt, label: [...new Set(awaited.map(actionPrompt))].join(' o ') });
    }
    const rank = { urgente_sin_ratificar: 0, vencida: 1, espera_mi_accion: 2 } as const;
    return out.sort((a, b) => rank[a.reason] - rank[b.reason] || a.since.localeCompare(b.since));
  }
}

const PROMPTS: Partial<Record<ReleaseAction, string>> = {
  validar_area: 'Espera la validación del área',
  enviar_a_validacion: 'Devuelta: corregir y volver a turnar',
  enviar_a_revision: 'Devuelta: corregir y volver a turnar',
  aprobar_revision: 'Espera revisión jurídica',
  autorizar: 'Espera la firma del Director(a) General',
  publicar: 'Autorizada: registrar su publicación',
  ratificar_revision: 'Urgente: espera ratificación jurídica',
  ratificar_autorizacion: 'Urgente: espera la autorización firmada',
};

function actionPrompt(action: ReleaseAction): string {
  return PROMPTS[action] ?? RELEASE_ACTION_DONE_LABELS[action];
}

/** The sheet in force: the last one, unless an edit voided it. */
function currentSheet(release: Pick<Release, 'sheets'>): ReleaseSheet | null {
  const last = release.sheets.at(-1);
  return last && !last.voided ? last : null;
}

function voidSheets(sheets: readonly ReleaseSheet[], at: string, reason: string): ReleaseSheet[] {
  return sheets.map((s) => (s.voided ? s : { ...s, voided: true, voidedAt: at, voidReason: reason }));
}

async function storeScan(ws: Workspace, upload: ScanUpload): Promise<AttachedFile> {
  return storeBlob(ws.vault, upload);
}
