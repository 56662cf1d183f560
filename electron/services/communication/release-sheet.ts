/**
 * The «Formato de autorización de difusión» as the Director General signs it
 * (docs/DOMAIN.md, «Difusiones»): what a release puts on the sheet, mapped to
 * the form's input (`shared/forms/release-authorization-input.ts`). The form
 * itself is rendered by the documents module under the name
 * `release-authorization`.
 */
import type { Area } from '../../../shared/domain/areas';
import type { OfficeProfile } from '../../../shared/domain/office';
import { BLACKOUT_EXCEPTION_LABELS, LEGAL_CHECKS, LEGAL_CHECK_LABELS, RELEASE_KIND_LABELS, type Blackout, type Release } from '../../../shared/domain/releases';
import { CLASSIFICATION_LABELS } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import type { ReleaseAuthorizationInput } from '../../../shared/forms/release-authorization-input';

export const RELEASE_FORM = 'release-authorization';
export const RELEASE_FORM_LABEL = 'Formato de autorización de difusión';

export interface SheetContext {
  office: OfficeProfile;
  area: Area | undefined;
  /** The channels as they read (an account's network and handle, an outlet's name), in the release's order. */
  channelLabels: string[];
  /** The blackout the planned date falls in, if any. */
  blackout: Blackout | null;
  users: readonly User[];
  contentDigest: string;
  sheetVersion: number;
  reprint: number;
  generatedAt: string;
}

function positionOf(users: readonly User[], id: string): string {
  return users.find((u) => u.id === id)?.position ?? '';
}

export function releaseSheetInput(release: Release, ctx: SheetContext): ReleaseAuthorizationInput {
  const { office } = ctx;
  const networks = release.channels.some((c) => c.type === 'cuenta');
  return {
    office: { institution: office.institution, unit: office.unit, acronym: office.acronym, address: office.address, ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) },
    folio: release.folio,
    sheetVersion: ctx.sheetVersion,
    reprint: ctx.reprint,
    kind: RELEASE_KIND_LABELS[release.kind],
    title: release.title,
    body: release.body,
    contentDigest: ctx.contentDigest,
    materials: release.materials.map((m) => ({ name: m.fileName, mediaType: m.mediaType, sizeBytes: m.size, sha256: m.sha256 })),
    providingArea: ctx.area?.name ?? 'Área que ya no está en el catálogo',
    channels: ctx.channelLabels,
    plannedAt: release.plannedAt,
    embargoUntil: release.embargoUntil,
    classification: CLASSIFICATION_LABELS[release.classification],
    legalBasis: release.legalBasis,
    blackout: ctx.blackout && release.blackoutException ? { name: ctx.blackout.name, exception: BLACKOUT_EXCEPTION_LABELS[release.blackoutException] } : null,
    legalChecklist: LEGAL_CHECKS.map((c) => {
      const answer = release.review?.checklist[c];
      return { question: LEGAL_CHECK_LABELS[c], answer: answer?.answer ?? 'sin_responder', note: answer?.note ?? '' };
    }),
    legalOpinion: release.review?.observations ?? '',
    urgent: release.urgent ? { authorizedBy: release.urgent.authorizedBy, at: release.urgent.at } : null,
    signers: {
      preparedBy: { fullName: release.createdBy.fullName, position: positionOf(ctx.users, release.createdBy.id), at: release.createdAt },
      validatedBy: networks ? { fullName: ctx.area?.headName ?? '', position: ctx.area?.headPosition ?? '', at: release.validation?.at ?? null } : null,
      reviewedBy: { fullName: release.review?.by.fullName ?? '', position: release.review ? positionOf(ctx.users, release.review.by.id) : '', at: release.review?.at ?? null },
      // Signed by hand: the sheet leaves the name to the Director's own signature block.
      authorizedBy: { fullName: '', position: 'Director(a) General', at: null },
    },
    generatedAt: ctx.generatedAt,
  };
}
