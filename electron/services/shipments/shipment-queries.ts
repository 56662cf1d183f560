import { mayTakeStep, pendingStepOf } from '../../../shared/domain/pending-step';
import { folioKey, parseSheetCode, typedFolioMatches } from '../../../shared/domain/sheet-code';
import { allowedActions, mayEdit } from '../../../shared/domain/shipment-states';
import type { FolioMatch, SheetLookup, Shipment, ShipmentDetail, ShipmentFilter, ShipmentPage, WaitingShipment } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../accounts/workspace';
import { fulfilledKey, parsePeriodKey, todayInOffice, type FulfilledBy } from '../agencies/rules';
import type { CustodyLedger } from '../custody/custody-ledger';
import { shortHash } from '../integrity/hash-chain';
import { assertMayRead } from './need-to-know';
import { currentSheet, loadShipment, readableBy, readRuleOf, type OpenShipments, type ShipmentVault } from './open-shipments';
import { searchShipments } from './search';
import type { ShipmentRow } from './shipment-rows';

/**
 * Reading shipments: the list and its search, the detail, the counter's
 * sheet lookup, the typed folio search and Inicio's numbers. Every read of
 * content takes the viewer and applies need-to-know: lists leave out what
 * the viewer may not read, direct reads refuse it (and audit the refusal).
 */
export class ShipmentQueries {
  constructor(
    private readonly vault: ShipmentVault,
    private readonly clock: () => Date,
  ) {}

  async list(ws: Workspace, viewer: User, filter: ShipmentFilter): Promise<ShipmentPage> {
    const o = await this.vault.open(ws);
    const agencies = new Map(o.agencies.data.agencies.map((a) => [a.id, a]));
    const rows = await o.store.table();
    return searchShipments(rows, filter, agencies, readableBy(rows, viewer));
  }

  async get(ws: Workspace, viewer: User, id: string): Promise<ShipmentDetail> {
    const o = await this.vault.open(ws);
    // Loading the ledger first: it may catch this shipment up after an interrupted handoff.
    const ledger = await o.custody();
    const shipment = await loadShipment(o, id);
    await assertMayRead(ws, viewer, readRuleOf(shipment), 'abrir el detalle');
    const agency = o.agencies.data.agencies.find((a) => a.id === shipment.content.agencyId);
    const recipient = agency?.recipients.find((r) => r.id === shipment.content.recipientId);
    return {
      shipment,
      agency: agency ? { id: agency.id, acronym: agency.acronym, name: agency.name } : null,
      recipient: recipient ? { id: recipient.id, fullName: recipient.fullName, position: recipient.position } : null,
      allowedActions: allowedActions(shipment, viewer),
      edit: mayEdit(shipment, viewer),
      currentSheet: currentSheet(shipment),
      reportPeriod: describePeriod(o, shipment),
      providingArea: describeArea(o, shipment),
      custody: await ledger.of(shipment.id),
      custodyHead: custodyHeadOf(ledger, shipment.id),
      brokenSeal: ledger.entriesOf(shipment.id).some((e) => e.brokenSeal),
      pending: pendingFor(shipment, viewer, ws.users.data.users),
      signer: directorOf(ws.users.data.users),
    };
  }

  /** Shipments whose next step the user may take, the longest waiting first (Inicio). */
  async waitingFor(ws: Workspace, user: User, limit = 20): Promise<WaitingShipment[]> {
    const o = await this.vault.open(ws);
    const waiting: WaitingShipment[] = [];
    for (const s of (await o.store.overview()).open) {
      const step = pendingStepOf(s);
      if (step && mayTakeStep(step, s, user)) waiting.push({ id: s.id, folio: s.folio, subject: s.subject, state: s.state, step: step.text, since: s.updatedAt });
    }
    return waiting.sort((a, b) => a.since.localeCompare(b.since)).slice(0, limit);
  }

  /**
   * What a scanned sheet code (`VALIJA|folio|digest…`) points at. The digest
   * is compared with the shipment's current one, so a clerk holding an old
   * sheet learns at once that it no longer vouches for the content.
   */
  async lookup(ws: Workspace, viewer: User, code: string): Promise<SheetLookup> {
    const parsed = parseSheetCode(code);
    if (!parsed) throw new AppError('VALIDATION', 'El código leído no es el de una hoja de Valija.');
    const o = await this.vault.open(ws);
    const key = folioKey(parsed.folio);
    const rows = await o.store.table();
    let found: ShipmentRow | undefined;
    for (let slot = 0; slot < rows.size; slot += 1) {
      const folio = rows.folioAt(slot);
      if (folio !== null && folioKey(folio) === key) {
        found = rows.at(slot);
        break;
      }
    }
    if (!found || found.folio === null) throw new AppError('NOT_FOUND', `No hay ningún envío con el folio ${parsed.folio}.`);
    await assertMayRead(ws, viewer, found, 'leer la hoja en el mostrador');
    // The sheets are read from the whole shipment (the rows do not carry them): the counter opens its page next anyway.
    const shipment = await loadShipment(o, found.id);
    const sheet = shipment.sheets.find((s) => s.digest === parsed.digest);
    return { shipmentId: found.id, folio: found.folio, digestMatches: shipment.digest === parsed.digest, sheetVoided: sheet ? sheet.voidedAt !== null : true };
  }

  /** Shipments whose folio matches a folio typed by hand (see typedFolioMatches), newest first. */
  async findFolio(ws: Workspace, viewer: User, text: string): Promise<FolioMatch[]> {
    const o = await this.vault.open(ws);
    const year = Number(todayInOffice(this.clock()).slice(0, 4));
    const found: FolioMatch[] = [];
    const rows = await o.store.table();
    const readable = readableBy(rows, viewer);
    for (let slot = 0; slot < rows.size; slot += 1) {
      const folio = rows.folioAt(slot);
      if (folio === null || !typedFolioMatches(folio, text, year) || !readable(slot)) continue;
      const s = rows.at(slot);
      found.push({ id: s.id, folio, subject: s.subject, state: s.state });
    }
    return found.sort((a, b) => b.folio.localeCompare(a.folio)).slice(0, 20);
  }

  /** Report periods delivered: the shipments in `entregado` that say which period they fulfil. */
  async fulfilledPeriods(ws: Workspace): Promise<Map<string, FulfilledBy>> {
    const o = await this.vault.open(ws);
    const fulfilled = new Map<string, FulfilledBy>();
    for (const f of (await o.store.overview()).fulfilled) fulfilled.set(fulfilledKey(f.obligationId, f.periodKey), { shipmentId: f.shipmentId, folio: f.folio });
    return fulfilled;
  }

  /** Counts by state, for the home screen (numbers only: need-to-know leaves them whole). */
  async countsByState(ws: Workspace): Promise<Partial<Record<Shipment['state'], number>>> {
    const o = await this.vault.open(ws);
    return { ...(await o.store.overview()).byState };
  }
}

function describeArea(o: OpenShipments, s: Shipment): ShipmentDetail['providingArea'] {
  const areaId = s.content.providingAreaId;
  if (areaId === undefined) return null;
  const area = o.areas.data.areas.find((a) => a.id === areaId);
  return area ? { id: area.id, name: area.name, active: area.active } : { id: areaId, name: 'Área no registrada', active: false };
}

function describePeriod(o: OpenShipments, s: Shipment): ShipmentDetail['reportPeriod'] {
  const link = s.content.reportPeriod;
  if (!link) return null;
  const obligation = o.reports.data.obligations.find((ob) => ob.id === link.obligationId);
  const report = obligation && o.reports.data.reports.find((r) => r.id === obligation.reportId);
  const bounds = obligation && parsePeriodKey(obligation.frequency, link.periodKey);
  return { reportName: report?.name ?? '(reporte eliminado)', periodLabel: bounds?.label ?? link.periodKey };
}

function pendingFor(shipment: Shipment, user: User, users: readonly User[]): ShipmentDetail['pending'] {
  const step = pendingStepOf({ ...shipment, channel: shipment.content.channel });
  if (!step) return null;
  const people = users.filter((u) => u.active && mayTakeStep(step, shipment, u)).map((u) => u.fullName).sort((a, b) => a.localeCompare(b, 'es'));
  return { ...step, people, you: mayTakeStep(step, shipment, user) };
}

/** The office's Director(a) General: the active user with that role (the first by name when there are several). */
function directorOf(users: readonly User[]): ShipmentDetail['signer'] {
  const director = users.filter((u) => u.active && u.roles.includes('director')).sort((a, b) => a.fullName.localeCompare(b.fullName, 'es'))[0];
  return director ? { name: director.fullName, position: director.position || 'Director(a) General' } : null;
}

function custodyHeadOf(ledger: CustodyLedger, shipmentId: string): string | null {
  const head = ledger.head(shipmentId);
  return head ? shortHash(head.hash) : null;
}
