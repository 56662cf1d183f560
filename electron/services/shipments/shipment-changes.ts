import type { HistoryEntry, Shipment } from '../../../shared/domain/shipments';
import { canonicalJson } from '../integrity/canonical-json';

/** The fields a revision may change; `id` never changes and `rev`/`history` are carried by the change itself. */
export type ShipmentFields = Omit<Shipment, 'id' | 'rev' | 'history'>;

/**
 * One frame of the `shipment-changes` stream: what one save changed. A
 * revision stores the fields whose value differs from the revision before
 * (every field at the first) and the history entries it added, never a copy
 * of the history: a shipment's storage grows with its events, not with their
 * square. Folding a shipment's changes in order gives back every version.
 */
export interface ShipmentChange {
  id: string;
  rev: number;
  set: Partial<ShipmentFields>;
  added: HistoryEntry[];
  /** where the previous revision's frame lies (null for the first): a shipment is read back by following these */
  prev: FramePointer | null;
}

/** A frame's place in the stream: partition month, index in it, byte offset and length. */
export type FramePointer = [month: string, index: number, offset: number, total: number];

const FIELDS_OF = (s: Shipment): ShipmentFields => {
  const { id: _id, rev: _rev, history: _history, ...fields } = s;
  return fields;
};

/** The change that turns `before` (null for a new shipment) into `after`. */
export function changeOf(before: Shipment | null, after: Shipment, prev: FramePointer | null): ShipmentChange {
  const fields = FIELDS_OF(after);
  if (!before) return { id: after.id, rev: after.rev, set: fields, added: after.history, prev: null };
  const previous = FIELDS_OF(before) as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const old = previous[key];
    // Most fields are strings or null: compare those directly; objects by their canonical form.
    const same = typeof value !== 'object' || value === null ? value === old : typeof old === 'object' && old !== null && canonicalJson(value) === canonicalJson(old);
    if (!same) set[key] = value;
  }
  if (after.history.length < before.history.length) throw new Error('a revision cannot drop history entries');
  return { id: after.id, rev: after.rev, set: set as Partial<ShipmentFields>, added: after.history.slice(before.history.length), prev };
}

/** The revision a change makes from the previous one (null before the first). */
export function applyChange(before: Shipment | null, change: ShipmentChange): Shipment {
  if (before === null) {
    return { id: change.id, rev: change.rev, ...(change.set as ShipmentFields), history: [...change.added] };
  }
  if (before.id !== change.id || change.rev <= before.rev) throw new Error(`change ${change.id}@${change.rev} does not follow ${before.id}@${before.rev}`);
  return { ...before, ...change.set, id: before.id, rev: change.rev, history: [...before.history, ...change.added] };
}

/** Every version of a shipment, oldest first, from its changes in order. */
export function foldRevisions(changes: readonly ShipmentChange[]): Shipment[] {
  const out: Shipment[] = [];
  let current: Shipment | null = null;
  for (const change of changes) {
    current = applyChange(current, change);
    out.push(current);
  }
  return out;
}
