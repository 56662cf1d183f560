/**
 * Field builders for the paper forms' inputs, each with the Spanish message a
 * clerk reads when a sheet cannot be printed, and the one place a failed
 * parse becomes that message: «Falta el folio (Formato de autorización: no
 * se generó).» A form must fail loudly rather than print half a table.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import '../validation';

/** The longest free text a form prints (notes, remarks, reasons). */
export const MAX_TEXT = 2000;

/** A required text, trimmed; `what` names it with its article («el folio»). */
export function text(what: string, max = 300) {
  return z
    .string({ error: `Falta ${what}` })
    .max(max, `El campo «${what}» admite como máximo ${max} caracteres`)
    .trim()
    .min(1, `Falta ${what}`);
}

/** An optional text, trimmed; absent or null prints as nothing (''). */
export function optionalText(what: string, max = MAX_TEXT) {
  return z
    .string({ error: `El campo «${what}» debe ser texto` })
    .max(max, `El campo «${what}» admite como máximo ${max} caracteres`)
    .trim()
    .nullish()
    .transform((value) => value ?? '');
}

/** An ISO-8601 instant; the form prints it in the office's time zone. */
export function isoDate(what: string) {
  return text(what, 64).refine((value) => !Number.isNaN(new Date(value).getTime()), `La fecha «${what}» no es válida`);
}

/** A whole number from 0 up. */
export function count(what: string) {
  const message = `«${what}» debe ser un número entero`;
  return z.number({ error: message }).int(message).min(0, message);
}

/** A list of at most `max` entries. */
export function list<T extends z.ZodType>(item: T, what: string, max = 10_000) {
  return z.array(item, { error: `Falta ${what}` }).max(max, `Hay demasiados elementos en ${what} (máximo ${max})`);
}

/** How an entry of a list is named in a message, by the list's field name. */
const ENTRY_NAMES: Record<string, string> = {
  inventory: 'el elemento {n} del inventario',
  files: 'el archivo {n}',
  seals: 'el sello {n}',
  sealsSeen: 'el sello visto {n}',
  events: 'el evento {n}',
  encryptedFiles: 'el archivo cifrado {n}',
  materials: 'el material {n}',
  channels: 'el canal {n}',
  legalChecklist: 'la pregunta {n} de la revisión jurídica',
};

/** «…, en el elemento 3 del inventario» for an issue inside lists; nothing at the top. */
function where(path: readonly PropertyKey[]): string {
  const places: string[] = [];
  path.forEach((key, index) => {
    if (typeof key !== 'number') return;
    const list = path[index - 1];
    const name = typeof list === 'string' ? ENTRY_NAMES[list] : undefined;
    places.push((name ?? 'el elemento {n}').replace('{n}', String(key + 1)));
  });
  return places.length === 0 ? '' : `, en ${places.join(', ')}`;
}

/**
 * Parses a form's input or throws a VALIDATION AppError naming the first
 * problem and the form, so the message says what did not print.
 */
export function parseFormInput<S extends z.ZodType>(form: string, schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const message = issue ? `${issue.message}${where(issue.path)}` : 'Los datos del formato no son válidos';
  throw new AppError('VALIDATION', `${message} (${form}: no se generó).`);
}
