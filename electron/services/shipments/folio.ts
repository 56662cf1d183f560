/**
 * Folios: consecutive per office and year, `PREFIX/0001/2026`.
 *
 * There is no separate counter to keep in step. A folio is assigned by the
 * very revision record that moves the shipment to `por_firmar`: one frame
 * appended (and fdatasynced) to the shipments stream. The next number is the
 * highest folio found in that stream for the year, plus one. So:
 * - a crash before the frame is durable leaves no trace and the number was
 *   never acknowledged to anyone: the next call takes the same number (no gap);
 * - once durable, the frame is read back at every open, so the number can
 *   never be handed out again (no duplicate). A torn tail frame is cut by the
 *   stream, which is the same as "never written";
 * - concurrent calls are serialised by ShipmentService's queue, and the
 *   in-memory maximum advances only after the append succeeded.
 * Folios are never taken back: a cancelled shipment or a voided sheet keeps
 * its folio, and a shipment whose sheet is regenerated keeps the one it had.
 */
export function formatFolio(prefix: string, number: number, year: number): string {
  return `${prefix}/${String(number).padStart(4, '0')}/${year}`;
}

/** Highest folio number seen per year. */
export class FolioCounter {
  private readonly last = new Map<number, number>();

  observe(year: number | null, number: number | null): void {
    if (year === null || number === null) return;
    if (number > (this.last.get(year) ?? 0)) this.last.set(year, number);
  }

  next(year: number): number {
    return (this.last.get(year) ?? 0) + 1;
  }
}
