/**
 * Comunicación Social's register of social-network accounts and the custody
 * of their passwords (docs/DOMAIN.md, «Cuentas de redes sociales»). Who may
 * call each operation is declared per channel in the contract; the rules
 * that depend on the record are in account-rules.ts. Every change is one
 * frame of the account's stream and one audit entry.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CivilDate } from '../../../shared/domain/agencies';
import type { AuditAction } from '../../../shared/domain/audit';
import {
  ACCOUNT_KIND_LABELS,
  CUSTODY_END_REASON_LABELS,
  INCIDENT_KIND_LABELS,
  INCIDENT_STEPS,
  INCIDENT_STEP_LABELS,
  NETWORK_LABELS,
  ROTATION_REASON_LABELS,
  needsAttention,
  type AccountDetail,
  type AccountView,
  type CustodianCandidate,
  type CustodyEndReason,
  type ParsedCustodyInput,
  type ParsedIncidentInput,
  type ParsedIncidentStepInput,
  type ParsedAccountInput,
  type PasswordRotation,
  type RotationInput,
  type SocialAccount,
} from '../../../shared/domain/social-accounts';
import type { ScanUpload } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import type { DocumentDownload } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { todayInOffice } from '../agencies/rules/civil-date';
import type { FormInputs, FormName } from '../documents/forms';
import { renderForm } from '../documents/render-on-demand';
import { canonicalJson } from '../integrity/canonical-json';
import { readBlob, storeBlob } from '../vault/documents';
import { keepPrint, keptPrintBytes } from '../vault/kept-prints';
import { accountView, currentCustodies, custodiesOfUser, endCustody, openIncident, recordIncidentStep, recordRotation } from './account-rules';
import { AccountStore, type AccountChangeKind } from './account-store';
import { publicDirectoryAccounts, publicDirectoryCsv, publicDirectoryFileName, publicKindLabel } from './public-directory';

const REBUILD_WORDS = { missing: 'no había punto de control', damaged: 'el punto de control estaba dañado', stale: 'el punto de control no correspondía a los registros' } as const;

export class SocialAccountService {
  private readonly stores = new WeakMap<Workspace, Promise<AccountStore>>();

  constructor(
    private readonly clock: () => Date,
    private readonly render: <N extends FormName>(name: N, input: FormInputs[N]) => Promise<Buffer> = renderForm,
  ) {}

  private store(ws: Workspace): Promise<AccountStore> {
    let opened = this.stores.get(ws);
    if (!opened) {
      opened = AccountStore.open(ws.vault).then(async (store) => {
        if (store.rebuiltBecause) await ws.audit.record('vault.index_rebuilt', null, 'Directorio de cuentas de redes sociales', { motivo: REBUILD_WORDS[store.rebuiltBecause], cuentas: store.all().length });
        return store;
      });
      opened.catch(() => this.stores.delete(ws));
      this.stores.set(ws, opened);
    }
    return opened;
  }

  private today(): CivilDate {
    return todayInOffice(this.clock());
  }

  /** Today's status of an account, with the office's revalidation period (Configuración). */
  private view(ws: Workspace, account: SocialAccount, today: CivilDate): AccountView {
    return accountView(account, today, ws.settings.data.accountRevalidationMonths);
  }

  private async save(ws: Workspace, user: User, next: SocialAccount, kind: AccountChangeKind, action: AuditAction, detail: string): Promise<AccountView> {
    const at = this.clock();
    const saved = await (await this.store(ws)).save(next, { at, actor: actorOf(user), kind, detail });
    await ws.audit.record(action, actorOf(user), `${NETWORK_LABELS[saved.network]} ${saved.handle}`, { cuenta: saved.id, detalle: detail });
    return this.view(ws, saved, todayInOffice(at));
  }

  /** The directory, with today's status of each account; removed ones last. */
  async list(ws: Workspace): Promise<AccountView[]> {
    const today = this.today();
    const views = (await this.store(ws)).all().map((a) => this.view(ws, a, today));
    const rank = (v: AccountView) => (v.status === 'dada_de_baja' ? 1 : 0);
    return views.sort((a, b) => rank(a) - rank(b) || a.account.network.localeCompare(b.account.network) || a.account.handle.localeCompare(b.account.handle, 'es-MX'));
  }

  /** Inicio: the accounts en revisión or owing a password change, the oldest debt first. */
  async attention(ws: Workspace): Promise<AccountView[]> {
    const since = (v: AccountView) => v.pendingRotation?.since ?? v.revalidationDueOn;
    return (await this.list(ws)).filter(needsAttention).sort((a, b) => since(a).localeCompare(since(b)));
  }

  /** The active users of Valija, by name, for naming one of them custodian (the users list itself is the administrator's). */
  custodianCandidates(ws: Workspace): CustodianCandidate[] {
    return ws.users.data.users
      .filter((u) => u.active)
      .map((u) => ({ userId: u.id, fullName: u.fullName, position: u.position }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'es-MX'));
  }

  async get(ws: Workspace, accountId: string): Promise<AccountDetail> {
    const store = await this.store(ws);
    return { ...this.view(ws, store.get(accountId), this.today()), history: await store.history(accountId) };
  }

  async create(ws: Workspace, user: User, input: ParsedAccountInput): Promise<AccountView> {
    const store = await this.store(ws);
    const duplicate = store.all().find((a) => a.removedOn === null && a.network === input.network && a.handle.toLowerCase() === input.handle.toLowerCase());
    if (duplicate) throw new AppError('CONFLICT', `La cuenta ${input.handle} de ${NETWORK_LABELS[input.network]} ya está en el directorio.`);
    if (input.addedOn > this.today()) throw new AppError('VALIDATION', 'La fecha de alta no puede ser posterior a hoy.');
    const account: SocialAccount = {
      ...input,
      id: randomUUID(),
      removedOn: null,
      status: 'activa',
      lastValidatedOn: input.addedOn,
      requestScan: null,
      custodies: [],
      rotations: [],
      pendingRotation: null,
      incidents: [],
    };
    return this.save(ws, user, account, 'created', 'social_account.created', account.kind === 'oficial' ? 'Cuenta oficial' : `Cuenta personal de ${account.holder?.fullName ?? ''}`);
  }

  async update(ws: Workspace, user: User, accountId: string, input: ParsedAccountInput): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    const next: SocialAccount = { ...prev, ...input, addedOn: prev.addedOn };
    return this.save(ws, user, next, 'updated', 'social_account.updated', 'Datos de la cuenta');
  }

  /** Someone checked the account still exists and is the institution's: the six-month clock starts again. */
  async validate(ws: Workspace, user: User, accountId: string, on: CivilDate): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    if (on > this.today()) throw new AppError('VALIDATION', 'La fecha de validación no puede ser posterior a hoy.');
    if (on < prev.lastValidatedOn) throw new AppError('VALIDATION', `La cuenta ya se validó el ${prev.lastValidatedOn}.`);
    return this.save(ws, user, { ...prev, lastValidatedOn: on, status: 'activa' }, 'validated', 'social_account.validated', `Validada el ${on}`);
  }

  /** Removing an account ends every running custody; its password is then changed as for any custodian leaving. */
  async remove(ws: Workspace, user: User, accountId: string, on: CivilDate, reason: string): Promise<AccountView> {
    let next = this.editable((await this.store(ws)).get(accountId));
    if (on < next.addedOn) throw new AppError('VALIDATION', 'La baja no puede ser anterior al alta de la cuenta.');
    for (const c of currentCustodies(next)) next = endCustody(next, c.id, on, 'baja_de_cuenta');
    return this.save(ws, user, { ...next, removedOn: on, status: 'dada_de_baja', notes: reason ? `${next.notes}${next.notes ? '\n' : ''}Baja: ${reason}` : next.notes }, 'removed', 'social_account.removed', reason || 'Sin motivo indicado');
  }

  async startCustody(ws: Workspace, user: User, accountId: string, parsed: ParsedCustodyInput): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    if (parsed.startedOn < prev.addedOn) throw new AppError('VALIDATION', 'La custodia no puede empezar antes del alta de la cuenta.');
    if (parsed.custodian.userId !== null && !ws.users.data.users.some((u) => u.id === parsed.custodian.userId && u.active)) {
      throw new AppError('VALIDATION', 'El custodio elegido no es un usuario activo de Valija.');
    }
    const same = currentCustodies(prev).find((c) => c.custodian.fullName.toLowerCase() === parsed.custodian.fullName.toLowerCase());
    if (same) throw new AppError('CONFLICT', `${same.custodian.fullName} ya tiene la custodia de esta contraseña desde el ${same.startedOn}.`);
    const custody = { ...parsed, id: randomUUID(), endedOn: null, endReason: null, acknowledgementScan: null };
    return this.save(ws, user, { ...prev, custodies: [...prev.custodies, custody] }, 'custody_started', 'social_account.custody_started', `${custody.custodian.fullName}, desde el ${custody.startedOn}`);
  }

  async endCustody(ws: Workspace, user: User, accountId: string, custodyId: string, on: CivilDate, reason: CustodyEndReason): Promise<AccountView> {
    const prev = (await this.store(ws)).get(accountId);
    const next = endCustody(prev, custodyId, on, reason);
    const who = prev.custodies.find((c) => c.id === custodyId)?.custodian.fullName ?? '';
    return this.save(ws, user, next, 'custody_ended', 'social_account.custody_ended', `${who}, el ${on} (${CUSTODY_END_REASON_LABELS[reason]}); cambio de contraseña pendiente`);
  }

  async recordRotation(ws: Workspace, user: User, accountId: string, rotation: Required<RotationInput>): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    if (rotation.on > this.today()) throw new AppError('VALIDATION', 'La fecha del cambio de contraseña no puede ser posterior a hoy.');
    const entry: PasswordRotation = { ...rotation };
    return this.save(ws, user, recordRotation(prev, entry), 'rotated', 'social_account.rotation_recorded', `${ROTATION_REASON_LABELS[rotation.reason]}, el ${rotation.on}, por ${rotation.changedBy}`);
  }

  /**
   * A user deactivated in Valija stops managing every account they held the
   * password of (décima quinta): each custody ends that day and its account
   * owes a password change. Called by the users' deactivation.
   */
  async userDeactivated(ws: Workspace, actor: User, userId: string): Promise<number> {
    const store = await this.store(ws);
    const held = custodiesOfUser(store.all(), userId);
    const on = this.today();
    for (const { accountId, custodyId } of held) await this.endCustody(ws, actor, accountId, custodyId, on, 'baja_de_usuario');
    return held.length;
  }

  /** Octava: the public directory as CSV for Excel (UTF-8 with BOM), ready for the transparency portal. */
  async exportPublicDirectory(ws: Workspace, user: User): Promise<{ fileName: string; mediaType: string; base64: string }> {
    const accounts = (await this.store(ws)).all();
    const listed = publicDirectoryAccounts(accounts).length;
    const csv = publicDirectoryCsv(accounts);
    await ws.audit.record('social_account.directory_exported', actorOf(user), `Directorio público de cuentas (${listed} cuentas)`, { cuentas: listed });
    return { fileName: publicDirectoryFileName(this.today()), mediaType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') };
  }

  /** Octava: the same public directory, printed for the transparency portal and the files. Audited with the PDF's SHA-256. */
  async printPublicDirectory(ws: Workspace, user: User): Promise<{ fileName: string; mediaType: string; base64: string }> {
    const listed = publicDirectoryAccounts((await this.store(ws)).all());
    const office = ws.office.data;
    const pdf = await this.render('publicDirectory', {
      office: { institution: office.institution, unit: office.unit, acronym: office.acronym, address: office.address, ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) },
      accounts: listed.map((a) => ({
        network: NETWORK_LABELS[a.network],
        handle: a.handle,
        url: a.url,
        kind: publicKindLabel(a),
        holder: a.holder ? `${a.holder.fullName}, ${a.holder.position}` : '',
        area: a.area,
        lastValidatedOn: a.lastValidatedOn,
      })),
      printedAt: this.clock().toISOString(),
      printedBy: { fullName: user.fullName, position: user.position },
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await ws.audit.record('document.printed', actorOf(user), `Directorio público de cuentas (${listed.length} cuentas)`, { formato: 'Directorio público de cuentas', cuentas: listed.length, sha256 });
    return { fileName: publicDirectoryFileName(this.today()).replace(/\.csv$/, '.pdf'), mediaType: 'application/pdf', base64: pdf.toString('base64') };
  }

  /**
   * The «resguardo» the custodian signs by hand: the account, the custody and
   * the duties, with a QR of its code and of the digest of the custody record
   * it acknowledges. Audited with the SHA-256 of the PDF.
   */
  async printAcknowledgement(ws: Workspace, user: User, accountId: string, custodyId: string): Promise<DocumentDownload> {
    const account = (await this.store(ws)).get(accountId);
    const custody = account.custodies.find((c) => c.id === custodyId);
    if (!custody) throw new AppError('NOT_FOUND', 'La cuenta no tiene ese custodio.');
    const code = acknowledgementCode(account, custodyId);
    const digest = acknowledgementDigest(account, custodyId);
    const subject = `custodia:${custodyId}`;
    const reprint = (account.prints ?? []).filter((p) => p.subject === subject).length;
    const at = this.clock();
    const office = ws.office.data;
    const pdf = await this.render('custodyAcknowledgement', {
      office: { institution: office.institution, unit: office.unit, acronym: office.acronym, address: office.address, ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) },
      code,
      digest,
      account: { network: NETWORK_LABELS[account.network], handle: account.handle, url: account.url, kind: ACCOUNT_KIND_LABELS[account.kind], area: account.area },
      custodian: { fullName: custody.custodian.fullName, position: custody.custodian.position, area: custody.custodian.area },
      startedOn: custody.startedOn,
      keptIn: custody.keptIn,
      secondFactorHeldBy: custody.secondFactorHeldBy,
      recoveryContact: custody.recoveryContact,
      printedAt: at.toISOString(),
      reprint,
      handedOverBy: { fullName: user.fullName, position: user.position },
    });
    const fileName = reprint === 0 ? `resguardo-${code}.pdf` : `resguardo-${code}-reimpresion-${reprint}.pdf`;
    const label = reprint === 0 ? `Resguardo de contraseña ${code}` : `Resguardo de contraseña ${code} (reimpresión ${reprint})`;
    return this.keep(ws, user, account, { form: 'custodyAcknowledgement', subject, reprint, fileName, label, formato: 'Resguardo de contraseña', details: { custodia: custodyId } }, pdf, at);
  }

  /**
   * The printed bytes are the record: the PDF is kept in the vault, listed on
   * the account (one frame), and the print audited with its id and SHA-256.
   */
  private async keep(
    ws: Workspace,
    user: User,
    account: SocialAccount,
    print: { form: FormName; subject: string; reprint: number; fileName: string; label: string; formato: string; details: Record<string, string> },
    pdf: Buffer,
    at: Date,
  ): Promise<DocumentDownload> {
    const kept = await keepPrint(ws.vault, { form: print.form, subject: print.subject, reprint: print.reprint, printedBy: user.fullName, fileName: print.fileName }, pdf, at);
    await (await this.store(ws)).save({ ...account, prints: [...(account.prints ?? []), kept] }, { at, actor: actorOf(user), kind: 'printed', detail: print.label });
    await ws.audit.record('document.printed', actorOf(user), print.label, { formato: print.formato, cuenta: account.id, ...print.details, impresion: kept.id, sha256: kept.sha256 });
    return { fileName: print.fileName, mediaType: 'application/pdf', base64: pdf.toString('base64') };
  }

  /** A print as the vault kept it, byte for byte (checked against its SHA-256). */
  async keptPrint(ws: Workspace, accountId: string, printId: string): Promise<DocumentDownload> {
    const account = (await this.store(ws)).get(accountId);
    const print = (account.prints ?? []).find((p) => p.id === printId);
    if (!print) throw new AppError('NOT_FOUND', 'La cuenta no tiene guardada esa impresión.');
    const pdf = await keptPrintBytes(ws.vault, print);
    return { fileName: print.fileName, mediaType: 'application/pdf', base64: pdf.toString('base64') };
  }

  /** The signed resguardo, scanned, kept encrypted with its custody. */
  async registerAcknowledgementScan(ws: Workspace, user: User, accountId: string, custodyId: string, scan: ScanUpload): Promise<AccountView> {
    const prev = (await this.store(ws)).get(accountId);
    const custody = prev.custodies.find((c) => c.id === custodyId);
    if (!custody) throw new AppError('NOT_FOUND', 'La cuenta no tiene ese custodio.');
    const file = await storeBlob(ws.vault, scan);
    const next = { ...prev, custodies: prev.custodies.map((c) => (c.id === custodyId ? { ...c, acknowledgementScan: file } : c)) };
    return this.save(ws, user, next, 'acknowledgement_scan', 'social_account.updated', `Resguardo firmado de ${custody.custodian.fullName} (${file.fileName}, SHA-256 ${file.sha256.slice(0, 12)}…)`);
  }

  /** The servant's express request to list a personal account (quinta), scanned. */
  async registerRequestScan(ws: Workspace, user: User, accountId: string, scan: ScanUpload): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    if (prev.kind === 'oficial') throw new AppError('VALIDATION', 'Una cuenta oficial no lleva solicitud de un servidor público.');
    const file = await storeBlob(ws.vault, scan);
    return this.save(ws, user, { ...prev, requestScan: file }, 'request_scan', 'social_account.updated', `Solicitud de ${prev.holder?.fullName ?? ''} (${file.fileName})`);
  }

  /** A stored scan (request or signed resguardo), decrypted. */
  async scan(ws: Workspace, accountId: string, which: { custodyId: string } | 'request'): Promise<{ fileName: string; mediaType: string; base64: string }> {
    const account = (await this.store(ws)).get(accountId);
    const file = which === 'request' ? account.requestScan : (account.custodies.find((c) => c.id === which.custodyId)?.acknowledgementScan ?? null);
    if (!file) throw new AppError('NOT_FOUND', 'No hay documento escaneado registrado.');
    const blob = await readBlob(ws.vault, file.blobId);
    return { fileName: file.fileName, mediaType: blob.mediaType, base64: blob.base64 };
  }

  /** Theft, loss or unauthorised access: opens the protocol and a password change. */
  async openIncident(ws: Workspace, user: User, accountId: string, input: ParsedIncidentInput): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    if (Date.parse(input.detectedAt) > this.clock().getTime()) throw new AppError('VALIDATION', 'La hora de detección no puede ser posterior a ahora.');
    const next = openIncident(prev, { id: randomUUID(), kind: input.kind, description: input.description, openedBy: user.fullName, detectedAt: input.detectedAt });
    return this.save(ws, user, next, 'incident_opened', 'social_account.incident_opened', `${INCIDENT_KIND_LABELS[input.kind]}: ${input.description}`);
  }

  async recordIncidentStep(ws: Workspace, user: User, accountId: string, incidentId: string, input: ParsedIncidentStepInput): Promise<AccountView> {
    const prev = (await this.store(ws)).get(accountId);
    if (Date.parse(input.at) > this.clock().getTime()) throw new AppError('VALIDATION', 'La hora del paso no puede ser posterior a ahora.');
    const next = recordIncidentStep(prev, incidentId, input.step, { at: input.at, note: input.note, recordedBy: user.fullName });
    const closing = input.step === 'cerrado';
    return this.save(ws, user, next, closing ? 'incident_closed' : 'incident_step', closing ? 'social_account.incident_closed' : 'social_account.incident_step', `${INCIDENT_STEP_LABELS[input.step]}${input.note ? `: ${input.note}` : ''}`);
  }

  /** The incident's report with its protocol's steps and times, to sign. Audited with the PDF's SHA-256. */
  async printIncidentReport(ws: Workspace, user: User, accountId: string, incidentId: string): Promise<DocumentDownload> {
    const account = (await this.store(ws)).get(accountId);
    const index = account.incidents.findIndex((i) => i.id === incidentId);
    const incident = account.incidents[index];
    if (!incident) throw new AppError('NOT_FOUND', 'La cuenta no tiene ese incidente.');
    const code = `IN-${accountCode(account)}-${String(index + 1).padStart(2, '0')}`;
    const at = this.clock();
    const subject = `incidente:${incidentId}`;
    const earlier = (account.prints ?? []).filter((p) => p.subject === subject).length;
    const office = ws.office.data;
    const pdf = await this.render('incidentReport', {
      office: { institution: office.institution, unit: office.unit, acronym: office.acronym, address: office.address, ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) },
      code,
      account: { network: NETWORK_LABELS[account.network], handle: account.handle, kind: ACCOUNT_KIND_LABELS[account.kind], area: account.area },
      kind: INCIDENT_KIND_LABELS[incident.kind],
      description: incident.description,
      openedBy: incident.openedBy,
      steps: INCIDENT_STEPS.map((step) => {
        const done = incident.steps[step];
        return { label: INCIDENT_STEP_LABELS[step], at: done?.at ?? null, note: done?.note ?? '', recordedBy: done?.recordedBy ?? '' };
      }),
      printedAt: at.toISOString(),
      printedBy: { fullName: user.fullName, position: user.position },
    });
    // Each print of a report is a new state of the protocol, not a reprint of the same sheet: numbered, not marked.
    const fileName = earlier === 0 ? `incidente-${code}.pdf` : `incidente-${code}-impresion-${earlier + 1}.pdf`;
    return this.keep(ws, user, account, { form: 'incidentReport', subject, reprint: earlier, fileName, label: `Reporte de incidente ${code}`, formato: 'Reporte de incidente', details: { incidente: incidentId } }, pdf, at);
  }

  private editable(account: SocialAccount): SocialAccount {
    if (account.removedOn !== null) throw new AppError('CONFLICT', `La cuenta se dio de baja el ${account.removedOn}: ya no se modifica.`);
    return account;
  }
}

/** The account in printed codes: network and handle, letters and digits only (a QR field holds no «|»). */
function accountCode(account: SocialAccount): string {
  const handle = account.handle.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '').toUpperCase().slice(0, 24) || 'CUENTA';
  return `${account.network.toUpperCase()}-${handle}`;
}

/** The resguardo's printed code: the account and the custody's number on it. */
export function acknowledgementCode(account: SocialAccount, custodyId: string): string {
  const n = account.custodies.findIndex((c) => c.id === custodyId) + 1;
  return `RC-${accountCode(account)}-${String(n).padStart(2, '0')}`;
}

/** SHA-256 of what the resguardo acknowledges: the account's identity and the custody as recorded. */
export function acknowledgementDigest(account: SocialAccount, custodyId: string): string {
  const custody = account.custodies.find((c) => c.id === custodyId);
  const acknowledged = { accountId: account.id, network: account.network, handle: account.handle, custody: custody ? { ...custody, acknowledgementScan: null, endedOn: null, endReason: null } : null };
  return createHash('sha256').update(canonicalJson(acknowledged)).digest('hex');
}
