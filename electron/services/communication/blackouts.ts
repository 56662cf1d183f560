/**
 * Blackout periods (vedas): days in which government propaganda is held back
 * (an electoral campaign, for one), with the exceptions each admits
 * (Constitución, art. 41, base III, apartado C). The administrator keeps
 * them; a release planned inside one needs an exception it allows
 * (release-rules: blackoutRefusal). A small catalogue: one document.
 */
import { randomUUID } from 'node:crypto';
import { BLACKOUT_EXCEPTION_LABELS, type Blackout, type ParsedBlackoutInput } from '../../../shared/domain/releases';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { blackoutsDoc } from '../vault/documents';

export class BlackoutService {
  constructor(private readonly clock: () => Date) {}

  /** Every blackout, removed ones included (the record stays), by start date. */
  async list(ws: Workspace): Promise<Blackout[]> {
    return [...(await blackoutsDoc(ws.vault)).data.blackouts].sort((a, b) => a.from.localeCompare(b.from));
  }

  async save(ws: Workspace, user: User, blackoutId: string | undefined, input: ParsedBlackoutInput): Promise<Blackout> {
    const doc = await blackoutsDoc(ws.vault);
    const overlapping = doc.data.blackouts.find((b) => b.id !== blackoutId && b.removedAt === null && b.from <= input.to && input.from <= b.to);
    if (overlapping) throw new AppError('CONFLICT', `Las fechas se traslapan con el periodo de veda «${overlapping.name}».`);
    let saved: Blackout;
    if (blackoutId) {
      const prev = doc.data.blackouts.find((b) => b.id === blackoutId);
      if (!prev) throw new AppError('NOT_FOUND', 'No existe ese periodo de veda.');
      if (prev.removedAt !== null) throw new AppError('CONFLICT', 'El periodo de veda fue retirado: ya no se modifica.');
      saved = { ...prev, ...input };
      doc.data.blackouts = doc.data.blackouts.map((b) => (b.id === blackoutId ? saved : b));
    } else {
      saved = { ...input, id: randomUUID(), createdAt: this.clock().toISOString(), removedAt: null };
      doc.data.blackouts.push(saved);
    }
    await doc.write();
    const exceptions = saved.allowedExceptions.map((e) => BLACKOUT_EXCEPTION_LABELS[e]).join(', ') || 'ninguna';
    await ws.audit.record('blackout.saved', actorOf(user), `Veda «${saved.name}»`, { veda: saved.id, desde: saved.from, hasta: saved.to, excepciones: exceptions });
    return saved;
  }

  async remove(ws: Workspace, user: User, blackoutId: string): Promise<Blackout> {
    const doc = await blackoutsDoc(ws.vault);
    const prev = doc.data.blackouts.find((b) => b.id === blackoutId);
    if (!prev) throw new AppError('NOT_FOUND', 'No existe ese periodo de veda.');
    if (prev.removedAt !== null) throw new AppError('CONFLICT', 'El periodo de veda ya fue retirado.');
    const removed = { ...prev, removedAt: this.clock().toISOString() };
    doc.data.blackouts = doc.data.blackouts.map((b) => (b.id === blackoutId ? removed : b));
    await doc.write();
    await ws.audit.record('blackout.removed', actorOf(user), `Veda «${removed.name}»`, { veda: removed.id });
    return removed;
  }
}
