import { PAPER_FORM_LABELS, type PaperForm, type PrintedForm, type PrintedSheetInfo, type PrintRequest, type PrintOptions } from '../../../shared/domain/printing';
import type { ApprovalSheet, Shipment, ShipmentContent } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import type { FormInputs, FormName } from '../documents/forms';
import { assertMayRead } from './need-to-know';
import { loadShipment, readRuleOf, saveRevision, type OpenShipments, type ShipmentVault } from './open-shipments';
import type { FileDownload } from './shipment-attachments';
import { approvalInput, chainHeadText, custodyRegisterInput, envelopeCoverInput, envelopeLabelInput, mediaManifestInput, receiptInput, type FormContext } from './shipment-forms';

export type RenderForm = <N extends FormName>(name: N, input: FormInputs[N]) => Promise<Buffer>;

const FORM_FILE_NAMES: Record<PaperForm, string> = {
  approval: 'autorizacion',
  envelopeCover: 'caratula-sobre',
  envelopeLabel: 'etiqueta-sobre',
  custodyRegister: 'registro-custodia',
  receipt: 'acuse-recibo',
  mediaManifest: 'manifiesto-medio',
};

/**
 * The paper forms of a shipment: printing one (counted, so a second print
 * says «REIMPRESIÓN n», kept byte for byte in the vault and audited) and
 * reading back the prints kept.
 */
export class ShipmentPrinting {
  /**
   * @param render renders a paper form; in the app it runs on a worker
   * thread (documents/render-pool) so layout never holds up the window.
   */
  constructor(
    private readonly vault: ShipmentVault,
    private readonly clock: () => Date,
    private readonly render: RenderForm,
  ) {}

  /**
   * Issues a paper form of the shipment: counts it, audits who printed which
   * form of which content, and renders it. The approval sheet prints the
   * content it vouched for: an older, voided sheet prints as it was, marked ANULADA.
   */
  async printForm(ws: Workspace, user: User, req: PrintRequest): Promise<PrintedForm> {
    const o = await this.vault.open(ws);
    // In the write queue: the reprint number printed on the sheet must be the one recorded with it.
    return o.queue.run(async () => {
      const shipment = await loadShipment(o, req.shipmentId);
      await assertMayRead(ws, user, readRuleOf(shipment), `imprimir ${PAPER_FORM_LABELS[req.form]}`);
      if (req.form === 'mediaManifest' && !shipment.content.media) throw new AppError('VALIDATION', 'El manifiesto sólo existe para envíos en medio magnético.');
      const sheet = req.form === 'approval' ? (req.sheetVersion === undefined ? shipment.sheets.at(-1) : shipment.sheets.find((x) => x.version === req.sheetVersion)) : undefined;
      if (req.form === 'approval' && !sheet) throw new AppError('NOT_FOUND', 'El envío todavía no tiene hoja de autorización.');
      const agency = o.agencies.data.agencies.find((a) => a.id === shipment.content.agencyId) ?? null;
      const office = ws.office.data;
      const ctx: FormContext = {
        office: { institution: office.institution, unit: office.unit, acronym: office.acronym, address: office.address, ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) },
        shipment,
        agency,
        custody: await (await o.custody()).of(shipment.id),
        users: ws.users.data.users,
        now: this.clock(),
        printedBy: user,
      };
      const options = { pageSize: req.pageSize, labelSize: req.labelSize };
      const variant = sheet ? `hoja${sheet.version}` : req.form === 'envelopeLabel' ? (req.labelSize ?? 'media_carta') : '';
      // Validate and lay out before recording, so a form that cannot print leaves no trace.
      const reprint = await o.printed.printedBefore(shipment, req.form, variant);
      const pdf = sheet
        ? await this.render('approval', approvalInput(ctx, sheet, await contentOfSheet(o, shipment, sheet), options, reprint))
        : await this.renderOther(req.form as Exclude<PaperForm, 'approval'>, ctx, options, reprint);
      const folio = (shipment.folio ?? shipment.id).replaceAll('/', '-');
      const suffix = sheet ? `-hoja${sheet.version}` : req.form === 'envelopeLabel' ? `-${req.labelSize ?? 'media_carta'}` : '';
      const fileName = `${FORM_FILE_NAMES[req.form]}-${folio}${suffix}${reprint > 0 ? `-reimpresion${reprint}` : ''}.pdf`;
      // The bytes first, then the shipment's entry that points at them: a print the vault could not keep is not counted or audited.
      const print = { form: req.form, variant, ...(sheet ? { sheetVersion: sheet.version } : {}), reprint, printedAt: ctx.now.toISOString(), printedBy: user.fullName, fileName };
      const stored = await o.printed.store(shipment, print, pdf, ctx.now);
      await saveRevision(o, shipment, { ...shipment, rev: shipment.rev + 1, prints: [...(shipment.prints ?? []), stored] }, ctx.now);
      const digest = sheet?.digest ?? shipment.digest;
      await ws.audit.record('document.printed', actorOf(user), shipment.folio ?? shipment.content.subject, {
        envio: shipment.id,
        formato: PAPER_FORM_LABELS[req.form],
        huella: digest,
        cadena: chainHeadText(ctx.custody),
        ...(reprint > 0 ? { reimpresion: reprint } : {}),
        ...(sheet ? { hoja: sheet.version } : {}),
        pdf_sha256: stored.sha256,
        impreso: stored.id,
      });
      return { fileName, mediaType: 'application/pdf', base64: pdf.toString('base64'), reprint, printedSheetId: stored.id, sha256: stored.sha256 };
    });
  }

  /** The prints of a shipment kept in the vault, oldest first. */
  async printedSheets(ws: Workspace, viewer: User, shipmentId: string): Promise<PrintedSheetInfo[]> {
    const o = await this.vault.open(ws);
    const shipment = await loadShipment(o, shipmentId);
    await assertMayRead(ws, viewer, readRuleOf(shipment), 'ver las impresiones');
    return o.printed.of(shipment);
  }

  /** One kept print, byte for byte as it was printed. */
  async printedSheet(ws: Workspace, viewer: User, shipmentId: string, sheetId: string): Promise<{ record: PrintedSheetInfo; pdf: Buffer }> {
    const o = await this.vault.open(ws);
    const shipment = await loadShipment(o, shipmentId);
    await assertMayRead(ws, viewer, readRuleOf(shipment), 'descargar una impresión');
    return o.printed.bytes(shipment, sheetId);
  }

  /** One kept print as a download for the screen. */
  async printedSheetDownload(ws: Workspace, viewer: User, shipmentId: string, sheetId: string): Promise<FileDownload> {
    const { record, pdf } = await this.printedSheet(ws, viewer, shipmentId, sheetId);
    return { fileName: record.fileName, mediaType: 'application/pdf', base64: pdf.toString('base64') };
  }

  private renderOther(form: Exclude<PaperForm, 'approval'>, ctx: FormContext, options: PrintOptions, reprint: number): Promise<Buffer> {
    switch (form) {
      case 'envelopeCover':
        return this.render('envelopeCover', envelopeCoverInput(ctx, options, reprint));
      case 'envelopeLabel':
        return this.render('envelopeLabel', envelopeLabelInput(ctx, options, reprint));
      case 'custodyRegister':
        return this.render('custodyRegister', custodyRegisterInput(ctx, options, reprint));
      case 'receipt':
        return this.render('receipt', receiptInput(ctx, options, reprint));
      case 'mediaManifest':
        return this.render('mediaManifest', mediaManifestInput(ctx, options, reprint));
    }
  }
}

/** The content a sheet vouched for: the current one, or for a voided sheet the revision that produced it. */
async function contentOfSheet(o: OpenShipments, shipment: Shipment, sheet: ApprovalSheet): Promise<ShipmentContent> {
  if (sheet.digest === shipment.digest) return shipment.content;
  const revisions = await o.store.revisions(shipment.id);
  return revisions.find((r) => r.digest === sheet.digest)?.content ?? shipment.content;
}
