import type { ShipmentState } from '../../../shared/domain/shipment-states';
import type { Classification, ShipmentChannel, ShipmentContent } from '../../../shared/domain/shipments';
import type { FramePointer, ShipmentChange } from './shipment-changes';

export type ReportPeriodLink = NonNullable<ShipmentContent['reportPeriod']>;

/**
 * What lists, search, Inicio, the counter and the report periods need of a
 * shipment, kept in memory for every shipment (and in the checkpoint). The
 * whole shipment, with its content and history, is read from disk when its
 * page opens: at ten years, 100,000 whole shipments would not fit the
 * memory a workstation can spare.
 */
export interface ShipmentRow {
  id: string;
  rev: number;
  folio: string | null;
  folioYear: number | null;
  folioNumber: number | null;
  state: ShipmentState;
  channel: ShipmentChannel;
  classification: Classification;
  subject: string;
  agencyId: string;
  createdAt: string;
  updatedAt: string;
  preparedBy: string;
  period: ReportPeriodLink | null;
  /** id of the newest custody event that moved the shipment (a handoff), if any */
  lastMove: string | null;
  /** everyone who saved content (the rules on who may review or authorise need it); shared between rows, never changed in place */
  preparedByIds: readonly string[];
  /** the envelope's recorded seal numbers, as typed */
  seals: readonly string[];
  /** whether the shipment was ever sealed (a cancelled one that never was leaves its seals free) */
  sealed: boolean;
  /** folded free-text field: folio, then `\u0001` and the content's searchable words */
  text: string;
  /** where the newest revision's frame lies; each frame points to the one before (ShipmentChange.prev) */
  last: FramePointer;
  /** the row's place in creation order (0 for the first shipment): its checkpoint segment follows from it */
  slot: number;
}


/**
 * One copy of each value that many rows repeat: who prepared them, the
 * month of their newest frame, «no seals». Every row parsed from JSON or
 * built from a change would otherwise hold its own copy; at 100,000 rows
 * those copies were about 15 MB. The values are few (the office's people
 * and months), so the pool stays small.
 */
const pool = new Map<string, unknown>();
function pooled<T>(key: string, make: () => T): T {
  let value = pool.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    pool.set(key, value);
  }
  return value;
}
const NO_STRINGS: readonly string[] = Object.freeze([]);
/** A list of values that many rows share (who prepared them): one frozen copy of each. */
export const sharedList = (list: readonly string[] | undefined): readonly string[] =>
  !list || list.length === 0 ? NO_STRINGS : pooled(`list:${list.join('\u0000')}`, () => Object.freeze(list.map((v) => pooled(`str:${v}`, () => v))));
/** A list most rows leave empty and the rest hold alone (seal numbers): only the empty one is shared. */
export const ownList = (list: readonly string[] | undefined): readonly string[] => (!list || list.length === 0 ? NO_STRINGS : list);
const sharedPointer = (p: FramePointer): FramePointer => [pooled(`str:${p[0]}`, () => p[0]), p[1], p[2], p[3]];

export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The searchable words of a content: subject, covering oficio, seal numbers, media serial. */
function contentText(c: ShipmentContent): string {
  return fold([c.subject, c.coveringOficio, ...(c.envelope?.seals ?? []), c.media?.serial ?? ''].join('\u0001'));
}

function withFolio(text: string, folio: string | null): string {
  const cut = text.indexOf('\u0001');
  return fold(folio ?? '') + (cut < 0 ? `\u0001${text}` : text.slice(cut));
}

/** The row after one more change; `frame` is where that change's frame lies, `slot` the place of a new row. */
export function advanceRow(row: ShipmentRow | undefined, change: ShipmentChange, frame: FramePointer, slot: number): ShipmentRow {
  const set = change.set;
  let next: ShipmentRow;
  if (!row) {
    const content = set.content;
    if (!content || !set.state || !set.createdAt || !set.preparedBy) throw new Error(`the first change of ${change.id} is not a whole shipment`);
    next = {
      id: change.id,
      rev: change.rev,
      folio: null,
      folioYear: null,
      folioNumber: null,
      state: set.state,
      channel: content.channel,
      classification: content.classification,
      subject: content.subject,
      agencyId: content.agencyId,
      createdAt: set.createdAt,
      updatedAt: set.updatedAt ?? set.createdAt,
      preparedBy: set.preparedBy.fullName,
      period: content.reportPeriod ?? null,
      lastMove: null,
      preparedByIds: sharedList(set.preparedByIds),
      seals: ownList(content.envelope?.seals),
      sealed: false,
      text: `\u0001${contentText(content)}`,
      last: frame,
      slot,
    };
  } else {
    next = { ...row, rev: change.rev };
    if (set.content) {
      const c = set.content;
      Object.assign(next, { channel: c.channel, classification: c.classification, subject: c.subject, agencyId: c.agencyId, period: c.reportPeriod ?? null, seals: ownList(c.envelope?.seals) });
      next.text = `\u0001${contentText(c)}`;
    }
    if (set.state) next.state = set.state;
    if (set.updatedAt) next.updatedAt = set.updatedAt;
    if (set.preparedBy) next.preparedBy = set.preparedBy.fullName;
    if (set.preparedByIds) next.preparedByIds = sharedList(set.preparedByIds);
  }
  if (set.folio !== undefined) {
    next.folio = set.folio;
    next.folioYear = set.folioYear ?? next.folioYear;
    next.folioNumber = set.folioNumber ?? next.folioNumber;
  }
  if (set.folio !== undefined || set.content) next.text = withFolio(next.text, next.folio);
  for (const entry of change.added) {
    if (entry.action === 'sellar') next.sealed = true;
    const event = entry.details.eventoCustodia;
    if (typeof event === 'string') next.lastMove = event;
  }
  next.last = sharedPointer(frame);
  return next;
}

// ---- the checkpoint's form of the rows: columns, names and agencies once each ----

/** Rows as columns: at 100,000 rows an array of objects repeats every key and parses several times slower. */
export interface RowColumns {
  ids: string[];
  revs: number[];
  folios: Array<string | null>;
  folioYears: Array<number | null>;
  folioNumbers: Array<number | null>;
  states: ShipmentState[];
  channels: ShipmentChannel[];
  classifications: Classification[];
  subjects: string[];
  /** number in `agencyIds` */
  agencies: number[];
  agencyIds: string[];
  createdAt: string[];
  updatedAt: string[];
  /** number in `people` */
  preparedBy: number[];
  people: string[];
  periods: Array<ReportPeriodLink | null>;
  lastMoves: Array<string | null>;
  preparedByIds: Array<readonly string[]>;
  seals: Array<readonly string[]>;
  sealed: boolean[];
  texts: string[];
  last: FramePointer[];
}

/** Whether a decoded checkpoint has the columns, all of one length (a cheap guard before trusting it). */
export function isRowColumns(value: unknown): value is RowColumns {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const ids = c.ids;
  if (!Array.isArray(ids)) return false;
  const perRow = ['revs', 'folios', 'folioYears', 'folioNumbers', 'states', 'channels', 'classifications', 'subjects', 'agencies', 'createdAt', 'updatedAt', 'preparedBy', 'periods', 'lastMoves', 'preparedByIds', 'seals', 'sealed', 'texts', 'last'];
  return perRow.every((k) => Array.isArray(c[k]) && (c[k] as unknown[]).length === ids.length) && Array.isArray(c.agencyIds) && Array.isArray(c.people);
}
