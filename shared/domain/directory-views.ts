import type { WaitingShipment } from './shipments';
import type { ShipmentState } from './shipment-states';
import type { Agency, Agreement, AgreementStatus, Obligation, ReportDefinition, ReportPeriod } from './agencies';

/** What the screens receive: records plus what the core derived from them. */
export interface AgreementView extends Agreement {
  status: AgreementStatus;
  /** Days until validTo (negative once expired); null when indefinite. */
  daysLeft: number | null;
}

export interface AgencySummary {
  agency: Agency;
  /** The agreement that lets it receive information today, or the most recent one. */
  agreement: AgreementView | null;
  agreementCount: number;
}

export interface AgencyDetail {
  agency: Agency;
  agreements: AgreementView[];
  obligations: ObligationView[];
}

export interface ObligationView extends Obligation {
  reportName: string;
  beneficiary: { id: string; acronym: string; name: string } | null;
}

export interface PeriodView extends ReportPeriod {
  reportName: string;
  beneficiaryAcronym: string;
}

export interface ReportsOverview {
  today: string;
  reports: ReportDefinition[];
  obligations: ObligationView[];
  /** Newest first, for every obligation. */
  periods: PeriodView[];
  hasExampleData: boolean;
}

export interface Eligibility {
  ok: boolean;
  message: string;
  agreementNumber: string | null;
}

export interface ImportRowView {
  line: number;
  ok: boolean;
  name: string;
  acronym: string;
  errors: string[];
  action: 'crear' | 'actualizar' | 'duplicado' | 'error';
}

export interface ImportPreview {
  encoding: string;
  delimiter: string;
  rows: ImportRowView[];
  valid: number;
  invalid: number;
}

export interface HomeDashboard {
  today: string;
  agreementsExpiring: { agencyId: string; acronym: string; number: string; validTo: string; daysLeft: number }[];
  agreementsExpired: { agencyId: string; acronym: string; number: string; validTo: string }[];
  dueThisMonth: PeriodView[];
  overdue: PeriodView[];
  agencies: { total: number; withValidAgreement: number };
  /** Shipments per state (states with none are left out). */
  shipmentsByState: Partial<Record<ShipmentState, number>>;
  /** Shipments whose next step the signed-in user may take, the longest waiting first. */
  waiting: WaitingShipment[];
  /** Records found unreadable on disk (none in a healthy vault): what Inicio names, and what a repair from a backup fixes. */
  damage: RecordDamage;
}

/** Records that cannot be read because their bytes on disk are damaged. */
export interface RecordDamage {
  /** months with damaged frames, per kind of record */
  months: Array<{ records: 'envios' | 'custodia' | 'bitacora' | 'impresiones'; month: string; frames: number }>;
  /** shipments that cannot be opened because of it */
  shipments: Array<{ id: string; folio: string | null; subject: string | null }>;
}
