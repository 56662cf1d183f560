import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import {
  agencyInputSchema,
  type Agency,
  type AgencyInput,
  type Agreement,
  type AgreementInput,
  type AttachedFile,
  type Obligation,
  type ObligationInput,
  type ReportDefinition,
  type ReportInput,
} from '../../../shared/domain/agencies';
import type { AgencyDetail, AgencySummary, AgreementView, Eligibility, HomeDashboard, ImportPreview, ObligationView, PeriodView, ReportsOverview } from '../../../shared/domain/directory-views';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { decodeCsvBytes } from '../csv/csv';
import {
  agreementStatus,
  checkMayReceive,
  daysBetween,
  exampleCatalogue,
  findValidAgreement,
  foldAcronym,
  foldText,
  parseAgencyCsv,
  periodsFor,
  planImport,
  todayInOffice,
  type FulfilledBy,
} from './rules';
import { agenciesDoc, agreementsDoc, readBlob, reportsDoc, storeBlob, type FileUpload } from '../vault/documents';

interface DirectoryDocs {
  agencies: Low<{ agencies: Agency[] }>;
  agreements: Low<{ agreements: Agreement[] }>;
  reports: Low<{ reports: ReportDefinition[]; obligations: Obligation[] }>;
}

export type { FileUpload } from '../vault/documents';

type Counts = { agencies: number; reports: number; obligations: number };

/** Agreement numbers compare without accents, case or surrounding spaces (punctuation matters in them). */
function foldNumber(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
}

function upsert<T extends { id: string }>(list: T[], item: T): void {
  const index = list.findIndex((x) => x.id === item.id);
  if (index >= 0) list[index] = item;
  else list.push(item);
}

/**
 * The office's directory of recipients (agencies and their agreements) and
 * the calendar of periodic reports it owes them. Everyone signed in reads;
 * only administrators change; every change is audited.
 */
export class DirectoryService {
  private readonly docs = new WeakMap<Workspace, Promise<DirectoryDocs>>();

  /**
   * @param fulfilled which report periods a delivered shipment fulfils; the
   * shipments service answers it (injected so neither service imports the other).
   */
  constructor(
    private readonly clock: () => Date,
    private readonly fulfilled: (ws: Workspace) => Promise<ReadonlyMap<string, FulfilledBy>> = () => Promise.resolve(new Map()),
  ) {}

  private open(ws: Workspace): Promise<DirectoryDocs> {
    let docs = this.docs.get(ws);
    if (!docs) {
      docs = (async () => {
        const [agencies, agreements, reports] = await Promise.all([
          agenciesDoc(ws.vault),
          agreementsDoc(ws.vault),
          reportsDoc(ws.vault),
        ]);
        return { agencies, agreements, reports };
      })();
      this.docs.set(ws, docs);
    }
    return docs;
  }

  today(): string {
    return todayInOffice(this.clock());
  }

  private view(ws: Workspace, agreement: Agreement, today: string): AgreementView {
    return {
      ...agreement,
      status: agreementStatus(agreement, today, ws.settings.data.agreementWarnDays),
      daysLeft: agreement.validTo === null ? null : daysBetween(today, agreement.validTo),
    };
  }

  private agency(docs: DirectoryDocs, agencyId: string): Agency {
    const agency = docs.agencies.data.agencies.find((a) => a.id === agencyId);
    if (!agency) throw new AppError('NOT_FOUND', 'La dependencia no existe.');
    return agency;
  }

  // ---- agencies ----------------------------------------------------------

  async list(ws: Workspace): Promise<AgencySummary[]> {
    const docs = await this.open(ws);
    const today = this.today();
    return docs.agencies.data.agencies
      .map((agency) => {
        const own = docs.agreements.data.agreements.filter((a) => a.agencyId === agency.id);
        const latest = [...own].sort((a, b) => (b.validTo ?? '9999-12-31').localeCompare(a.validTo ?? '9999-12-31'))[0] ?? null;
        const shown = findValidAgreement(own, agency.id, today) ?? latest;
        return { agency, agreement: shown ? this.view(ws, shown, today) : null, agreementCount: own.length };
      })
      .sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'es'));
  }

  async detail(ws: Workspace, agencyId: string): Promise<AgencyDetail> {
    const docs = await this.open(ws);
    const agency = this.agency(docs, agencyId);
    const today = this.today();
    const agreements = docs.agreements.data.agreements
      .filter((a) => a.agencyId === agencyId)
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))
      .map((a) => this.view(ws, a, today));
    return { agency, agreements, obligations: this.obligationViews(docs).filter((o) => o.beneficiaryAgencyId === agencyId) };
  }

  async save(ws: Workspace, actor: User, agencyId: string | undefined, input: AgencyInput): Promise<Agency> {
    const docs = await this.open(ws);
    const parsed = agencyInputSchema.parse(input);
    const clash = docs.agencies.data.agencies.find((a) => a.id !== agencyId && foldAcronym(a.acronym) === foldAcronym(parsed.acronym));
    if (clash) throw new AppError('CONFLICT', `Ya existe una dependencia con las siglas «${clash.acronym}» (${clash.name}).`);
    const now = this.clock().toISOString();
    const previous = agencyId ? this.agency(docs, agencyId) : null;
    const agency: Agency = {
      ...parsed,
      id: previous?.id ?? randomUUID(),
      recipients: parsed.recipients.map((r, i) => ({ ...r, id: previous?.recipients[i]?.id ?? randomUUID() })),
      example: previous?.example ?? false,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    };
    await docs.agencies.update((doc) => upsert(doc.agencies, agency));
    await ws.audit.record(previous ? 'agency.updated' : 'agency.created', actorOf(actor), `${agency.acronym} · ${agency.name}`, { activa: agency.active });
    return agency;
  }

  async eligibility(ws: Workspace, agencyId: string, date: string): Promise<Eligibility> {
    const docs = await this.open(ws);
    const result = checkMayReceive(this.agency(docs, agencyId), docs.agreements.data.agreements, date);
    return result.ok
      ? { ok: true, message: `Puede recibir información: convenio ${result.agreement.number} vigente.`, agreementNumber: result.agreement.number }
      : { ok: false, message: result.message, agreementNumber: null };
  }

  // ---- CSV import --------------------------------------------------------

  private async parseUpload(ws: Workspace, file: FileUpload) {
    const docs = await this.open(ws);
    const { text, encoding } = decodeCsvBytes(Buffer.from(file.base64, 'base64'));
    const parsed = parseAgencyCsv(text);
    return { docs, encoding, parsed, plan: planImport(parsed.rows, docs.agencies.data.agencies) };
  }

  async importPreview(ws: Workspace, actor: User, file: FileUpload): Promise<ImportPreview> {
    const { encoding, parsed, plan } = await this.parseUpload(ws, file);
    const updates = new Set(plan.update.map((u) => foldAcronym(u.input.acronym)));
    const duplicates = new Set(plan.duplicatesInFile);
    const rows = parsed.rows.map((row) => {
      if (!row.ok) return { line: row.line, ok: false, name: '', acronym: '', errors: row.errors, action: 'error' as const };
      const action = duplicates.has(row.line) ? ('duplicado' as const) : updates.has(foldAcronym(row.agency.acronym)) ? ('actualizar' as const) : ('crear' as const);
      return { line: row.line, ok: true, name: row.agency.name, acronym: row.agency.acronym, errors: [], action };
    });
    return {
      encoding: encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
      delimiter: parsed.delimiter === ';' ? 'punto y coma' : 'coma',
      rows,
      valid: rows.filter((r) => r.ok).length,
      invalid: rows.filter((r) => !r.ok).length,
    };
  }

  /** Writes only after the person confirmed the preview; re-parses the same bytes, so nothing unseen gets in. */
  async importApply(ws: Workspace, actor: User, file: FileUpload): Promise<{ created: number; updated: number; skipped: number }> {
    const { docs, parsed, plan } = await this.parseUpload(ws, file);
    const now = this.clock().toISOString();
    await docs.agencies.update((doc) => {
      for (const input of plan.create) {
        const p = agencyInputSchema.parse(input);
        doc.agencies.push({ ...p, id: randomUUID(), recipients: p.recipients.map((r) => ({ ...r, id: randomUUID() })), example: false, createdAt: now, updatedAt: now });
      }
      for (const { id, input } of plan.update) {
        const index = doc.agencies.findIndex((a) => a.id === id);
        const current = doc.agencies[index];
        if (!current) continue;
        const p = agencyInputSchema.parse(input);
        // Recipients keep their ids across re-imports (shipments will refer to them by id).
        const idOf = (name: string) => current.recipients.find((r) => foldText(r.fullName) === foldText(name))?.id ?? randomUUID();
        const recipients = p.recipients.length > 0 ? p.recipients.map((r) => ({ ...r, id: idOf(r.fullName) })) : current.recipients;
        doc.agencies[index] = { ...current, ...p, recipients, updatedAt: now };
      }
    });
    const skipped = parsed.rows.length - plan.create.length - plan.update.length;
    await ws.audit.record('agency.imported', actorOf(actor), `${file.fileName}: ${plan.create.length} nuevas, ${plan.update.length} actualizadas, ${skipped} omitidas`);
    return { created: plan.create.length, updated: plan.update.length, skipped };
  }

  // ---- agreements --------------------------------------------------------

  async saveAgreement(ws: Workspace, actor: User, agreementId: string | undefined, input: AgreementInput, document: FileUpload | null | undefined): Promise<Agreement> {
    const docs = await this.open(ws);
    const agency = this.agency(docs, input.agencyId);
    const previous = agreementId ? docs.agreements.data.agreements.find((a) => a.id === agreementId) : undefined;
    if (agreementId && !previous) throw new AppError('NOT_FOUND', 'El convenio no existe.');
    const duplicate = docs.agreements.data.agreements.find((a) => a.id !== agreementId && a.agencyId === agency.id && foldNumber(a.number) === foldNumber(input.number));
    if (duplicate) throw new AppError('CONFLICT', `La dependencia ${agency.acronym} ya tiene registrado el convenio ${duplicate.number}.`);
    let attached: AttachedFile | null = previous?.document ?? null;
    if (document !== undefined) attached = document === null ? null : await storeBlob(ws.vault, document);
    const agreement: Agreement = {
      agencyId: input.agencyId,
      number: input.number.trim(),
      scope: input.scope.trim(),
      signedOn: input.signedOn,
      validFrom: input.validFrom,
      validTo: input.validTo,
      id: previous?.id ?? randomUUID(),
      document: attached,
      example: previous?.example ?? false,
      createdAt: previous?.createdAt ?? this.clock().toISOString(),
    };
    await docs.agreements.update((doc) => upsert(doc.agreements, agreement));
    await ws.audit.record(previous ? 'agreement.updated' : 'agreement.created', actorOf(actor), `${agency.acronym} · convenio ${agreement.number}`, {
      vigencia: `${agreement.validFrom} a ${agreement.validTo ?? 'indefinida'}`,
      ...(attached ? { documento: attached.sha256 } : {}),
    });
    return agreement;
  }

  async agreementDocument(ws: Workspace, agreementId: string): Promise<FileUpload> {
    const docs = await this.open(ws);
    const agreement = docs.agreements.data.agreements.find((a) => a.id === agreementId);
    if (!agreement?.document) throw new AppError('NOT_FOUND', 'El convenio no tiene documento escaneado.');
    const blob = await readBlob(ws.vault, agreement.document.blobId);
    return { fileName: agreement.document.fileName, mediaType: blob.mediaType, base64: blob.base64 };
  }

  // ---- reports -----------------------------------------------------------

  private obligationViews(docs: DirectoryDocs): ObligationView[] {
    return docs.reports.data.obligations.map((o) => {
      const report = docs.reports.data.reports.find((r) => r.id === o.reportId);
      const agency = docs.agencies.data.agencies.find((a) => a.id === o.beneficiaryAgencyId);
      return { ...o, reportName: report?.name ?? '(reporte eliminado)', beneficiary: agency ? { id: agency.id, acronym: agency.acronym, name: agency.name } : null };
    });
  }

  private async periodViews(ws: Workspace, docs: DirectoryDocs, today: string): Promise<PeriodView[]> {
    const fulfilled = await this.fulfilled(ws);
    return this.obligationViews(docs)
      .filter((o) => o.active)
      .flatMap((o) => periodsFor(o, today, fulfilled).map((p) => ({ ...p, reportName: o.reportName, beneficiaryAcronym: o.beneficiary?.acronym ?? '—' })))
      .sort((a, b) => b.due.localeCompare(a.due));
  }

  async overview(ws: Workspace): Promise<ReportsOverview> {
    const docs = await this.open(ws);
    const today = this.today();
    const { reports, obligations } = docs.reports.data;
    const hasExampleData = reports.some((r) => r.example) || obligations.some((o) => o.example) || docs.agencies.data.agencies.some((a) => a.example);
    return { today, reports, obligations: this.obligationViews(docs), periods: await this.periodViews(ws, docs, today), hasExampleData };
  }

  async saveReport(ws: Workspace, actor: User, reportId: string | undefined, input: ReportInput): Promise<ReportDefinition> {
    const docs = await this.open(ws);
    const previous = reportId ? docs.reports.data.reports.find((r) => r.id === reportId) : undefined;
    if (reportId && !previous) throw new AppError('NOT_FOUND', 'El reporte no existe.');
    const report: ReportDefinition = {
      name: input.name.trim(),
      producingArea: input.producingArea.trim(),
      internal: input.internal,
      external: input.external,
      description: (input.description ?? '').trim(),
      id: previous?.id ?? randomUUID(),
      example: previous?.example ?? false,
    };
    await docs.reports.update((doc) => upsert(doc.reports, report));
    await ws.audit.record('report.saved', actorOf(actor), report.name);
    return report;
  }

  async saveObligation(ws: Workspace, actor: User, obligationId: string | undefined, input: ObligationInput, active: boolean): Promise<Obligation> {
    const docs = await this.open(ws);
    const report = docs.reports.data.reports.find((r) => r.id === input.reportId);
    if (!report) throw new AppError('NOT_FOUND', 'El reporte elegido no existe.');
    const agency = this.agency(docs, input.beneficiaryAgencyId);
    const previous = obligationId ? docs.reports.data.obligations.find((o) => o.id === obligationId) : undefined;
    if (obligationId && !previous) throw new AppError('NOT_FOUND', 'La obligación no existe.');
    const obligation: Obligation = { ...input, id: previous?.id ?? randomUUID(), active, example: previous?.example ?? false };
    await docs.reports.update((doc) => upsert(doc.obligations, obligation));
    await ws.audit.record('obligation.saved', actorOf(actor), `${report.name} → ${agency.acronym} (${obligation.frequency})`);
    return obligation;
  }

  async loadExample(ws: Workspace, actor: User): Promise<Counts> {
    const docs = await this.open(ws);
    if (docs.reports.data.reports.some((r) => r.example)) throw new AppError('CONFLICT', 'El catálogo de ejemplo ya está cargado.');
    const catalogue = exampleCatalogue(this.today());
    const now = this.clock().toISOString();
    const byAcronym = new Map(docs.agencies.data.agencies.map((a) => [foldAcronym(a.acronym), a]));
    const newAgencies: Agency[] = [];
    for (const input of catalogue.agencies) {
      if (byAcronym.has(foldAcronym(input.acronym))) continue; // the office's own record wins over the example
      const p = agencyInputSchema.parse(input);
      const agency: Agency = { ...p, id: randomUUID(), recipients: p.recipients.map((r) => ({ ...r, id: randomUUID() })), example: true, createdAt: now, updatedAt: now };
      newAgencies.push(agency);
      byAcronym.set(foldAcronym(agency.acronym), agency);
    }
    const newAgreements: Agreement[] = catalogue.agreements.flatMap(({ agencyAcronym, ...a }) => {
      const agency = byAcronym.get(foldAcronym(agencyAcronym));
      if (!agency?.example) return [];
      return [{ agencyId: agency.id, number: a.number, scope: a.scope, signedOn: a.signedOn, validFrom: a.validFrom, validTo: a.validTo, id: randomUUID(), document: null, example: true, createdAt: now }];
    });
    const reports: ReportDefinition[] = catalogue.reports.map((r) => ({
      name: r.name,
      producingArea: r.producingArea,
      internal: r.internal,
      external: r.external,
      description: r.description ?? '',
      id: randomUUID(),
      example: true,
    }));
    const obligations: Obligation[] = catalogue.obligations.flatMap((o) => {
      const report = reports.find((r) => r.name === o.reportName);
      const agency = byAcronym.get(foldAcronym(o.beneficiaryAcronym));
      if (!report || !agency) return [];
      return [{ reportId: report.id, beneficiaryAgencyId: agency.id, frequency: o.frequency, dueDay: o.dueDay, usualChannel: o.usualChannel, startsOn: o.startsOn, id: randomUUID(), active: true, example: true }];
    });
    await docs.agencies.update((doc) => void doc.agencies.push(...newAgencies));
    await docs.agreements.update((doc) => void doc.agreements.push(...newAgreements));
    await docs.reports.update((doc) => {
      doc.reports.push(...reports);
      doc.obligations.push(...obligations);
    });
    const counts = { agencies: newAgencies.length, reports: reports.length, obligations: obligations.length };
    await ws.audit.record('example.loaded', actorOf(actor), `${counts.agencies} dependencias, ${counts.reports} reportes, ${counts.obligations} obligaciones`);
    return counts;
  }

  async removeExample(ws: Workspace, actor: User): Promise<Counts> {
    const docs = await this.open(ws);
    const exampleAgencies = new Set(docs.agencies.data.agencies.filter((a) => a.example).map((a) => a.id));
    const keepObligation = (o: Obligation) => !o.example && !exampleAgencies.has(o.beneficiaryAgencyId);
    const counts = {
      agencies: exampleAgencies.size,
      reports: 0,
      obligations: docs.reports.data.obligations.filter((o) => !keepObligation(o)).length,
    };
    await docs.reports.update((doc) => {
      doc.obligations = doc.obligations.filter(keepObligation);
      const used = new Set(doc.obligations.map((o) => o.reportId));
      const before = doc.reports.length;
      doc.reports = doc.reports.filter((r) => !r.example || used.has(r.id));
      counts.reports = before - doc.reports.length;
    });
    await docs.agreements.update((doc) => void (doc.agreements = doc.agreements.filter((a) => !a.example && !exampleAgencies.has(a.agencyId))));
    await docs.agencies.update((doc) => void (doc.agencies = doc.agencies.filter((a) => !a.example)));
    await ws.audit.record('example.removed', actorOf(actor), `${counts.agencies} dependencias, ${counts.reports} reportes, ${counts.obligations} obligaciones`);
    return counts;
  }

  // ---- home --------------------------------------------------------------

  async dashboard(ws: Workspace): Promise<HomeDashboard> {
    const docs = await this.open(ws);
    const today = this.today();
    const month = today.slice(0, 7);
    const acronymOf = (id: string) => docs.agencies.data.agencies.find((a) => a.id === id)?.acronym ?? '—';
    const activeAgencies = docs.agencies.data.agencies.filter((a) => a.active);
    const activeIds = new Set(activeAgencies.map((a) => a.id));
    const views = docs.agreements.data.agreements.filter((a) => activeIds.has(a.agencyId)).map((a) => this.view(ws, a, today));
    // An agency whose expired agreement was renewed is not a problem: list only agencies left without a valid one.
    const covered = new Set(activeAgencies.filter((a) => findValidAgreement(docs.agreements.data.agreements, a.id, today)).map((a) => a.id));
    const periods = await this.periodViews(ws, docs, today);
    return {
      today,
      agreementsExpiring: views
        .filter((a) => a.status === 'por_vencer')
        .sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0))
        .map((a) => ({ agencyId: a.agencyId, acronym: acronymOf(a.agencyId), number: a.number, validTo: a.validTo ?? '', daysLeft: a.daysLeft ?? 0 })),
      agreementsExpired: views
        .filter((a) => a.status === 'vencido' && !covered.has(a.agencyId))
        .map((a) => ({ agencyId: a.agencyId, acronym: acronymOf(a.agencyId), number: a.number, validTo: a.validTo ?? '' })),
      dueThisMonth: periods.filter((p) => p.due.startsWith(month) && p.status === 'pendiente').reverse(),
      overdue: periods.filter((p) => p.status === 'vencido'),
      agencies: { total: activeAgencies.length, withValidAgreement: covered.size },
      shipmentsByState: {},
      damage: { months: [], shipments: [] },
      waiting: [],
    };
  }
}
