import { randomUUID } from 'node:crypto';
import type { JobKind, JobStatus } from '../../../shared/domain/jobs';
import { AppError } from '../../../shared/errors';

export type Progress = (done: number, total: number, message?: string) => void;

export interface JobContext {
  progress: Progress;
  /** Aborted when the person presses «Cancelar» (cancellable jobs only). */
  signal: AbortSignal;
}

/**
 * Long tasks run in the background of the core; the screen polls their
 * status. One task of each kind at a time. A task belongs to whoever started
 * it (a user id, or null on the first-run screen): nobody else may read its
 * status (a load's result holds a passphrase) or cancel it.
 */
export class JobRunner {
  private readonly jobs = new Map<string, { status: JobStatus; abort: AbortController; resultOnce: boolean; owner: string | null }>();

  /**
   * @param labels.resultOnce the result is handed to the screen once and then
   * dropped (a passphrase shown once must not stay in memory).
   */
  start<R>(kind: JobKind, labels: { running: string; done: string; cancellable?: boolean; resultOnce?: boolean; owner: string | null }, work: (ctx: JobContext) => Promise<R>): JobStatus {
    for (const { status } of this.jobs.values()) {
      if (status.kind === kind && status.state === 'running') throw new AppError('CONFLICT', 'Esa tarea ya está en curso. Espere a que termine.');
    }
    const status: JobStatus = { id: randomUUID(), kind, state: 'running', done: 0, total: 0, message: labels.running, cancellable: labels.cancellable ?? false, result: null };
    const abort = new AbortController();
    this.jobs.set(status.id, { status, abort, resultOnce: labels.resultOnce ?? false, owner: labels.owner });
    const progress: Progress = (done, total, message) => {
      status.done = done;
      status.total = total;
      status.message = message ?? `${labels.running} ${done} de ${total}.`;
    };
    void work({ progress, signal: abort.signal }).then(
      (result) => Object.assign(status, { state: 'done', done: status.total, message: labels.done, result }),
      (error: unknown) =>
        Object.assign(
          status,
          abort.signal.aborted
            ? { state: 'cancelled', message: 'Se canceló la tarea; no quedó nada a medias.' }
            : { state: 'failed', message: error instanceof AppError ? error.message : 'La tarea falló por un error inesperado; no se perdió información.' },
        ),
    );
    return { ...status };
  }

  get(id: string, requester: string | null): JobStatus {
    const job = this.owned(id, requester);
    const copy = { ...job.status };
    if (job.resultOnce && job.status.state === 'done') job.status.result = null;
    return copy;
  }

  cancel(id: string, requester: string | null): JobStatus {
    const job = this.owned(id, requester);
    if (!job.status.cancellable) throw new AppError('CONFLICT', 'Esta tarea no puede cancelarse a la mitad.');
    if (job.status.state === 'running') job.abort.abort();
    return { ...job.status };
  }

  /** Someone else's task answers as if it did not exist: its id says nothing. */
  private owned(id: string, requester: string | null) {
    const job = this.jobs.get(id);
    if (!job || job.owner !== requester) throw new AppError('NOT_FOUND', 'La tarea solicitada no existe.');
    return job;
  }
}
