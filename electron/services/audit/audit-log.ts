import { AUDIT_ACTIONS, type AuditAction, type AuditActor, type AuditEntry, type AuditVerification } from '../../../shared/domain/audit';
import { findBreak, GENESIS_HASH, link } from '../integrity/hash-chain';

/** Where the audit log keeps its entries: an append-only, durable stream. */
export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  /** The newest entry, without reading the whole history. */
  readLast(): Promise<AuditEntry | undefined>;
  /** Months that hold entries (`YYYY-MM`, by each entry's time in UTC), oldest first. */
  months(): Promise<string[]>;
  /** The entries of one month, oldest first. */
  readMonth(month: string): Promise<AuditEntry[]>;
  /** The entries of one month, newest first, each read only when the reader gets to it. */
  newestFirst(month: string): AsyncIterable<AuditEntry>;
}

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  action?: AuditAction | undefined;
  actorId?: string | undefined;
  text?: string | undefined;
  offset: number;
  limit: number;
}

function matches(entry: AuditEntry, filter: AuditFilter, text: string): boolean {
  if (filter.from && entry.at < filter.from) return false;
  if (filter.to && entry.at > filter.to) return false;
  if (filter.action && entry.action !== filter.action) return false;
  if (filter.actorId && entry.actor?.id !== filter.actorId) return false;
  if (text) {
    const haystack = fold([AUDIT_ACTIONS[entry.action], entry.subject, entry.actor?.fullName ?? '', entry.actor?.userName ?? '', ...Object.values(entry.details).map(String)].join(' '));
    if (!haystack.includes(text)) return false;
  }
  return true;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * The audit log: one hash chain over every action taken in the vault.
 * Appends are serialised so the chain never forks. The viewer reads month by
 * month, newest first, one entry at a time, and the unfiltered first page
 * stops after its fifty: at ten years the log holds about a million
 * entries (ten thousand a month), far more than a screen should wait for.
 */
export class AuditLog {
  private head: string;
  private seq: number;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: AuditStore,
    private readonly clock: () => Date,
    last: AuditEntry | undefined,
  ) {
    this.head = last?.hash ?? GENESIS_HASH;
    this.seq = last ? last.seq + 1 : 0;
  }

  static async open(store: AuditStore, clock: () => Date = () => new Date()): Promise<AuditLog> {
    return new AuditLog(store, clock, await store.readLast());
  }

  currentHead(): string {
    return this.head;
  }

  record(
    action: AuditAction,
    actor: AuditActor | null,
    subject: string,
    details: AuditEntry['details'] = {},
    at: Date = this.clock(),
  ): Promise<AuditEntry> {
    const next = this.tail.then(async () => {
      const entry = link<AuditEntry>({ seq: this.seq, at: at.toISOString(), action, actor, subject, details }, this.head);
      await this.store.append(entry);
      this.head = entry.hash;
      this.seq += 1;
      return entry;
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Newest first, filtered, paged; months outside the date filter are not read. */
  async list(filter: AuditFilter): Promise<{ total: number; entries: AuditEntry[] }> {
    await this.tail;
    const text = filter.text ? fold(filter.text.trim()) : '';
    const unfiltered = !filter.from && !filter.to && !filter.action && !filter.actorId && !text;
    const end = filter.offset + filter.limit;
    const page: AuditEntry[] = [];
    let total = 0;
    const fromMonth = filter.from?.slice(0, 7);
    const toMonth = filter.to?.slice(0, 7);
    for (const month of (await this.store.months()).reverse()) {
      if (fromMonth && month < fromMonth) break;
      if (toMonth && month > toMonth) continue;
      for await (const entry of this.store.newestFirst(month)) {
        if (!matches(entry, filter, text)) continue;
        if (total >= filter.offset && total < end) page.push(entry);
        total += 1;
        // Without filters the total is known from the chain: stop once the page is full (the rest of the month is never decrypted).
        if (unfiltered && total >= end) return { total: this.seq, entries: page };
      }
    }
    return { total: unfiltered ? this.seq : total, entries: page };
  }

  /** Walks the whole chain a month at a time: at ten years it holds over a million entries, which never sit in memory at once. */
  async verify(): Promise<AuditVerification> {
    await this.tail;
    let head = GENESIS_HASH;
    let checked = 0;
    for (const month of await this.store.months()) {
      const entries = await this.store.readMonth(month);
      const result = findBreak(entries, head);
      if (result.brk) {
        const bad = entries[result.brk.index]!;
        const reason =
          result.brk.reason === 'hash'
            ? `El registro ${bad.seq} (${AUDIT_ACTIONS[bad.action] ?? bad.action}) fue modificado después de guardarse.`
            : `El registro ${bad.seq} no sigue al anterior: falta, sobra o cambió de orden algún registro.`;
        return { ok: false, checked: checked + result.checked, firstBad: { seq: bad.seq, reason }, head: result.head };
      }
      checked += result.checked;
      head = result.head;
    }
    return { ok: true, checked, firstBad: null, head };
  }
}
