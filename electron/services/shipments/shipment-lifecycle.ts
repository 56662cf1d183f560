import { randomUUID } from 'node:crypto';
import { isHandoffAction } from '../../../shared/domain/custody';
import { allowedActions, editOutcome, refusalOf, SHIPMENT_STATE_LABELS, TRANSITIONS, type ShipmentAction } from '../../../shared/domain/shipment-states';
import type { ActionPayload, ApprovalSheet, HistoryEntry, Shipment, ShipmentContent } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { todayInOffice } from '../agencies/rules';
import { canonicalJson } from '../integrity/canonical-json';
import { AUDIT_OF } from './action-audit';
import { contentDigest } from './content-digest';
import { checkRecipient, checkReferences } from './content-checks';
import { formatFolio } from './folio';
import type { HandoffPayload } from './handoff-rules';
import { currentSheet, loadShipment, saveRevision, type ShipmentVault } from './open-shipments';
import { storeScan } from './shipment-attachments';
import type { ShipmentCustody } from './shipment-custody';
import { checkSignature } from './signature-rules';

/**
 * The life cycle of a shipment: prepared by clerks, reviewed by legal,
 * authorised by the Director General on paper, sealed, dispatched and
 * acknowledged (docs/DOMAIN.md, "The shipment life cycle"). Which role may
 * call each channel is checked by dispatch; what depends on the shipment
 * (its state, each action's roles, segregation of duties, the agreement
 * rule) is enforced here, whatever the screens offer.
 */
export class ShipmentLifecycle {
  constructor(
    private readonly vault: ShipmentVault,
    private readonly clock: () => Date,
    private readonly custody: ShipmentCustody,
  ) {}

  async createDraft(ws: Workspace, user: User, content: ShipmentContent): Promise<Shipment> {
    const o = await this.vault.open(ws);
    return o.queue.run(async () => {
      const now = this.clock();
      const agreement = checkRecipient(o, content, todayInOffice(now));
      checkReferences(o, content);
      await o.seals.assertFree(content.envelope?.seals ?? [], null);
      const actor = actorOf(user);
      const shipment: Shipment = {
        id: randomUUID(),
        rev: 1,
        folio: null,
        folioYear: null,
        folioNumber: null,
        state: 'borrador',
        content,
        digest: contentDigest(content),
        agreementNumber: agreement.number,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        preparedBy: actor,
        preparedByIds: [user.id],
        sheets: [],
        signature: null,
        acknowledgementScan: null,
        closingReason: null,
        history: [{ at: now.toISOString(), actor, action: 'crear', from: null, to: 'borrador', observations: '', details: {} }],
      };
      await saveRevision(o, null, shipment, now);
      await ws.audit.record('shipment.created', actor, shipment.content.subject, { envio: shipment.id, canal: content.channel });
      return shipment;
    });
  }

  /**
   * Saves new content. In borrador/devuelto it just changes; once the sheet
   * exists (por_firmar/autorizado) the sheet is voided and the shipment goes
   * back to legal review; anywhere else the content is frozen.
   */
  async update(ws: Workspace, user: User, id: string, content: ShipmentContent): Promise<Shipment> {
    const o = await this.vault.open(ws);
    return o.queue.run(async () => {
      // An interrupted handoff is caught up when the ledger loads: read the shipment after that.
      await o.custody();
      const before = await loadShipment(o, id);
      // Who may edit at all (capturista, administrador) is the channel's access, checked by dispatch: here only the state decides.
      const outcome = editOutcome(before.state);
      if (outcome === null) throw new AppError('SHIPMENT_NOT_EDITABLE', `El contenido de un envío en estado «${SHIPMENT_STATE_LABELS[before.state]}» ya no puede modificarse.`);
      if (canonicalJson(content) === canonicalJson(before.content)) return before;
      const now = this.clock();
      const at = now.toISOString();
      const agreement = checkRecipient(o, content, todayInOffice(now));
      checkReferences(o, content, before.content);
      await o.seals.assertFree(content.envelope?.seals ?? [], id);
      const actor = actorOf(user);
      const digest = contentDigest(content);
      const next: Shipment = {
        ...before,
        rev: before.rev + 1,
        content,
        digest,
        agreementNumber: agreement.number,
        updatedAt: at,
        preparedByIds: before.preparedByIds.includes(user.id) ? before.preparedByIds : [...before.preparedByIds, user.id],
      };
      if (outcome === 'back_to_review') {
        const voidReason = 'El contenido cambió después de generar la hoja de autorización.';
        next.state = 'en_revision_juridica';
        next.sheets = before.sheets.map((sheet) => (sheet.voidedAt === null ? { ...sheet, voidedAt: at, voidReason } : sheet));
        next.signature = null;
        next.history = [...before.history, { at, actor, action: 'editar', from: before.state, to: 'en_revision_juridica', observations: voidReason, details: { hojaAnulada: true, huellaAnterior: before.digest, huellaNueva: digest } }];
      } else {
        next.history = [...before.history, { at, actor, action: 'editar', from: before.state, to: before.state, observations: '', details: { huellaNueva: digest } }];
      }
      await saveRevision(o, before, next, now);
      await ws.audit.record('shipment.updated', actor, next.folio ?? next.content.subject, { envio: id });
      if (outcome === 'back_to_review') {
        await ws.audit.record('shipment.sheet_voided', actor, next.folio ?? next.content.subject, { envio: id, folio: next.folio ?? '' });
      }
      return next;
    });
  }

  /** The actions `user` may take now on shipment `id`. */
  async allowedActions(ws: Workspace, user: User, id: string): Promise<ShipmentAction[]> {
    const o = await this.vault.open(ws);
    return allowedActions(await loadShipment(o, id), user);
  }

  /**
   * Takes one life-cycle action: state, role and segregation of duties are
   * checked here. The payload arrives parsed (dispatch checks it against the
   * action's schema, `actInputSchema`).
   */
  async act<A extends ShipmentAction>(ws: Workspace, user: User, id: string, action: A, payload: ActionPayload<A>): Promise<Shipment> {
    const o = await this.vault.open(ws);
    return o.queue.run(async () => {
      // An interrupted handoff is caught up when the ledger loads: read the shipment after that.
      await o.custody();
      const before = await loadShipment(o, id);
      const refusal = refusalOf(before, user, action);
      if (refusal) throw new AppError(refusal.code, refusal.message);
      const now = this.clock();
      const at = now.toISOString();
      const actor = actorOf(user);
      if (isHandoffAction(action)) return this.custody.handoff(ws, o, user, before, action, payload as HandoffPayload, now);
      const to = TRANSITIONS[action].to;
      const next: Shipment = { ...before, rev: before.rev + 1, state: to, updatedAt: at };
      let observations = '';
      const details: HistoryEntry['details'] = {};
      const p = payload as Record<string, unknown>;
      switch (action) {
        case 'enviar_a_revision':
        case 'aprobar_revision':
          observations = String(p.remarks ?? p.observations ?? '');
          break;
        case 'devolver':
          observations = String(p.observations);
          break;
        case 'generar_hoja': {
          const agreement = checkRecipient(o, before.content, todayInOffice(now));
          if (before.folio === null) {
            const year = Number(todayInOffice(now).slice(0, 4));
            await o.store.table(); // the folio counter knows every folio once the rows are loaded
            const number = o.store.folios.next(year);
            next.folio = formatFolio(ws.office.data.folioPrefix, number, year);
            next.folioYear = year;
            next.folioNumber = number;
          }
          const sheet: ApprovalSheet = {
            version: before.sheets.length + 1,
            folio: next.folio as string,
            digest: before.digest,
            generatedAt: at,
            generatedBy: actor,
            agreementNumber: agreement.number,
            voidedAt: null,
            voidReason: null,
          };
          next.agreementNumber = agreement.number;
          next.sheets = [...before.sheets, sheet];
          details.folio = sheet.folio;
          details.hoja = sheet.version;
          details.huella = sheet.digest;
          break;
        }
        case 'registrar_firma': {
          const f = payload as ActionPayload<'registrar_firma'>;
          const sheet = currentSheet(before);
          if (!sheet || sheet.digest !== before.digest) throw new AppError('INVALID_TRANSITION', 'La hoja de autorización vigente no corresponde al contenido actual; genérela de nuevo.');
          checkSignature(sheet, (await o.printed.printedBefore(before, 'approval', `hoja${sheet.version}`)) > 0, f.signedOn, now);
          next.signature = { signerName: f.signerName, signerPosition: f.signerPosition, signedOn: f.signedOn, scan: await storeScan(ws, f.scan), recordedBy: actor, recordedAt: at };
          details.firmante = `${f.signerName}, ${f.signerPosition}`;
          details.fechaFirma = f.signedOn;
          break;
        }
        case 'cancelar':
          observations = String(p.reason);
          next.closingReason = observations;
          break;
        default:
          throw new AppError('INTERNAL', 'Acción sin tratamiento.');
      }
      next.history = [...before.history, { at, actor, action, from: before.state, to, observations, details }];
      await saveRevision(o, before, next, now);
      await ws.audit.record(AUDIT_OF[action], actor, next.folio ?? next.content.subject, {
        envio: id,
        de: before.state,
        a: to,
        ...(observations ? { observaciones: observations } : {}),
        ...details,
      });
      return next;
    });
  }
}
