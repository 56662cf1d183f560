import { z } from 'zod';
import '../validation';
import type { AppInfo } from '../domain/app-info';
import { AUDIT_ACTIONS, type AuditEntry, type AuditVerification } from '../domain/audit';
import type { JobStatus } from '../domain/jobs';
import type { MaintenanceStatus } from '../domain/maintenance';
import { agencyInputSchema, agreementInputSchema, civilDateSchema, obligationInputSchema, reportInputSchema, type Agency, type Agreement, type Obligation, type ReportDefinition } from '../domain/agencies';
import type { AgencyDetail, AgencySummary, Eligibility, HomeDashboard, ImportPreview, ReportsOverview } from '../domain/directory-views';
import { officeProfileSchema } from '../domain/office';
import { actInputSchema, attachmentUploadSchema, shipmentContentSchema, shipmentFilterSchema, type FolioMatch, type SheetLookup, type Shipment, type ShipmentAttachment, type ShipmentDetail, type ShipmentPage } from '../domain/shipments';
import { courierInputSchema, custodyEventInputSchema, custodyFilterSchema, type Courier, type CustodyEvent, type CustodyPage, type CustodyVerification, type KnownParties } from '../domain/custody';
import { printInputSchema, type PrintedForm, type PrintedSheetInfo } from '../domain/printing';
import { bagRefSchema, exportRecordsSchema, loadMediaSchema, restoreSchema, stageFileSchema, type BackupReport, type BagFolder, type DriveInfo, type RepairSummary, type RestoreSummary } from '../domain/media';
import type { SessionState } from '../domain/session';
import { settingsSchema, type Settings } from '../domain/settings';
import { passwordSchema, personSchema, rolesSchema, userNameSchema, type User } from '../domain/users';
import { bytesMatchDeclaredType, SIGNATURE_MISMATCH_MESSAGE } from '../domain/file-signature';
import type { Channel } from './channels';
import type { Result } from './result';

/**
 * The IPC contract: for every channel, the zod schema its input must pass
 * (checked in the main process before any service sees it) and the type of
 * its output. Adding a channel here without a handler is a compile error in
 * `electron/services/handlers.ts`.
 */
interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input, output: undefined as unknown as O });
}

const noInput = z.object({}).strict();
const id = z.string().min(1).max(64);
const isoDate = z.iso.datetime({ message: 'La fecha no es válida.' });

/** A recovery code as printed: letters and digits, dashes and spaces ignored. */
const recoveryCodeSchema = z.string().trim().min(8, 'Escriba el código de recuperación completo.').max(200);

export interface SetupResult {
  state: SessionState;
  /** Shown once on screen and printed; never stored. */
  recoveryCode: string;
  recoverySheetPdfBase64: string;
}

export interface RecoveryCodeResult {
  recoveryCode: string;
  recoverySheetPdfBase64: string;
}

/** A file sent from the screen: its bytes in base64 (the harness speaks JSON). */
const fileUpload = (maxBytes: number, label: string) =>
  z
    .object({
      fileName: z.string().trim().min(1).max(255),
      mediaType: z.string().max(100),
      base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'El archivo no se recibió completo.'),
    })
    .refine((f) => f.base64.length * 0.75 <= maxBytes, { message: `${label} no puede pasar de ${Math.round(maxBytes / 1_000_000)} MB.`, path: ['base64'] });

export interface DocumentDownload {
  fileName: string;
  mediaType: string;
  base64: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
}

export const contract = {
  'app.info': channel<AppInfo>()(noInput),

  'session.state': channel<SessionState>()(noInput),
  'setup.create': channel<SetupResult>()(
    z
      .object({
        office: officeProfileSchema,
        admin: personSchema.extend({ userName: userNameSchema, password: passwordSchema }).strict(),
      })
      .strict(),
  ),
  'session.signIn': channel<SessionState>()(z.object({ userName: z.string().trim().toLowerCase().min(1, 'Escriba su usuario.').max(64), password: passwordSchema }).strict()),
  'session.signOut': channel<SessionState>()(noInput),
  'session.lock': channel<SessionState>()(z.object({ reason: z.literal('idle') }).strict()),
  'session.changePassword': channel<SessionState>()(z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict()),
  'setup.recoveryCode': channel<RecoveryCodeResult>()(noInput),
  'setup.confirmRecovery': channel<SessionState>()(z.object({ lastGroup: z.string().trim().min(1, 'Escriba los cuatro caracteres del último grupo del código.').max(20) }).strict()),
  'session.recover': channel<SessionState>()(z.object({ recoveryCode: recoveryCodeSchema, userName: userNameSchema, newPassword: passwordSchema }).strict()),

  'users.list': channel<User[]>()(noInput),
  'users.create': channel<User>()(
    personSchema.extend({ userName: userNameSchema, roles: rolesSchema, temporaryPassword: passwordSchema }).strict(),
  ),
  'users.update': channel<User>()(personSchema.extend({ userId: id, roles: rolesSchema }).strict()),
  'users.deactivate': channel<User>()(z.object({ userId: id }).strict()),
  'users.resetPassword': channel<User>()(z.object({ userId: id, temporaryPassword: passwordSchema }).strict()),

  'settings.get': channel<Settings>()(noInput),
  'settings.update': channel<Settings>()(settingsSchema.partial().strict()),

  'audit.list': channel<{ total: number; entries: AuditEntry[] }>()(
    z
      .object({
        from: isoDate.optional(),
        to: isoDate.optional(),
        action: z.enum(Object.keys(AUDIT_ACTIONS) as [keyof typeof AUDIT_ACTIONS, ...(keyof typeof AUDIT_ACTIONS)[]]).optional(),
        actorId: id.optional(),
        text: z.string().max(200).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
  ),
  'audit.verify': channel<AuditVerification>()(noInput),

  'vault.rotateKey': channel<JobStatus>()(noInput),
  'vault.newRecoveryCode': channel<RecoveryCodeResult>()(noInput),
  'jobs.get': channel<JobStatus>()(z.object({ jobId: id }).strict()),
  'jobs.cancel': channel<JobStatus>()(z.object({ jobId: id }).strict()),

  'agencies.list': channel<AgencySummary[]>()(noInput),
  'agencies.get': channel<AgencyDetail>()(z.object({ agencyId: id }).strict()),
  'agencies.save': channel<Agency>()(z.object({ agencyId: id.optional(), agency: agencyInputSchema }).strict()),
  'agencies.eligibility': channel<Eligibility>()(z.object({ agencyId: id, date: civilDateSchema }).strict()),
  'agencies.importPreview': channel<ImportPreview>()(z.object({ file: fileUpload(5_000_000, 'El archivo CSV') }).strict()),
  'agencies.importApply': channel<ImportResult>()(z.object({ file: fileUpload(5_000_000, 'El archivo CSV') }).strict()),
  'agreements.save': channel<Agreement>()(
    z
      .object({
        agreementId: id.optional(),
        agreement: agreementInputSchema,
        /** undefined: keep the current scan; null: remove it. */
        document: fileUpload(20_000_000, 'El documento escaneado')
          .refine((f) => ['application/pdf', 'image/png', 'image/jpeg'].includes(f.mediaType), { message: 'El documento debe ser PDF, PNG o JPG.', path: ['mediaType'] })
          .refine(bytesMatchDeclaredType, { message: SIGNATURE_MISMATCH_MESSAGE, path: ['base64'] })
          .nullable()
          .optional(),
      })
      .strict(),
  ),
  'agreements.document': channel<DocumentDownload>()(z.object({ agreementId: id }).strict()),

  'reports.overview': channel<ReportsOverview>()(noInput),
  'reports.saveReport': channel<ReportDefinition>()(z.object({ reportId: id.optional(), report: reportInputSchema }).strict()),
  'reports.saveObligation': channel<Obligation>()(z.object({ obligationId: id.optional(), obligation: obligationInputSchema, active: z.boolean().default(true) }).strict()),
  'reports.loadExample': channel<{ agencies: number; reports: number; obligations: number }>()(noInput),
  'reports.removeExample': channel<{ agencies: number; reports: number; obligations: number }>()(noInput),

  'home.dashboard': channel<HomeDashboard>()(noInput),
  /** The upgrade or index rebuild running now, if any: the screens poll it while they wait. */
  'vault.maintenance': channel<MaintenanceStatus | null>()(noInput),

  'shipments.list': channel<ShipmentPage>()(shipmentFilterSchema),
  'shipments.get': channel<ShipmentDetail>()(z.object({ shipmentId: id }).strict()),
  'shipments.create': channel<Shipment>()(z.object({ content: shipmentContentSchema }).strict()),
  'shipments.update': channel<Shipment>()(z.object({ shipmentId: id, content: shipmentContentSchema }).strict()),
  'shipments.act': channel<Shipment>()(actInputSchema),
  'shipments.scan': channel<DocumentDownload>()(z.object({ shipmentId: id, which: z.enum(['signature', 'acknowledgement']) }).strict()),
  'documents.print': channel<PrintedForm>()(printInputSchema),
  'shipments.lookup': channel<SheetLookup>()(z.object({ code: z.string().min(1).max(400) }).strict()),
  'shipments.findFolio': channel<FolioMatch[]>()(z.object({ text: z.string().trim().min(1, 'Escriba el folio.').max(80) }).strict()),
  'shipments.uploadAttachment': channel<ShipmentAttachment>()(attachmentUploadSchema),
  'shipments.attachment': channel<DocumentDownload>()(z.object({ shipmentId: id, blobId: id }).strict()),
  'shipments.printedSheets': channel<PrintedSheetInfo[]>()(z.object({ shipmentId: id }).strict()),
  'shipments.printedSheet': channel<DocumentDownload>()(z.object({ shipmentId: id, sheetId: id }).strict()),
  'media.drives': channel<DriveInfo[]>()(noInput),
  'media.bags': channel<BagFolder[]>()(z.object({ drivePath: z.string().min(1).max(4096) }).strict()),
  'media.stageFile': channel<{ received: number }>()(stageFileSchema),
  'media.load': channel<JobStatus>()(loadMediaSchema),
  'media.verify': channel<JobStatus>()(bagRefSchema),
  'media.export': channel<JobStatus>()(exportRecordsSchema),
  'backup.create': channel<JobStatus>()(z.object({ drivePath: z.string().min(1).max(4096) }).strict()),
  'backup.inspect': channel<BackupReport>()(bagRefSchema),
  'backup.restore': channel<RestoreSummary>()(restoreSchema),
  'backup.repair': channel<RepairSummary>()(bagRefSchema),
  'custody.list': channel<CustodyPage>()(custodyFilterSchema),
  'custody.record': channel<CustodyEvent>()(z.object({ shipmentId: id, event: custodyEventInputSchema }).strict()),
  'custody.verify': channel<CustodyVerification>()(z.object({ shipmentId: id.optional() }).strict()),
  'custody.exportCsv': channel<DocumentDownload>()(custodyFilterSchema),
  'custody.known': channel<KnownParties>()(noInput),
  'couriers.list': channel<Courier[]>()(noInput),
  'couriers.save': channel<Courier>()(z.object({ courierId: id.optional(), courier: courierInputSchema, active: z.boolean().default(true) }).strict()),
} satisfies { [C in Channel]: ChannelSpec<z.ZodType, unknown> };

type Contract = typeof contract;

/** What a caller may pass (before parsing). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

/** One handler per channel; a missing one does not compile. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> };

/** What the preload exposes on `window.api`, and what the harness shim imitates. */
export interface ValijaApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  /** Where a picked File lives on disk: Electron only (`webUtils.getPathForFile`); a browser cannot tell. */
  pathForFile?(file: Blob): string | null;
}
