/**
 * What each official paper form receives, as zod schemas: the forms take
 * plain view models (no dependency on the shipment service), whoever prints
 * maps its records onto these shapes, and every form parses its input with
 * `parseFormInput` before anything is drawn. Dates travel as ISO-8601 and
 * are printed in the office's time zone by the form.
 */
import { z } from 'zod';
import { CLASSIFICATIONS, MEDIA_KINDS, SANITISATION_METHODS, SHIPMENT_CHANNELS } from '../domain/shipments';
import { count, isoDate, list, MAX_TEXT, optionalText, text } from './form-fields';

export const PAGE_SIZES = ['LETTER', 'A4'] as const;
export type PageSizeName = (typeof PAGE_SIZES)[number];

/** The adhesive labels an envelope's label prints on (their geometry lives with the form). */
export const LABEL_SIZE_NAMES = ['media_carta', 'etiqueta_4x2'] as const;
export type LabelSize = (typeof LABEL_SIZE_NAMES)[number];

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=\s]+$/;
const HEX64 = /^[0-9a-f]{64}$/;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;
// The QR fields are separated by "|": none of them may contain it.
const QR_SAFE = /^[^|\r\n]+$/;

export interface OfficeInfo {
  /** e.g. "Secretaría de Seguridad Pública del Estado de …". */
  institution: string;
  /** e.g. "Centro de Comando, Control, Cómputo y Comunicaciones (C4)". */
  unit: string;
  /** e.g. "C4-SSP". */
  acronym: string;
  address?: string;
  /** A PNG as `data:image/png;base64,…`. */
  logoPngDataUrl?: string;
}

export const officeSchema = z
  .object(
    {
      institution: text('el nombre de la institución'),
      unit: text('el nombre de la unidad'),
      acronym: text('las siglas de la oficina', 40),
      address: optionalText('domicilio de la oficina', 300),
      logoPngDataUrl: z
        .string()
        .optional()
        .refine((logo) => logo === undefined || logo === '' || PNG_DATA_URL.test(logo), 'El logotipo de la oficina debe ser una imagen PNG'),
    },
    { error: 'Faltan los datos de la oficina' },
  )
  .transform(
    ({ address, logoPngDataUrl, ...names }): OfficeInfo => ({ ...names, ...(address ? { address } : {}), ...(logoPngDataUrl ? { logoPngDataUrl } : {}) }),
  );

const pageSize = z.enum(PAGE_SIZES, { error: 'El tamaño de papel debe ser carta o A4' }).default('LETTER');

const channel = z.enum(SHIPMENT_CHANNELS, { error: 'El canal de envío no es válido' });

/** Fields shared by every form of a shipment. */
export const shipmentFormBase = z.object(
  {
    office: officeSchema,
    /** e.g. "C4/DG/0042/2026". */
    folio: text('el folio', 80).regex(QR_SAFE, 'El folio no puede contener «|» ni saltos de línea'),
    /** SHA-256 of the shipment's canonical content. */
    contentDigest: text('la huella del contenido', 64)
      .toLowerCase()
      .regex(HEX64, 'La huella del contenido debe ser un SHA-256 de 64 dígitos hexadecimales'),
    /** Short form of the current custody chain head (e.g. its first 12 hex digits); "0" before any event. */
    chainHead: text('la cabeza de la cadena de custodia', 64).regex(/^[0-9A-Za-z]+$/, 'La cabeza de la cadena de custodia sólo admite letras y dígitos'),
    pageSize,
    /** 0 or omitted on the first print; n on the n-th reprint. */
    reprint: z.number({ error: 'El número de reimpresión no es válido' }).int('El número de reimpresión no es válido').min(0).max(999).default(0),
    /** Present when the sheet is no longer valid: every page is marked "ANULADA". */
    voided: z
      .object({ reason: text('el motivo de la anulación', MAX_TEXT), at: isoDate('fecha de anulación') }, { error: 'Los datos de la anulación no son válidos' })
      .nullish()
      .transform((voided) => voided ?? null),
  },
  { error: 'Faltan los datos del formato' },
);
export type ShipmentFormBase = z.input<typeof shipmentFormBase>;
export type VoidInfo = NonNullable<z.output<typeof shipmentFormBase>['voided']>;

export const classificationSchema = z
  .object(
    {
      level: z.enum(CLASSIFICATIONS, { error: 'La clasificación no es válida' }),
      /** Required for reservada and confidencial (e.g. "Art. 113, fracc. I, LGTAIP"). */
      legalBasis: optionalText('fundamento legal'),
    },
    { error: 'Falta la clasificación' },
  )
  .refine((c) => c.level === 'publica' || c.legalBasis !== '', 'Falta el fundamento legal de la clasificación');
export type ClassificationInfo = z.input<typeof classificationSchema>;

/** The recipient agency and the authorised person in it. */
export const recipientSchema = z
  .object(
    {
      agencyName: text('el nombre de la dependencia destinataria'),
      agencyAcronym: text('las siglas de la dependencia destinataria', 40),
      name: text('el nombre del destinatario'),
      position: text('el cargo del destinatario'),
      /** Postal address, printed on envelope covers and labels when given. */
      address: optionalText('domicilio del destinatario', 300),
    },
    { error: 'Faltan los datos del destinatario' },
  )
  .transform(({ address, ...rest }) => ({ ...rest, ...(address ? { address } : {}) }));
export type RecipientInfo = z.input<typeof recipientSchema>;

/** A person in a signature block; may be left blank on purpose (filled by hand). */
export function personSchema(what: string) {
  return z
    .object({ name: optionalText(`nombre de ${what}`, 300), position: optionalText(`cargo de ${what}`, 300) }, { error: `Los datos de ${what} no son válidos` })
    .nullish()
    .transform((person) => person ?? { name: '', position: '' });
}
export interface PersonInfo {
  name: string;
  position: string;
}

/*
 * Contents, with the shapes of shared/domain/shipments so records map onto
 * them one to one. The part types are the parsed shapes the forms draw.
 */

export const inventoryLineSchema = z.object(
  {
    description: text('la descripción', 500),
    type: text('el tipo', 60),
    quantity: count('cantidad'),
    sheets: count('fojas')
      .nullish()
      .transform((sheets) => sheets ?? null),
  },
  { error: 'Faltan los datos' },
);
export type InventoryLine = z.output<typeof inventoryLineSchema>;
export const inventorySchema = list(inventoryLineSchema, 'el inventario', 500).min(1, 'El inventario está vacío');

export const sealsSchema = list(text('el número de sello', 60), 'los números de sello', 50);

export const envelopeSchema = z
  .object(
    {
      envelopeSize: text('el tamaño del sobre', 60),
      sheets: count('hojas del sobre'),
      seals: sealsSchema,
      packingNotes: optionalText('notas de empaque'),
    },
    { error: 'Los datos del sobre no son válidos' },
  )
  .nullish()
  .transform((envelope) => envelope ?? null);
export type EnvelopeInfo = NonNullable<z.output<typeof envelopeSchema>>;

export const mediaFileSchema = z.object(
  {
    name: text('el nombre del archivo', 1000),
    size: count('tamaño del archivo'),
    sha256: text('la huella SHA-256', 64).toLowerCase().regex(HEX64, 'La huella SHA-256 no es válida'),
  },
  { error: 'Faltan los datos' },
);
export type MediaFileLine = z.output<typeof mediaFileSchema>;

export const mediaSchema = z.object(
  {
    kind: z.enum(MEDIA_KINDS, { error: 'El tipo de medio no es válido' }),
    brand: text('la marca del medio', 80),
    model: optionalText('modelo del medio', 80),
    serial: text('el número de serie del medio', 120),
    capacity: text('la capacidad del medio', 40),
    sanitisation: z.object(
      {
        method: z.enum(SANITISATION_METHODS, { error: 'El método de borrado no es válido' }),
        tool: text('la herramienta de borrado', 120),
        date: text('la fecha del borrado', 10).regex(CIVIL_DATE, 'La fecha del borrado debe tener la forma AAAA-MM-DD'),
        performedBy: text('quién realizó el borrado', 120),
        verifiedBy: text('quién verificó el borrado', 120),
      },
      { error: 'Falta el registro de borrado seguro del medio' },
    ),
    files: list(mediaFileSchema, 'los archivos del medio'),
  },
  { error: 'Faltan los datos del medio' },
);
export type MediaInfo = z.output<typeof mediaSchema>;
const optionalMedia = mediaSchema.nullish().transform((media) => media ?? null);

/** How a medium's files are age-encrypted, as the recipient's sheets explain it. */
export const encryptionSchema = z.object(
  {
    /** File on the medium, e.g. "envio-C5-DG-0042-2026.tar.age"; with several, the pattern they follow. */
    encryptedFileName: text('el nombre del archivo cifrado', 255),
    /** What `age -d` writes, e.g. "envio-C5-DG-0042-2026.tar". */
    outputName: text('el nombre del archivo descifrado', 255),
    /** With more than one file, each encrypted file by name (each ends in ".age" and decrypts beside itself). */
    encryptedFiles: list(text('el nombre del archivo cifrado', 255), 'la lista de archivos cifrados').optional(),
  },
  { error: 'Faltan los datos del archivo cifrado' },
);
export type AgeEncryptionInfo = z.output<typeof encryptionSchema>;

/* The forms. */

/** What the shipment's sheets print about it: recipient, agreement, channel, subject, classification. */
const shipmentFields = {
  recipient: recipientSchema,
  agreementNumber: text('el número de convenio', 120),
  channel,
  subject: text('el asunto', 500),
  classification: classificationSchema,
  /** Number of the covering oficio, when there is one. */
  coveringOficio: optionalText('oficio', 80),
};

export const approvalFormSchema = shipmentFormBase.extend({
  ...shipmentFields,
  /** When this sheet was generated. */
  generatedAt: isoDate('fecha de elaboración'),
  /** 1 for the first sheet of the shipment; n after n − 1 were voided by edits. */
  sheetVersion: z.number({ error: 'El número de hoja no es válido' }).int('El número de hoja no es válido').min(1, 'El número de hoja no es válido').default(1),
  inventory: inventorySchema,
  envelope: envelopeSchema,
  media: optionalMedia,
  notes: optionalText('observaciones'),
  signers: z.object(
    {
      /** Elaboró: who prepared the shipment. */
      preparedBy: personSchema('quien elaboró'),
      /** Revisó (Jurídico): blank lines when not known yet. */
      reviewedBy: personSchema('quien revisó'),
      /** Autorizó (Director General). */
      authorizedBy: personSchema('quien autorizó'),
    },
    { error: 'Faltan los firmantes' },
  ),
});
export type ApprovalFormInput = z.input<typeof approvalFormSchema>;
export type ApprovalSigners = ApprovalFormInput['signers'];

export const receiptSchema = shipmentFormBase.extend({
  ...shipmentFields,
  inventory: inventorySchema,
  /** Seal numbers the recipient must find intact. */
  seals: sealsSchema,
  /** For magnetic media: printed so the recipient can match the serial. */
  media: optionalMedia,
  /** Where to return the signed receipt, e.g. the office's address or e-mail. */
  returnTo: optionalText('a dónde se devuelve el acuse', 300),
});
export type ReceiptInput = z.input<typeof receiptSchema>;

const coverFields = {
  recipient: recipientSchema,
  classification: classificationSchema,
  channel,
  /** Seal numbers on the envelope, as recorded. */
  seals: sealsSchema,
  /** Sheets inside, when known (sealed envelope). */
  sheets: count('El número de hojas')
    .nullish()
    .transform((sheets) => sheets ?? null),
  envelopeSize: optionalText('tamaño del sobre', 60),
  coveringOficio: optionalText('oficio', 80),
  /** When the envelope was sealed. */
  sealedAt: optionalText('fecha de cierre', 64)
    .refine((at) => at === '' || !Number.isNaN(new Date(at).getTime()), 'La fecha «fecha de cierre» no es válida')
    .transform((at) => (at === '' ? null : at)),
};
export const envelopeCoverSchema = shipmentFormBase.extend(coverFields);
export type EnvelopeCoverInput = z.input<typeof envelopeCoverSchema>;

/** A label is printed on its own stock, so it has a label size instead of a paper size. */
export const envelopeLabelSchema = shipmentFormBase
  .omit({ pageSize: true })
  .extend({ ...coverFields, labelSize: z.enum(LABEL_SIZE_NAMES, { error: 'El tamaño de etiqueta no es válido' }) });
export type EnvelopeLabelInput = z.input<typeof envelopeLabelSchema>;

function partySchema(what: string) {
  return z.object(
    {
      name: text(`el nombre de ${what}`),
      position: optionalText(`cargo de ${what}`, 300),
      institution: optionalText(`institución de ${what}`, 300),
      /** Official ID shown on receipt (e.g. "INE 1234567890", "Gafete FGEO-0231"). */
      identification: optionalText(`identificación de ${what}`, 120),
    },
    { error: `Faltan los datos de ${what}` },
  );
}
export type CustodyParty = z.input<ReturnType<typeof partySchema>>;

export const custodyEventLineSchema = z.object(
  {
    at: isoDate('fecha del evento'),
    /** Already labelled, e.g. "Sellado", "Entrega a mensajería", "Recepción en destino". */
    type: text('el tipo del evento', 120),
    from: partySchema('quien entrega'),
    to: partySchema('quien recibe'),
    place: optionalText('lugar del evento', 300),
    purpose: optionalText('propósito del evento', 500),
    sealsSeen: sealsSchema.default([]),
    /** Whether the seals seen were intact; null when not checked. */
    sealsIntact: z
      .boolean({ error: 'El estado de los sellos no es válido' })
      .nullish()
      .transform((intact) => intact ?? null),
    remarks: optionalText('observaciones del evento', MAX_TEXT),
    /** Who recorded the event in Valija. */
    recordedBy: text('quién registró el evento'),
    /** Short form of the event's chain hash, printed so the paper can be matched to the record. */
    hash: optionalText('huella del evento', 64),
  },
  { error: 'Faltan los datos' },
);
export type CustodyEventLine = z.input<typeof custodyEventLineSchema>;

export const custodyRegisterSchema = shipmentFormBase.extend({
  recipient: recipientSchema,
  classification: classificationSchema,
  channel,
  /** Seal numbers placed when the package was sealed. */
  seals: sealsSchema,
  /** e.g. "Sobre bolsa oficio, 45 hojas" or "Memoria USB Kingston, serie …". */
  packageDescription: text('la descripción del paquete', 300),
  events: list(custodyEventLineSchema, 'los eventos de custodia', 1000),
  /** Blank rows after the events; by default enough to fill the page, at least 4. */
  blankRows: z
    .number({ error: 'El número de renglones en blanco no es válido' })
    .int('El número de renglones en blanco no es válido')
    .min(0, 'El número de renglones en blanco no es válido')
    .max(200, 'El número de renglones en blanco no es válido')
    .optional(),
});
export type CustodyRegisterInput = z.input<typeof custodyRegisterSchema>;

export const mediaManifestSchema = shipmentFormBase.extend({
  recipient: recipientSchema,
  classification: classificationSchema,
  media: mediaSchema,
  /** Folder of the BagIt 1.0 bag once on disk (after decrypting and extracting, if encrypted). */
  bagDirectory: text('la carpeta del paquete BagIt', 255),
  encryption: encryptionSchema.nullish().transform((encryption) => encryption ?? null),
  /** When the files were written and read back. */
  loadedAt: isoDate('fecha de carga'),
  loadedBy: personSchema('quien cargó el medio'),
  verifiedBy: personSchema('quien verificó la carga'),
});
export type MediaManifestInput = z.input<typeof mediaManifestSchema>;

export const openingKeySchema = shipmentFormBase.extend({
  recipient: recipientSchema,
  /** The age passphrase exactly as it must be typed. */
  passphrase: text('la clave de apertura', 300),
  encryption: encryptionSchema,
  /** Serial of the medium it opens, so the sheet is matched to the right one. */
  mediaSerial: optionalText('número de serie del medio', 120),
  /**
   * For a records export rather than a shipment's medium: `folio` is then the
   * bag's folder name, `recipient` who exported it, and the sheet says how
   * many shipments and which folios the encrypted archive holds.
   */
  export: z
    .object({ shipments: count('número de envíos del expediente'), folios: optionalText('folios del expediente', 2000) }, { error: 'Los datos del expediente no son válidos' })
    .nullish()
    .transform((bundle) => bundle ?? null),
});
export type OpeningKeySheetInput = z.input<typeof openingKeySchema>;

/** The vault's recovery sheet: not a shipment's form, so none of the shipment fields. */
export const recoverySheetSchema = z.object(
  {
    office: officeSchema,
    /** As shown to the administrator, grouped, e.g. "ABCD-EFGH-…". */
    recoveryCode: text('el código de recuperación', 200),
    vaultId: text('el identificador de la bóveda', 200),
    createdAt: isoDate('fecha de creación de la bóveda'),
    createdBy: z.object(
      { fullName: text('el nombre de quien creó la bóveda'), position: text('el cargo de quien creó la bóveda') },
      { error: 'Falta quién creó la bóveda' },
    ),
    pageSize,
  },
  { error: 'Faltan los datos de la hoja de recuperación' },
);
export type RecoverySheetInput = z.input<typeof recoverySheetSchema>;

/**
 * The «resguardo» a custodian of a social-network account's password signs
 * by hand: what they acknowledge holding, never the password itself.
 */
export const custodyAcknowledgementSchema = z.object(
  {
    office: officeSchema,
    pageSize,
    /** A short code naming this acknowledgement (account and custody), printed and in the QR. */
    code: text('el código del resguardo', 80).regex(QR_SAFE, 'El código del resguardo no puede contener «|» ni saltos de línea'),
    /** SHA-256 of the canonical custody record it acknowledges. */
    digest: text('la huella del resguardo', 64)
      .toLowerCase()
      .regex(HEX64, 'La huella del resguardo debe ser un SHA-256 de 64 dígitos hexadecimales'),
    account: z.object(
      {
        network: text('la red social'),
        handle: text('el usuario de la cuenta'),
        url: optionalText('dirección de la cuenta', 300),
        kind: text('el tipo de cuenta'),
        area: text('el área responsable de la cuenta'),
      },
      { error: 'Faltan los datos de la cuenta' },
    ),
    custodian: z.object(
      { fullName: text('el nombre del custodio'), position: text('el cargo del custodio'), area: text('el área del custodio') },
      { error: 'Faltan los datos del custodio' },
    ),
    startedOn: text('la fecha de inicio de la custodia', 10).regex(CIVIL_DATE, 'La fecha de inicio de la custodia no es válida'),
    keptIn: text('dónde se guarda la contraseña', 300),
    secondFactorHeldBy: text('quién controla el segundo factor', 200),
    recoveryContact: text('el contacto de recuperación', 200),
    printedAt: isoDate('fecha de impresión'),
    /** 0 on the first print of this custody's resguardo; n on the n-th reprint («REIMPRESIÓN n»). */
    reprint: z.number().int().min(0).default(0),
    /** Who hands the custody over (signs as «Entregó»). */
    handedOverBy: z.object({ fullName: text('el nombre de quien entrega'), position: text('el cargo de quien entrega') }, { error: 'Falta quién entrega la custodia' }),
  },
  { error: 'Faltan los datos del resguardo' },
);
export type CustodyAcknowledgementInput = z.input<typeof custodyAcknowledgementSchema>;

/** The report of an incident on a social-network account (theft, loss, unauthorised access) and its protocol. */
export const incidentReportSchema = z.object(
  {
    office: officeSchema,
    pageSize,
    code: text('el código del incidente', 80).regex(QR_SAFE, 'El código del incidente no puede contener «|» ni saltos de línea'),
    account: z.object(
      { network: text('la red social'), handle: text('el usuario de la cuenta'), kind: text('el tipo de cuenta'), area: text('el área responsable de la cuenta') },
      { error: 'Faltan los datos de la cuenta' },
    ),
    kind: text('el tipo de incidente'),
    description: text('la descripción del incidente', MAX_TEXT),
    openedBy: text('quién abrió el incidente'),
    /** The protocol's steps in order, with their times (null while pending). */
    steps: list(
      z.object({ label: text('el paso del protocolo'), at: isoDate('hora del paso').nullable(), note: optionalText('nota del paso', 1000), recordedBy: optionalText('quién registró el paso', 200) }),
      'los pasos del protocolo',
    ),
    printedAt: isoDate('fecha de impresión'),
    printedBy: z.object({ fullName: text('el nombre de quien imprime'), position: text('el cargo de quien imprime') }, { error: 'Falta quién imprime el reporte' }),
  },
  { error: 'Faltan los datos del reporte de incidente' },
);
export type IncidentReportInput = z.input<typeof incidentReportSchema>;

/**
 * The public directory of social-network accounts, printed (octava of the 2019
 * policies: the names and list of official accounts are information of
 * public interest), for the transparency portal and the office's files.
 */
export const publicDirectorySchema = z.object(
  {
    office: officeSchema,
    pageSize,
    /** The directory's entries as the CSV has them, already in their printed order. */
    accounts: list(
      z.object({
        network: text('la red social'),
        handle: text('el usuario de la cuenta'),
        url: optionalText('dirección de la cuenta', 300),
        kind: text('el tipo de cuenta'),
        holder: optionalText('titular de la cuenta', 300),
        area: text('el área responsable de la cuenta'),
        lastValidatedOn: text('la fecha de la última validación', 10).regex(CIVIL_DATE, 'La fecha de la última validación no es válida'),
      }),
      'las cuentas del directorio',
      2000,
    ),
    printedAt: isoDate('fecha de impresión'),
    printedBy: z.object({ fullName: text('el nombre de quien imprime'), position: text('el cargo de quien imprime') }, { error: 'Falta quién imprime el directorio' }),
  },
  { error: 'Faltan los datos del directorio público' },
);
export type PublicDirectoryInput = z.input<typeof publicDirectorySchema>;
