/**
 * Importing the agency catalogue from a spreadsheet saved as CSV.
 *
 * Offices keep their directory in Excel; Excel on Windows saves "CSV" in the
 * ANSI code page (windows-1252) with `;` or `,` depending on the regional
 * settings, and "CSV UTF-8" with a BOM. Decoding and reading the CSV is the
 * shared csv module's (papaparse, iconv-lite); this module maps the Spanish
 * column headers, validates every row with the shared schema and plans the
 * import so that importing the same file twice creates nothing new.
 */
import '../../../../shared/validation';
import type { z } from 'zod';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, agencyInputSchema, type Agency, type AgencyInput, type AgencyKind, type RecipientInput } from '../../../../shared/domain/agencies';
import { AppError } from '../../../../shared/errors';
import { detectDelimiter, readCsvRecords, type CsvDelimiter } from '../../csv/csv';

// ---- headers ------------------------------------------------------------------

/** Lower case, no accents, punctuation as spaces, single spaces: «Correo Institucional:» → «correo institucional». */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Acronyms compare without accents, case, spaces or dots: «C.N.I.» = «cni». */
export function foldAcronym(value: string): string {
  return foldText(value).replace(/ /g, '');
}

export type AgencyCsvColumn = 'name' | 'acronym' | 'kind' | 'address' | 'phone' | 'email' | 'notes' | 'recipientName' | 'recipientPosition' | 'recipientId';

/** The Spanish header each column is known by (shown in messages when the file lacks the column). */
export const AGENCY_CSV_COLUMN_LABELS: Record<AgencyCsvColumn, string> = {
  name: 'nombre',
  acronym: 'siglas',
  kind: 'tipo',
  address: 'domicilio',
  phone: 'teléfono',
  email: 'correo',
  notes: 'notas',
  recipientName: 'destinatario',
  recipientPosition: 'cargo del destinatario',
  recipientId: 'identificación del destinatario',
};

const REQUIRED_COLUMNS: readonly AgencyCsvColumn[] = ['name', 'acronym', 'kind'];

const HEADER_ALIASES: Record<AgencyCsvColumn, readonly string[]> = {
  name: ['nombre', 'nombre de la dependencia', 'dependencia', 'nombre oficial', 'nombre de la organizacion'],
  acronym: ['siglas', 'acronimo', 'abreviatura'],
  kind: ['tipo', 'tipo de dependencia', 'tipo de organizacion'],
  address: ['domicilio', 'direccion', 'domicilio oficial'],
  phone: ['telefono', 'telefonos', 'tel', 'telefono de contacto'],
  email: ['correo', 'correo institucional', 'email', 'e mail', 'correo electronico'],
  notes: ['notas', 'nota', 'observaciones'],
  recipientName: ['destinatario', 'nombre del destinatario', 'destinatario autorizado'],
  recipientPosition: ['cargo del destinatario', 'cargo', 'puesto del destinatario', 'puesto'],
  recipientId: ['identificacion del destinatario', 'identificacion', 'id del destinatario'],
};

const ALIAS_TO_COLUMN = new Map<string, AgencyCsvColumn>(
  (Object.entries(HEADER_ALIASES) as [AgencyCsvColumn, readonly string[]][]).flatMap(([column, aliases]) => aliases.map((a) => [a, column] as const)),
);

/** Which CSV column a header names (case/accent-insensitive), or null. */
export function matchAgencyCsvHeader(header: string): AgencyCsvColumn | null {
  return ALIAS_TO_COLUMN.get(foldText(header)) ?? null;
}

function spanishList(items: readonly string[]): string {
  const quoted = items.map((i) => `«${i}»`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} y ${quoted[quoted.length - 1]}`;
}

// ---- agency kind ----------------------------------------------------------------

const KIND_ALIASES = new Map<string, AgencyKind>([
  ...AGENCY_KINDS.map((k) => [foldText(k), k] as const),
  ...AGENCY_KINDS.map((k) => [foldText(AGENCY_KIND_LABELS[k]), k] as const),
  ['gobierno federal', 'federal'],
  ['dependencia federal', 'federal'],
  ['gobierno estatal', 'estatal'],
  ['dependencia estatal', 'estatal'],
  ['estado', 'estatal'],
  ['municipio', 'municipal'],
  ['gobierno municipal', 'municipal'],
  ['ayuntamiento', 'municipal'],
  ['autonomo', 'organismo_autonomo'],
  ['organismo publico autonomo', 'organismo_autonomo'],
  ['privado', 'privada'],
  ['empresa privada', 'privada'],
  ['iniciativa privada', 'privada'],
  ['sociedad civil', 'organizacion_civil'],
  ['organizacion de la sociedad civil', 'organizacion_civil'],
  ['asociacion civil', 'organizacion_civil'],
  ['osc', 'organizacion_civil'],
  ['ong', 'organizacion_civil'],
]);

/** «Organismo autónomo», «organismo_autonomo», «ORGANIZACIÓN CIVIL»… → the kind code; null when unknown. */
export function parseAgencyKind(value: string): AgencyKind | null {
  return KIND_ALIASES.get(foldText(value)) ?? null;
}

const KIND_CHOICES = spanishList(AGENCY_KINDS.map((k) => AGENCY_KIND_LABELS[k])).replace(/ y «([^»]+)»$/, ' u «$1»');

// ---- rows ---------------------------------------------------------------------------

export type CsvRowResult = { line: number; ok: true; agency: AgencyInput } | { line: number; ok: false; errors: string[] };

export interface AgencyCsv {
  delimiter: CsvDelimiter;
  rows: CsvRowResult[];
  /** Headers that name no known column; their values are not imported. */
  ignoredColumns: string[];
}

function shorten(value: string, max = 60): string {
  const single = value.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

function columnOfIssue(issue: z.core.$ZodIssue): AgencyCsvColumn | null {
  const [first, , third] = issue.path;
  switch (first) {
    case 'name':
    case 'acronym':
    case 'kind':
    case 'address':
    case 'phone':
    case 'email':
    case 'notes':
      return first;
    case 'recipients':
      return third === 'fullName' ? 'recipientName' : third === 'position' ? 'recipientPosition' : third === 'identification' ? 'recipientId' : 'recipientName';
    default:
      return null;
  }
}

/**
 * Parses a decoded CSV of agencies. Throws AppError('VALIDATION') when the
 * header lacks «nombre», «siglas» or «tipo» (or names a column twice); every
 * other problem is reported on its row, by line number, so the good rows can
 * still be imported. Blank lines are skipped.
 */
export function parseAgencyCsv(text: string): AgencyCsv {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(clean);
  const records = readCsvRecords(clean, delimiter);
  const header = records.shift();
  const headerText = (header?.fields ?? []).map((h) => h.trim());

  const indexOf = new Map<AgencyCsvColumn, number>();
  const ignoredColumns: string[] = [];
  headerText.forEach((h, index) => {
    const column = matchAgencyCsvHeader(h);
    if (column === null) {
      if (h !== '') ignoredColumns.push(h);
      return;
    }
    const previous = indexOf.get(column);
    if (previous !== undefined) {
      throw new AppError(
        'VALIDATION',
        `El encabezado del archivo trae dos columnas para «${AGENCY_CSV_COLUMN_LABELS[column]}» («${headerText[previous]}» y «${h}»). Deje sólo una y vuelva a importar.`,
      );
    }
    indexOf.set(column, index);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !indexOf.has(c));
  if (missing.length > 0) {
    const lead = header === undefined ? 'El archivo está vacío' : `Al archivo le ${missing.length === 1 ? 'falta la columna obligatoria' : 'faltan las columnas obligatorias'} ${spanishList(missing.map((c) => AGENCY_CSV_COLUMN_LABELS[c]))}`;
    throw new AppError(
      'VALIDATION',
      `${lead}. La primera línea debe traer los encabezados de las columnas: «nombre», «siglas» y «tipo» son obligatorias; «domicilio», «teléfono», «correo», «notas», «destinatario», «cargo del destinatario» e «identificación del destinatario» son opcionales.`,
    );
  }

  const labelOf = (column: AgencyCsvColumn) => {
    const index = indexOf.get(column);
    return index === undefined ? AGENCY_CSV_COLUMN_LABELS[column] : headerText[index] || AGENCY_CSV_COLUMN_LABELS[column];
  };

  const rows = records.map((record): CsvRowResult => {
    const errors: string[] = [];
    const value = (column: AgencyCsvColumn) => {
      const index = indexOf.get(column);
      return index === undefined ? '' : (record.fields[index] ?? '').trim();
    };
    if (record.unterminated) {
      errors.push('Hay unas comillas («"») que abren en esta línea y no cierran, así que tampoco se leyeron las filas que siguen; revise la fila en la hoja de cálculo.');
    } else if (record.malformedQuotes) {
      errors.push('Hay comillas mal puestas («"») dentro de un valor entre comillas: escríbalas dobles («""»); revise la fila en la hoja de cálculo.');
    }
    const extra = record.fields.slice(headerText.length).filter((f) => f.trim() !== '');
    if (errors.length === 0 && extra.length > 0) {
      errors.push(
        `La fila trae ${record.fields.length} valores pero el encabezado tiene ${headerText.length} columnas; revise que los textos con «${delimiter}» vayan entre comillas.`,
      );
    }
    // A misaligned row would only add misleading per-column errors.
    if (errors.length > 0) return { line: record.line, ok: false, errors };

    const kindText = value('kind');
    const kind = parseAgencyKind(kindText);
    if (kind === null) {
      errors.push(
        kindText === ''
          ? `Columna «${labelOf('kind')}»: escriba el tipo de dependencia (${KIND_CHOICES}).`
          : `Columna «${labelOf('kind')}»: «${shorten(kindText)}» no es un tipo de dependencia válido; use ${KIND_CHOICES}.`,
      );
    }

    const recipientName = value('recipientName');
    const recipientPosition = value('recipientPosition');
    const recipientId = value('recipientId');
    const recipients: RecipientInput[] =
      recipientName || recipientPosition || recipientId ? [{ fullName: recipientName, position: recipientPosition, identification: recipientId }] : [];

    const candidate = {
      name: value('name'),
      acronym: value('acronym'),
      kind: kind ?? undefined,
      address: value('address'),
      phone: value('phone'),
      email: value('email'),
      notes: value('notes'),
      recipients,
    };
    const parsed = agencyInputSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnOfIssue(issue);
        if (column === 'kind') continue; // reported above, with the value and the choices
        if (column === null) {
          errors.push(issue.message);
          continue;
        }
        const raw = value(column);
        const shown = raw !== '' && (column === 'email' || column === 'phone') ? ` (se leyó «${shorten(raw)}»)` : '';
        errors.push(`Columna «${labelOf(column)}»: ${issue.message}${shown}`);
      }
    }
    if (errors.length > 0 || !parsed.success) return { line: record.line, ok: false, errors };
    // The file says nothing about being active: leave `active` to the caller.
    const { active: _active, ...agency } = parsed.data;
    return { line: record.line, ok: true, agency };
  });

  return { delimiter, rows, ignoredColumns };
}

// ---- import plan --------------------------------------------------------------------------

export interface ImportPlan {
  /** Rows that match no existing agency. */
  create: AgencyInput[];
  /**
   * Rows that match an existing agency (by acronym, else by name). `input` is
   * the complete agency after the import: the file's name, acronym and kind;
   * its other values where the file has them, otherwise the agency's current
   * ones (an import adds and corrects, never erases); recipients merged by
   * name; `active` unchanged.
   */
  update: { id: string; input: AgencyInput }[];
  /** Line numbers of rows skipped because an earlier row of the file names the same agency. */
  duplicatesInFile: number[];
}

function recipientInput(r: RecipientInput): RecipientInput {
  return { fullName: r.fullName, position: r.position, identification: r.identification ?? '' };
}

function mergeRecipients(current: readonly RecipientInput[], incoming: readonly RecipientInput[]): RecipientInput[] {
  const merged = current.map(recipientInput);
  for (const r of incoming) {
    const index = merged.findIndex((m) => foldText(m.fullName) === foldText(r.fullName));
    const existing = index >= 0 ? merged[index] : undefined;
    if (existing) {
      merged[index] = { fullName: r.fullName, position: r.position || existing.position, identification: r.identification || existing.identification || '' };
    } else {
      merged.push(recipientInput(r));
    }
  }
  return merged;
}

function mergeAgency(current: Agency, row: AgencyInput): AgencyInput {
  const keep = (incoming: string | undefined, existing: string) => (incoming && incoming.trim() !== '' ? incoming : existing);
  return {
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    address: keep(row.address, current.address),
    phone: keep(row.phone, current.phone),
    email: keep(row.email, current.email),
    notes: keep(row.notes, current.notes),
    recipients: mergeRecipients(current.recipients, row.recipients ?? []),
    active: current.active,
  };
}

/**
 * Decides what importing `rows` does to the catalogue `existing`: each valid
 * row updates the agency with the same acronym (case, accents, dots and spaces
 * ignored) or, failing that, the same name; otherwise it creates one. A row
 * naming an agency already named by an earlier row is a duplicate and skipped.
 * Rows with errors are ignored here (the caller shows them).
 */
export function planImport(rows: readonly CsvRowResult[], existing: readonly Agency[]): ImportPlan {
  const byAcronym = new Map<string, Agency>();
  const byName = new Map<string, Agency>();
  for (const agency of existing) {
    const a = foldAcronym(agency.acronym);
    const n = foldText(agency.name);
    if (a && !byAcronym.has(a)) byAcronym.set(a, agency);
    if (n && !byName.has(n)) byName.set(n, agency);
  }
  const plan: ImportPlan = { create: [], update: [], duplicatesInFile: [] };
  const seenAcronyms = new Set<string>();
  const seenNames = new Set<string>();
  const claimed = new Set<string>();
  for (const row of rows) {
    if (!row.ok) continue;
    const a = foldAcronym(row.agency.acronym);
    const n = foldText(row.agency.name);
    const match = byAcronym.get(a) ?? byName.get(n);
    if (seenAcronyms.has(a) || seenNames.has(n) || (match && claimed.has(match.id))) {
      plan.duplicatesInFile.push(row.line);
      continue;
    }
    seenAcronyms.add(a);
    seenNames.add(n);
    if (match) {
      claimed.add(match.id);
      plan.update.push({ id: match.id, input: mergeAgency(match, row.agency) });
    } else {
      plan.create.push(row.agency);
    }
  }
  return plan;
}
