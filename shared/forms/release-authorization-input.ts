/**
 * What the «Formato de autorización de difusión» receives (docs/DOMAIN.md,
 * «Difusiones»): the sheet the Director General signs by hand before a
 * release goes to the public or to official networks (directive 6.1.4,
 * sections B and C). It binds the signature to the exact text and material
 * by their SHA-256, printed and in the QR.
 */
import { z } from 'zod';
import { isoDate, list, MAX_TEXT, optionalText, text } from './form-fields';
import { officeSchema, PAGE_SIZES } from './form-inputs';

const HEX64 = /^[0-9a-f]{64}$/;
const QR_SAFE = /^[^|\r\n]+$/;

const digest = (what: string) =>
  text(what, 64)
    .toLowerCase()
    .regex(HEX64, `${what[0]?.toUpperCase()}${what.slice(1)} debe ser un SHA-256 de 64 dígitos hexadecimales`);

/** A signer of the sheet; `at` is when Valija recorded their step (null: to be signed by hand only). */
const signer = (what: string) =>
  z.object(
    { fullName: optionalText(`nombre de ${what}`, 300), position: optionalText(`cargo de ${what}`, 300), at: isoDate(`fecha de ${what}`).nullable().default(null) },
    { error: `Faltan los datos de ${what}` },
  );

export const releaseAuthorizationSchema = z.object(
  {
    office: officeSchema,
    pageSize: z.enum(PAGE_SIZES, { error: 'El tamaño de papel debe ser carta o A4' }).default('LETTER'),
    /** The release's folio, e.g. «CS-2026-0007»; printed and in the QR. */
    folio: text('el folio de la difusión', 80).regex(QR_SAFE, 'El folio no puede contener «|» ni saltos de línea'),
    /** 1 for the first sheet; n after n − 1 were voided by edits. */
    sheetVersion: z.number().int().min(1).default(1),
    /** 0 for the original print; n for the n-th reprint («REIMPRESIÓN n»). */
    reprint: z.number().int().min(0).default(0),
    kind: text('el tipo de difusión'),
    title: text('el título', 300),
    /** The full text; the sheet prints it whole (it may run onto more pages). */
    body: text('el texto', 20_000),
    /** SHA-256 of the canonical content (text, material digests, channels, dates): what the signature vouches for. */
    contentDigest: digest('la huella del contenido'),
    materials: list(z.object({ name: text('el nombre del material'), mediaType: text('el tipo del material', 100), sizeBytes: z.number().int().min(0), sha256: digest('la huella del material') }), 'el material', 100),
    providingArea: text('el área que proporciona la información'),
    /** Where it will be published: «Facebook · @SSP_Estado (oficial)», «Radio · XEW Noticias». */
    channels: list(text('el canal', 300), 'los canales', 100).min(1, 'Falta al menos un canal'),
    plannedAt: isoDate('fecha y hora planeadas'),
    embargoUntil: isoDate('fin del embargo').nullable().default(null),
    classification: text('la clasificación', 100),
    legalBasis: optionalText('fundamento legal', 1000),
    /** The blackout the planned date falls in and the exception chosen, when any. */
    blackout: z.object({ name: text('el periodo de veda'), exception: text('la excepción') }).nullable().default(null),
    /** The legal reviewer's checklist, in order. */
    legalChecklist: list(z.object({ question: text('la pregunta'), answer: z.enum(['si', 'no', 'sin_responder']), note: optionalText('nota', 1000) }), 'la lista de revisión', 20),
    legalOpinion: optionalText('la opinión jurídica', MAX_TEXT),
    /** Published first on verbal authorisation (urgent path): who authorised and when. */
    urgent: z.object({ authorizedBy: text('quién autorizó de palabra'), at: isoDate('hora de la autorización verbal') }).nullable().default(null),
    signers: z.object(
      {
        preparedBy: signer('quien elaboró'),
        /** Networks only; null when the release needs no area validation. */
        validatedBy: signer('quien validó por el área').nullable().default(null),
        reviewedBy: signer('quien revisó (Jurídico)'),
        authorizedBy: signer('quien autorizó'),
      },
      { error: 'Faltan los firmantes' },
    ),
    generatedAt: isoDate('fecha de elaboración'),
  },
  { error: 'Faltan los datos de la autorización de difusión' },
);
export type ReleaseAuthorizationInput = z.input<typeof releaseAuthorizationSchema>;
export type ReleaseAuthorization = z.output<typeof releaseAuthorizationSchema>;
