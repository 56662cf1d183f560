import type { Agency } from '../../../shared/domain/agencies';
import { CUSTODY_EVENT_LABELS, knownSeals, type CustodyEvent } from '../../../shared/domain/custody';
import { MEDIA_KIND_LABELS, type ApprovalSheet, type Shipment, type ShipmentContent } from '../../../shared/domain/shipments';
import type { PrintOptions } from '../../../shared/domain/printing';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import type { FormInputs, PersonInfo, RecipientInfo, ShipmentFormBase } from '../documents/forms';
import type { OfficeInfo } from '../documents/components';
import { shortHash } from '../integrity/hash-chain';

/**
 * Maps a shipment's records onto the paper forms' inputs (documents/forms).
 * Everything a sheet prints comes from here, so what paper says and what the
 * vault holds cannot drift apart.
 */
export interface FormContext {
  office: OfficeInfo;
  shipment: Shipment;
  agency: Pick<Agency, 'acronym' | 'name' | 'address' | 'recipients'> | null;
  custody: readonly CustodyEvent[];
  users: readonly User[];
  now: Date;
  printedBy: User;
}

/** The chain head as paper carries it (and its QR): the first 16 hex digits of the newest event's hash. */
export function chainHeadText(custody: readonly CustodyEvent[]): string {
  const head = custody.at(-1);
  return head ? head.hash.slice(0, 16).toUpperCase() : '0';
}

function personOf(users: readonly User[], id: string, fallbackName: string): PersonInfo {
  const user = users.find((u) => u.id === id);
  return { name: user?.fullName ?? fallbackName, position: user?.position ?? '' };
}

function recipientOf(ctx: FormContext, content: ShipmentContent): RecipientInfo {
  const person = ctx.agency?.recipients.find((r) => r.id === content.recipientId);
  return {
    agencyName: ctx.agency?.name ?? '(dependencia eliminada)',
    agencyAcronym: ctx.agency?.acronym ?? '—',
    name: person?.fullName ?? '(destinatario eliminado)',
    position: person?.position ?? '',
    ...(ctx.agency?.address ? { address: ctx.agency.address } : {}),
  };
}

/** Seals recorded on the envelope plus any placed or seen at a handoff. */
function sealsOf(ctx: FormContext): string[] {
  return knownSeals(ctx.shipment.content.envelope?.seals ?? [], ctx.custody);
}

function base(ctx: FormContext, options: PrintOptions, reprint: number): ShipmentFormBase {
  if (!ctx.shipment.folio) throw new AppError('INVALID_TRANSITION', 'El envío todavía no tiene folio: los formatos se imprimen a partir de la hoja de autorización.');
  return { office: ctx.office, folio: ctx.shipment.folio, contentDigest: ctx.shipment.digest, chainHead: chainHeadText(ctx.custody), pageSize: options.pageSize, reprint };
}

function packageDescription(content: ShipmentContent): string {
  if (content.envelope) return `Sobre ${content.envelope.envelopeSize}, ${content.envelope.sheets} ${content.envelope.sheets === 1 ? 'hoja' : 'hojas'}`;
  if (content.media) return `${MEDIA_KIND_LABELS[content.media.kind]} ${content.media.brand} ${content.media.model}, serie ${content.media.serial}`.replace(/\s+/g, ' ');
  return content.inventory.map((i) => `${i.quantity} × ${i.description}`).join('; ');
}

/** Who reviewed: the last legal approval before the sheet was produced. */
function reviewerBefore(ctx: FormContext, at: string): PersonInfo | undefined {
  const approval = [...ctx.shipment.history].reverse().find((h) => h.action === 'aprobar_revision' && h.at <= at);
  return approval ? personOf(ctx.users, approval.actor.id, approval.actor.fullName) : undefined;
}

/** The Director General who signs: the one registered, else the active user holding the director role. */
function authoriser(ctx: FormContext): PersonInfo | undefined {
  const signature = ctx.shipment.signature;
  if (signature) return { name: signature.signerName, position: signature.signerPosition };
  const director = ctx.users.find((u) => u.active && u.roles.includes('director'));
  return director ? { name: director.fullName, position: director.position } : undefined;
}

/**
 * The approval sheet of `sheet`, with `content` as it was when that sheet was
 * produced (a voided sheet prints what it vouched for, marked ANULADA).
 */
export function approvalInput(ctx: FormContext, sheet: ApprovalSheet, content: ShipmentContent, options: PrintOptions, reprint: number): FormInputs['approval'] {
  const authorizedBy = authoriser(ctx);
  const reviewedBy = reviewerBefore(ctx, sheet.generatedAt);
  return {
    ...base(ctx, options, reprint),
    folio: sheet.folio,
    contentDigest: sheet.digest,
    voided: sheet.voidedAt ? { reason: sheet.voidReason ?? 'Hoja anulada.', at: sheet.voidedAt } : null,
    generatedAt: sheet.generatedAt,
    sheetVersion: sheet.version,
    recipient: recipientOf(ctx, content),
    agreementNumber: sheet.agreementNumber,
    channel: content.channel,
    subject: content.subject,
    classification: { level: content.classification, legalBasis: content.legalBasis },
    coveringOficio: content.coveringOficio,
    inventory: content.inventory,
    envelope: content.envelope,
    media: content.media,
    notes: content.notes,
    signers: {
      preparedBy: personOf(ctx.users, ctx.shipment.preparedBy.id, ctx.shipment.preparedBy.fullName),
      ...(reviewedBy ? { reviewedBy } : {}),
      ...(authorizedBy ? { authorizedBy } : {}),
    },
  };
}

function common(ctx: FormContext, options: PrintOptions, reprint: number) {
  const content = ctx.shipment.content;
  return { ...base(ctx, options, reprint), recipient: recipientOf(ctx, content), classification: { level: content.classification, legalBasis: content.legalBasis }, channel: content.channel };
}

export function envelopeCoverInput(ctx: FormContext, options: PrintOptions, reprint: number): FormInputs['envelopeCover'] {
  const content = ctx.shipment.content;
  const sealed = ctx.custody.find((e) => e.transition?.action === 'sellar');
  return { ...common(ctx, options, reprint), seals: sealsOf(ctx), sheets: content.envelope?.sheets ?? null, envelopeSize: content.envelope?.envelopeSize ?? '', coveringOficio: content.coveringOficio, sealedAt: sealed?.at ?? null };
}

export function envelopeLabelInput(ctx: FormContext, options: PrintOptions, reprint: number): FormInputs['envelopeLabel'] {
  const { pageSize: _letterOrA4, ...cover } = envelopeCoverInput(ctx, options, reprint);
  return { ...cover, labelSize: options.labelSize ?? 'media_carta' };
}

export function custodyRegisterInput(ctx: FormContext, options: PrintOptions, reprint: number): FormInputs['custodyRegister'] {
  const seqOf = new Map(ctx.custody.map((e) => [e.id, e.seq]));
  return {
    ...common(ctx, options, reprint),
    seals: sealsOf(ctx),
    packageDescription: packageDescription(ctx.shipment.content),
    events: ctx.custody.map((e) => ({
      at: e.at,
      type: `${CUSTODY_EVENT_LABELS[e.type]}${e.corrects ? ` (corrige al ${seqOf.get(e.corrects) ?? '—'})` : ''}`,
      from: { ...e.from },
      to: { ...e.to },
      place: e.place,
      purpose: e.purpose,
      sealsSeen: e.seals.map((s) => s.number),
      sealsIntact: e.seals.length === 0 ? null : !e.brokenSeal,
      remarks: [...e.seals.filter((s) => !s.intact).map((s) => `Sello ${s.number} dañado: ${s.description}`), e.remarks].filter(Boolean).join(' · '),
      recordedBy: e.recordedBy.fullName,
      hash: shortHash(e.hash),
    })),
  };
}

export function receiptInput(ctx: FormContext, options: PrintOptions, reprint: number): FormInputs['receipt'] {
  const content = ctx.shipment.content;
  return {
    ...common(ctx, options, reprint),
    agreementNumber: ctx.shipment.agreementNumber,
    subject: content.subject,
    coveringOficio: content.coveringOficio,
    inventory: content.inventory,
    seals: sealsOf(ctx),
    media: content.media,
    ...(ctx.office.address ? { returnTo: ctx.office.address } : {}),
  };
}

/** Printed before loading, it lists what will go on the media; the loader prints the final one. */
export function mediaManifestInput(ctx: FormContext, options: PrintOptions, reprint: number): FormInputs['mediaManifest'] {
  const media = ctx.shipment.content.media;
  if (!media) throw new AppError('VALIDATION', 'El manifiesto sólo existe para envíos en medio magnético.');
  const printer = { name: ctx.printedBy.fullName, position: ctx.printedBy.position };
  return { ...common(ctx, options, reprint), media, bagDirectory: (ctx.shipment.folio ?? ctx.shipment.id).replaceAll('/', '-'), encryption: null, loadedAt: ctx.now.toISOString(), loadedBy: printer };
}
