import { z } from 'zod';
import '../validation';
import type { AppInfo } from '../domain/app-info';
import { AUDIT_ACTIONS, type AuditEntry, type AuditVerification } from '../domain/audit';
import type { JobStatus } from '../domain/jobs';
import type { MaintenanceStatus } from '../domain/maintenance';
import { agencyInputSchema, agreementInputSchema, civilDateSchema, obligationInputSchema, reportInputSchema, type Agency, type Agreement, type Obligation, type ReportDefinition } from '../domain/agencies';
import type { AgencyDetail, AgencySummary, Eligibility, HomeDashboard, ImportPreview, ReportsOverview } from '../domain/directory-views';
import { officeProfileSchema } from '../domain/office';
import { actInputSchema, attachmentUploadSchema, scanUploadSchema, shipmentContentSchema, shipmentFilterSchema, type FolioMatch, type SheetLookup, type Shipment, type ShipmentAttachment, type ShipmentDetail, type ShipmentPage } from '../domain/shipments';
import { courierInputSchema, custodyEventInputSchema, custodyFilterSchema, type Courier, type CustodyEvent, type CustodyPage, type CustodyVerification, type KnownParties } from '../domain/custody';
import { printInputSchema, type PrintedForm, type PrintedSheetInfo } from '../domain/printing';
import { bagRefSchema, exportRecordsSchema, loadMediaSchema, restoreSchema, stageFileSchema, type BackupReport, type BagFolder, type DriveInfo, type RepairSummary, type RestoreSummary } from '../domain/media';
import type { SessionState } from '../domain/session';
import { CUSTODY_END_REASONS, accountInputSchema, custodyInputSchema, incidentInputSchema, incidentStepInputSchema, rotationInputSchema, type AccountDetail, type AccountView, type CustodianCandidate } from '../domain/social-accounts';
import {
  blackoutInputSchema,
  materialUploadSchema,
  releaseActInputSchema,
  releaseContentSchema,
  releaseFilterSchema,
  releaseRequestInputSchema,
  type Blackout,
  type ReleaseAttention,
  type ReleaseDossierSummary,
  type ReleaseDetail,
  type ReleaseMaterial,
  type ReleaseRequest,
  type ReleaseView,
} from '../domain/releases';
import { activityInputSchema, goalInputSchema, programmeDateInputSchema, programmeYearSchema, type CalendarMonth, type ComplianceReport, type Programme } from '../domain/programme';
import type { ExampleCounts, ProgrammeView } from '../domain/programme-views';
import { settingsSchema, type Settings } from '../domain/settings';
import { areaInputSchema, outletInputSchema, type Area, type MediaOutlet } from '../domain/areas';
import { passwordSchema, personSchema, rolesSchema, userNameSchema, type User } from '../domain/users';
import { bytesMatchDeclaredType, SIGNATURE_MISMATCH_MESSAGE } from '../domain/file-signature';
import { ADMINISTRATORS, COMMUNICATION, COMMUNICATION_READERS, EDITORS, type Access, type CallerOf } from './access';
import type { Channel } from './channels';
import type { Result } from './result';

/**
 * The IPC contract: for every channel, the zod schema its input must pass
 * (checked in the main process before any service sees it), who may call it
 * (`Access`, checked by dispatch before the input is parsed) and the type of
 * its output. Adding a channel here without a handler is a compile error
 * where `createHandlers` (`electron/services/app-services.ts`) joins the
 * domains' handler tables.
 */
interface ChannelSpec<I extends z.ZodType, A extends Access, O> {
  input: I;
  access: A;
  /** Phantom: carries the output type only. */
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType, const A extends Access>(input: I, access: A): ChannelSpec<I, A, O> => ({ input, access, output: undefined as unknown as O });
}

const PUBLIC = { kind: 'public' } as const;
const SIGNED_IN = { kind: 'signedIn' } as const;
/** Any signed-in user, but a reservada or confidencial shipment only for those who need it. */
const NEED_TO_KNOW = { kind: 'signedIn', inDomain: 'need-to-know by classification (shipments/need-to-know: mayRead)' } as const;

const noInput = z.object({}).strict();
const id = z.string().min(1).max(64);
const isoDate = z.iso.datetime({ message: 'La fecha no es válida.' });
/** A user's area: an id, null for none; left out of users.update, the area stays as it was. */
const areaRef = id.nullable().optional();

const PROGRAMME_READ = { kind: 'roles', roles: COMMUNICATION_READERS, doing: 'consultar el programa anual de comunicación' } as const;
const PROGRAMME_CHANGE = { kind: 'roles', roles: COMMUNICATION, doing: 'modificar el programa anual de comunicación' } as const;
const monthNumber = z.number({ error: 'Elija el mes.' }).int().min(1, 'El mes debe estar entre 1 y 12.').max(12, 'El mes debe estar entre 1 y 12.');

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
  'app.info': channel<AppInfo>()(noInput, PUBLIC),

  'session.state': channel<SessionState>()(noInput, PUBLIC),
  'setup.create': channel<SetupResult>()(
    z
      .object({
        office: officeProfileSchema,
        admin: personSchema.extend({ userName: userNameSchema, password: passwordSchema }).strict(),
      })
      .strict(),
    { kind: 'public', inDomain: 'only while no vault exists (session-service: VAULT_EXISTS)' },
  ),
  'session.signIn': channel<SessionState>()(z.object({ userName: z.string().trim().toLowerCase().min(1, 'Escriba su usuario.').max(64), password: passwordSchema }).strict(), PUBLIC),
  'session.signOut': channel<SessionState>()(noInput, PUBLIC),
  'session.lock': channel<SessionState>()(z.object({ reason: z.literal('idle') }).strict(), PUBLIC),
  'session.changePassword': channel<SessionState>()(z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict(), { kind: 'public', inDomain: 'the signed-in user, also while a temporary password must be changed (session-service)' }),
  'setup.recoveryCode': channel<RecoveryCodeResult>()(noInput, { kind: 'public', inDomain: 'only the administrator who just created the vault, before confirming the code (session-service)' }),
  'setup.confirmRecovery': channel<SessionState>()(z.object({ lastGroup: z.string().trim().min(1, 'Escriba los cuatro caracteres del último grupo del código.').max(20) }).strict(), { kind: 'public', inDomain: 'only the administrator who just created the vault (session-service)' }),
  'session.recover': channel<SessionState>()(z.object({ recoveryCode: recoveryCodeSchema, userName: userNameSchema, newPassword: passwordSchema }).strict(), { kind: 'public', inDomain: 'the recovery code and an active administrator of the vault (session-service)' }),

  'users.list': channel<User[]>()(noInput, { kind: 'roles', roles: ADMINISTRATORS, doing: 'ver la lista de usuarios' }),
  'users.create': channel<User>()(
    personSchema.extend({ userName: userNameSchema, roles: rolesSchema, temporaryPassword: passwordSchema, areaId: areaRef }).strict(),
    { kind: 'roles', roles: ADMINISTRATORS, doing: 'dar de alta usuarios', inDomain: 'the area must exist and be active (area-service: assertAssignable)' },
  ),
  'users.update': channel<User>()(personSchema.extend({ userId: id, roles: rolesSchema, areaId: areaRef }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'modificar usuarios', inDomain: 'the last active administrator keeps the role (user-admin); the area must exist and be active (area-service: assertAssignable)' }),
  'users.deactivate': channel<User>()(z.object({ userId: id }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'dar de baja usuarios', inDomain: 'the last active administrator stays (user-admin)' }),
  'users.resetPassword': channel<User>()(z.object({ userId: id, temporaryPassword: passwordSchema }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'restablecer contraseñas' }),
  'users.setReadGrants': channel<User>()(z.object({ userId: id, grants: z.array(z.enum(['reservada', 'confidencial'])).max(2) }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'conceder acceso a información clasificada' }),

  'settings.get': channel<Settings>()(noInput, SIGNED_IN),
  'settings.update': channel<Settings>()(settingsSchema.partial().strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'cambiar la configuración' }),

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
    { kind: 'roles', roles: ADMINISTRATORS, doing: 'consultar la bitácora' },
  ),
  'audit.verify': channel<AuditVerification>()(noInput, { kind: 'roles', roles: ADMINISTRATORS, doing: 'verificar la bitácora' }),

  'vault.rotateKey': channel<JobStatus>()(noInput, { kind: 'roles', roles: ADMINISTRATORS, doing: 'renovar la llave de cifrado' }),
  'vault.newRecoveryCode': channel<RecoveryCodeResult>()(noInput, { kind: 'roles', roles: ADMINISTRATORS, doing: 'generar un código de recuperación' }),
  'jobs.get': channel<JobStatus>()(z.object({ jobId: id }).strict(), { kind: 'signedIn', firstRun: true, inDomain: 'only the user who started the job, or anybody for a job started on the first-run screen (jobs)' }),
  'jobs.cancel': channel<JobStatus>()(z.object({ jobId: id }).strict(), { kind: 'signedIn', firstRun: true, inDomain: 'only the user who started the job, or anybody for a job started on the first-run screen (jobs)' }),

  'agencies.list': channel<AgencySummary[]>()(noInput, SIGNED_IN),
  'agencies.get': channel<AgencyDetail>()(z.object({ agencyId: id }).strict(), SIGNED_IN),
  'agencies.save': channel<Agency>()(z.object({ agencyId: id.optional(), agency: agencyInputSchema }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'registrar o modificar dependencias' }),
  'agencies.eligibility': channel<Eligibility>()(z.object({ agencyId: id, date: civilDateSchema }).strict(), SIGNED_IN),
  'agencies.importPreview': channel<ImportPreview>()(z.object({ file: fileUpload(5_000_000, 'El archivo CSV') }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'importar dependencias' }),
  'agencies.importApply': channel<ImportResult>()(z.object({ file: fileUpload(5_000_000, 'El archivo CSV') }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'importar dependencias' }),
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
    { kind: 'roles', roles: ADMINISTRATORS, doing: 'registrar o modificar convenios' },
  ),
  'agreements.document': channel<DocumentDownload>()(z.object({ agreementId: id }).strict(), SIGNED_IN),

  'reports.overview': channel<ReportsOverview>()(noInput, SIGNED_IN),
  'reports.saveReport': channel<ReportDefinition>()(z.object({ reportId: id.optional(), report: reportInputSchema }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'modificar el catálogo de reportes' }),
  'reports.saveObligation': channel<Obligation>()(z.object({ obligationId: id.optional(), obligation: obligationInputSchema, active: z.boolean().default(true) }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'modificar las obligaciones de reporte' }),
  'reports.loadExample': channel<{ agencies: number; reports: number; obligations: number }>()(noInput, { kind: 'roles', roles: ADMINISTRATORS, doing: 'cargar el catálogo de ejemplo' }),
  'reports.removeExample': channel<{ agencies: number; reports: number; obligations: number }>()(noInput, { kind: 'roles', roles: ADMINISTRATORS, doing: 'retirar el catálogo de ejemplo' }),

  'home.dashboard': channel<HomeDashboard>()(noInput, SIGNED_IN),
  /** The upgrade or index rebuild running now, if any: the screens poll it while they wait. */
  'vault.maintenance': channel<MaintenanceStatus | null>()(noInput, SIGNED_IN),

  'shipments.list': channel<ShipmentPage>()(shipmentFilterSchema, NEED_TO_KNOW),
  'shipments.get': channel<ShipmentDetail>()(z.object({ shipmentId: id }).strict(), NEED_TO_KNOW),
  'shipments.create': channel<Shipment>()(z.object({ content: shipmentContentSchema }).strict(), { kind: 'roles', roles: EDITORS, doing: 'preparar envíos', inDomain: 'the agreement rule (agreement-rule)' }),
  'shipments.update': channel<Shipment>()(z.object({ shipmentId: id, content: shipmentContentSchema }).strict(), { kind: 'roles', roles: EDITORS, doing: 'modificar envíos', inDomain: 'which states may be edited, and the agreement rule (shipment-states: editOutcome)' }),
  'shipments.act': channel<Shipment>()(actInputSchema, { kind: 'signedIn', inDomain: 'the roles of each action and segregation of duties (shipment-states: TRANSITIONS, notByPreparer)' }),
  'shipments.scan': channel<DocumentDownload>()(z.object({ shipmentId: id, which: z.enum(['signature', 'acknowledgement']) }).strict(), NEED_TO_KNOW),
  'documents.print': channel<PrintedForm>()(printInputSchema, NEED_TO_KNOW),
  'shipments.lookup': channel<SheetLookup>()(z.object({ code: z.string().min(1).max(400) }).strict(), NEED_TO_KNOW),
  'shipments.findFolio': channel<FolioMatch[]>()(z.object({ text: z.string().trim().min(1, 'Escriba el folio.').max(80) }).strict(), NEED_TO_KNOW),
  'shipments.uploadAttachment': channel<ShipmentAttachment>()(attachmentUploadSchema, { kind: 'roles', roles: EDITORS, doing: 'adjuntar documentos' }),
  'shipments.attachment': channel<DocumentDownload>()(z.object({ shipmentId: id, blobId: id }).strict(), NEED_TO_KNOW),
  'shipments.printedSheets': channel<PrintedSheetInfo[]>()(z.object({ shipmentId: id }).strict(), NEED_TO_KNOW),
  'shipments.printedSheet': channel<DocumentDownload>()(z.object({ shipmentId: id, sheetId: id }).strict(), NEED_TO_KNOW),
  'media.drives': channel<DriveInfo[]>()(noInput, { kind: 'signedIn', firstRun: true }),
  'media.bags': channel<BagFolder[]>()(z.object({ drivePath: z.string().min(1).max(4096) }).strict(), { kind: 'signedIn', firstRun: true }),
  'media.stageFile': channel<{ received: number }>()(stageFileSchema, SIGNED_IN),
  'media.load': channel<JobStatus>()(loadMediaSchema, { kind: 'roles', roles: EDITORS, doing: 'cargar medios magnéticos', inDomain: 'the shipment must be authorised and not yet sealed (shipment-loader), and readable by the loader (need-to-know)' }),
  'media.verify': channel<JobStatus>()(bagRefSchema, { kind: 'signedIn', firstRun: true }),
  'media.export': channel<JobStatus>()(exportRecordsSchema, { kind: 'roles', roles: EDITORS, doing: 'exportar expedientes', inDomain: 'a whole period needs the administrador role, and every shipment chosen must be readable (records-export: assertMayExportSelection, refuseUnreadable)' }),
  'backup.create': channel<JobStatus>()(z.object({ drivePath: z.string().min(1).max(4096) }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'respaldar la bóveda' }),
  'backup.inspect': channel<BackupReport>()(bagRefSchema, { kind: 'roles', roles: ADMINISTRATORS, doing: 'restaurar un respaldo', firstRun: true }),
  'backup.restore': channel<RestoreSummary>()(restoreSchema, { kind: 'roles', roles: ADMINISTRATORS, doing: 'restaurar un respaldo', firstRun: true, inDomain: 'the backup opens only with a password or recovery code of its own vault (vault-backup)' }),
  'backup.repair': channel<RepairSummary>()(bagRefSchema, { kind: 'roles', roles: ADMINISTRATORS, doing: 'reparar registros desde un respaldo', inDomain: 'a backup of the same vault (partition-repair)' }),
  'custody.list': channel<CustodyPage>()(custodyFilterSchema, NEED_TO_KNOW),
  'custody.record': channel<CustodyEvent>()(z.object({ shipmentId: id, event: custodyEventInputSchema }).strict(), { kind: 'roles', roles: EDITORS, doing: 'registrar movimientos de custodia', inDomain: 'the shipment must be under custody, and time order (custody-order)' }),
  'custody.verify': channel<CustodyVerification>()(z.object({ shipmentId: id.optional() }).strict(), SIGNED_IN),
  'custody.exportCsv': channel<DocumentDownload>()(custodyFilterSchema, NEED_TO_KNOW),
  'custody.known': channel<KnownParties>()(noInput, SIGNED_IN),
  'couriers.list': channel<Courier[]>()(noInput, SIGNED_IN),
  'couriers.save': channel<Courier>()(z.object({ courierId: id.optional(), courier: courierInputSchema, active: z.boolean().default(true) }).strict(), { kind: 'roles', roles: EDITORS, doing: 'registrar mensajeros' }),

  // Comunicación Social: the register of social-network accounts and the custody of their passwords.
  'socialAccounts.list': channel<AccountView[]>()(noInput, { kind: 'roles', roles: COMMUNICATION, doing: 'consultar las cuentas de redes sociales' }),
  'socialAccounts.get': channel<AccountDetail>()(z.object({ accountId: id }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'consultar las cuentas de redes sociales' }),
  'socialAccounts.create': channel<AccountView>()(z.object({ account: accountInputSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'registrar cuentas de redes sociales' }),
  'socialAccounts.update': channel<AccountView>()(z.object({ accountId: id, account: accountInputSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'modificar cuentas de redes sociales', inDomain: 'a removed account is no longer changed (account-service)' }),
  'socialAccounts.validate': channel<AccountView>()(z.object({ accountId: id, on: civilDateSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'validar cuentas de redes sociales' }),
  'socialAccounts.remove': channel<AccountView>()(z.object({ accountId: id, on: civilDateSchema, reason: z.string().trim().max(500, 'El motivo admite como máximo 500 caracteres.').default('') }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'dar de baja cuentas de redes sociales' }),
  'socialAccounts.startCustody': channel<AccountView>()(z.object({ accountId: id, custody: custodyInputSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'asignar custodios de contraseñas' }),
  'socialAccounts.endCustody': channel<AccountView>()(z.object({ accountId: id, custodyId: id, on: civilDateSchema, reason: z.enum(CUSTODY_END_REASONS, { error: 'Elija el motivo del fin de la custodia.' }) }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'terminar custodias de contraseñas', inDomain: 'ending a custody opens a password change (account-rules: endCustody)' }),
  'socialAccounts.recordRotation': channel<AccountView>()(z.object({ accountId: id, rotation: rotationInputSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'registrar cambios de contraseña', inDomain: 'a change settles only what was owed up to its day (account-rules: recordRotation)' }),
  'socialAccounts.exportDirectory': channel<DocumentDownload>()(noInput, { kind: 'roles', roles: COMMUNICATION, doing: 'exportar el directorio de cuentas' }),
  'socialAccounts.printDirectory': channel<DocumentDownload>()(noInput, { kind: 'roles', roles: COMMUNICATION, doing: 'imprimir el directorio de cuentas' }),
  'socialAccounts.printAcknowledgement': channel<DocumentDownload>()(z.object({ accountId: id, custodyId: id }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'imprimir resguardos de contraseñas' }),
  'socialAccounts.registerAcknowledgementScan': channel<AccountView>()(z.object({ accountId: id, custodyId: id, scan: scanUploadSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'registrar resguardos firmados' }),
  'socialAccounts.registerRequestScan': channel<AccountView>()(z.object({ accountId: id, scan: scanUploadSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'registrar solicitudes de cuentas personales' }),
  'socialAccounts.scan': channel<DocumentDownload>()(z.object({ accountId: id, custodyId: id.optional() }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'consultar las cuentas de redes sociales' }),
  'socialAccounts.openIncident': channel<AccountView>()(z.object({ accountId: id, incident: incidentInputSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'registrar incidentes de cuentas' }),
  'socialAccounts.recordIncidentStep': channel<AccountView>()(z.object({ accountId: id, incidentId: id, step: incidentStepInputSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'registrar incidentes de cuentas', inDomain: 'steps after the detection; closing needs every step; the password change is a rotation (account-rules: recordIncidentStep)' }),
  'socialAccounts.keptPrint': channel<DocumentDownload>()(z.object({ accountId: id, printId: id }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'consultar las impresiones guardadas de las cuentas' }),
  'socialAccounts.printIncidentReport': channel<DocumentDownload>()(z.object({ accountId: id, incidentId: id }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'imprimir reportes de incidentes' }),
  'socialAccounts.attention': channel<AccountView[]>()(noInput, { kind: 'roles', roles: COMMUNICATION, doing: 'consultar las cuentas de redes sociales' }),
  'socialAccounts.custodianCandidates': channel<CustodianCandidate[]>()(noInput, { kind: 'roles', roles: COMMUNICATION, doing: 'asignar custodios de contraseñas' }),

  // Comunicación Social: releases to the public and to official networks (directive 6.1.4, B and C), the areas' requests, blackouts.
  'releases.list': channel<ReleaseView[]>()(releaseFilterSchema, { kind: 'signedIn', inDomain: 'read by role, or by the head of the providing area (release-rules: mayReadRelease)' }),
  'releases.get': channel<ReleaseDetail>()(z.object({ releaseId: id }).strict(), { kind: 'signedIn', inDomain: 'read by role, or by the head of the providing area (release-rules: mayReadRelease)' }),
  'releases.create': channel<ReleaseView>()(z.object({ content: releaseContentSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'preparar difusiones', inDomain: 'an active area, official usable channels, uploaded material (release-rules: channelsRefusal)' }),
  'releases.update': channel<ReleaseView>()(z.object({ releaseId: id, content: releaseContentSchema }).strict(), {
    kind: 'roles',
    roles: COMMUNICATION,
    doing: 'modificar difusiones',
    inDomain: 'which states may be edited; after legal approval an edit voids the sheet and returns to review (release-states: releaseEditOutcome)',
  }),
  'releases.act': channel<ReleaseView>()(releaseActInputSchema, {
    kind: 'signedIn',
    inDomain: 'the roles of each action, the head of the providing area, segregation of duties (release-states: RELEASE_TRANSITIONS); blackout, lapse, embargo and usable channels (release-rules)',
  }),
  'releases.uploadMaterial': channel<ReleaseMaterial>()(materialUploadSchema, SIGNED_IN),
  'releases.file': channel<DocumentDownload>()(z.object({ releaseId: id, blobId: id }).strict(), { kind: 'signedIn', inDomain: 'read by role, or by the head of the providing area (release-rules: mayReadRelease)' }),
  'releases.keptSheet': channel<DocumentDownload>()(z.object({ releaseId: id, printId: id }).strict(), { kind: 'signedIn', inDomain: 'read by role, or by the head of the providing area (release-rules)' }),
  'releases.printSheet': channel<DocumentDownload>()(z.object({ releaseId: id }).strict(), {
    kind: 'roles',
    roles: COMMUNICATION,
    doing: 'imprimir autorizaciones de difusión',
    inDomain: 'only a release approved by legal, or an urgent one legal ratified (release-service: printSheet)',
  }),
  'releases.attention': channel<ReleaseAttention[]>()(noInput, { kind: 'signedIn', inDomain: 'only the releases the user may read, and the steps the user may take (release-service: attention)' }),
  'releases.exportDossier': channel<ReleaseDossierSummary>()(z.object({ releaseId: id, drivePath: z.string().min(1).max(4096) }).strict(), {
    kind: 'roles',
    roles: COMMUNICATION,
    doing: 'exportar expedientes de difusión',
    inDomain: 'a drive the core lists (media-desk: knownDrive); a classified release travels encrypted (release-dossier)',
  }),
  'releaseRequests.submit': channel<ReleaseRequest>()(z.object({ request: releaseRequestInputSchema }).strict(), SIGNED_IN),
  'releaseRequests.mine': channel<ReleaseRequest[]>()(noInput, SIGNED_IN),
  'releaseRequests.list': channel<ReleaseRequest[]>()(noInput, { kind: 'roles', roles: COMMUNICATION, doing: 'consultar las solicitudes de difusión' }),
  'releaseRequests.convert': channel<{ request: ReleaseRequest; release: ReleaseView }>()(z.object({ requestId: id, content: releaseContentSchema }).strict(), {
    kind: 'roles',
    roles: COMMUNICATION,
    doing: 'convertir solicitudes en difusiones',
    inDomain: 'only a pending request (release-requests)',
  }),
  'releaseRequests.decline': channel<ReleaseRequest>()(
    z.object({ requestId: id, reason: z.string().trim().min(3, 'Escriba el motivo por el que se declina la solicitud.').max(2000, 'El motivo admite como máximo 2000 caracteres.') }).strict(),
    { kind: 'roles', roles: COMMUNICATION, doing: 'declinar solicitudes de difusión', inDomain: 'only a pending request (release-requests)' },
  ),
  'releaseRequests.material': channel<DocumentDownload>()(z.object({ requestId: id, blobId: id }).strict(), { kind: 'signedIn', inDomain: 'Comunicación Social or whoever sent the request (release-requests: material)' }),
  'blackouts.list': channel<Blackout[]>()(noInput, SIGNED_IN),
  'blackouts.save': channel<Blackout>()(z.object({ blackoutId: id.optional(), blackout: blackoutInputSchema }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'registrar periodos de veda', inDomain: 'periods may not overlap (blackouts)' }),
  'blackouts.remove': channel<Blackout>()(z.object({ blackoutId: id }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'retirar periodos de veda' }),
  // Comunicación Social: the directory of media outlets releases are sent to.
  'outlets.list': channel<MediaOutlet[]>()(noInput, { kind: 'roles', roles: COMMUNICATION, doing: 'consultar el directorio de medios' }),
  'outlets.create': channel<MediaOutlet>()(z.object({ outlet: outletInputSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'registrar medios de comunicación' }),
  'outlets.update': channel<MediaOutlet>()(z.object({ outletId: id, outlet: outletInputSchema }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'modificar medios de comunicación', inDomain: 'a deactivated outlet is no longer changed (outlet-service)' }),
  'outlets.deactivate': channel<MediaOutlet>()(z.object({ outletId: id }).strict(), { kind: 'roles', roles: COMMUNICATION, doing: 'dar de baja medios de comunicación' }),

  // The office's areas: everyone signed in reads the catalogue (Comunicación Social names them on releases); the administrator keeps it.
  'areas.list': channel<Area[]>()(noInput, SIGNED_IN),
  'areas.create': channel<Area>()(z.object({ area: areaInputSchema }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'registrar áreas' }),
  'areas.update': channel<Area>()(z.object({ areaId: id, area: areaInputSchema }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'modificar áreas', inDomain: 'a deactivated area is no longer changed (area-service)' }),
  'areas.deactivate': channel<Area>()(z.object({ areaId: id }).strict(), { kind: 'roles', roles: ADMINISTRATORS, doing: 'dar de baja áreas' }),
  // Comunicación Social: the annual programme, its calendar and its planned-versus-done report.
  'programme.get': channel<ProgrammeView>()(z.object({ year: programmeYearSchema }).strict(), PROGRAMME_READ),
  'programme.saveActivity': channel<Programme>()(z.object({ year: programmeYearSchema, activityId: id.optional(), activity: activityInputSchema }).strict(), PROGRAMME_CHANGE),
  'programme.removeActivity': channel<Programme>()(z.object({ year: programmeYearSchema, activityId: id }).strict(), PROGRAMME_CHANGE),
  'programme.saveDate': channel<Programme>()(z.object({ year: programmeYearSchema, dateId: id.optional(), date: programmeDateInputSchema }).strict(), PROGRAMME_CHANGE),
  'programme.removeDate': channel<Programme>()(z.object({ year: programmeYearSchema, dateId: id }).strict(), PROGRAMME_CHANGE),
  'programme.saveGoal': channel<Programme>()(z.object({ year: programmeYearSchema, goalId: id.optional(), goal: goalInputSchema }).strict(), PROGRAMME_CHANGE),
  'programme.removeGoal': channel<Programme>()(z.object({ year: programmeYearSchema, goalId: id }).strict(), PROGRAMME_CHANGE),
  'programme.loadExample': channel<ExampleCounts>()(noInput, { kind: 'roles', roles: COMMUNICATION, doing: 'cargar el programa de ejemplo' }),
  'programme.removeExample': channel<ExampleCounts>()(noInput, { kind: 'roles', roles: COMMUNICATION, doing: 'retirar el programa de ejemplo' }),
  'programme.calendar': channel<CalendarMonth>()(z.object({ year: programmeYearSchema, month: monthNumber }).strict(), PROGRAMME_READ),
  'programme.exportIcs': channel<DocumentDownload>()(z.object({ from: civilDateSchema, to: civilDateSchema }).strict(), PROGRAMME_READ),
  'programme.report': channel<ComplianceReport>()(z.object({ year: programmeYearSchema, month: monthNumber.nullable() }).strict(), PROGRAMME_READ),
  'programme.reportPdf': channel<DocumentDownload>()(z.object({ year: programmeYearSchema, month: monthNumber.nullable() }).strict(), PROGRAMME_READ),
  'programme.reportCsv': channel<DocumentDownload>()(z.object({ year: programmeYearSchema, month: monthNumber.nullable() }).strict(), PROGRAMME_READ),
} satisfies { [C in Channel]: ChannelSpec<z.ZodType, Access, unknown> };

type Contract = typeof contract;

/** What a caller may pass (before parsing). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

export type AccessOf<C extends Channel> = Contract[C]['access'];

/**
 * One handler per channel; a missing one does not compile. A handler gets
 * the parsed input and the caller dispatch admitted (`SignedIn` is the core's
 * signed-in user and workspace; shared code does not know their types).
 */
export type HandlersOver<SignedIn> = { [C in Channel]: (input: ParsedInput<C>, caller: CallerOf<AccessOf<C>, SignedIn>) => Promise<Output<C>> | Output<C> };

/** What the preload exposes on `window.api`, and what the harness shim imitates. */
export interface ValijaApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  /** Where a picked File lives on disk: Electron only (`webUtils.getPathForFile`); a browser cannot tell. */
  pathForFile?(file: Blob): string | null;
}
