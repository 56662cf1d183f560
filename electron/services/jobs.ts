import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../../shared/domain/jobs';
import { AppError } from '../../shared/errors';

type Progress = (done: number, total: number) => void;

/**
 * Long tasks run in the background of the core; the screen polls their
 * status. One task of each kind at a time.
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobStatus>();

  start(kind: JobStatus['kind'], labels: { running: string; done: string }, work: (progress: Progress) => Promise<void>): JobStatus {
    for (const job of this.jobs.values()) {
      if (job.kind === kind && job.state === 'running') throw new AppError('CONFLICT', 'Esa tarea ya está en curso. Espere a que termine.');
    }
    const job: JobStatus = { id: randomUUID(), kind, state: 'running', done: 0, total: 0, message: labels.running };
    this.jobs.set(job.id, job);
    void work((done, total) => {
      job.done = done;
      job.total = total;
      job.message = `${labels.running} ${done} de ${total}.`;
    }).then(
      () => Object.assign(job, { state: 'done', done: job.total, message: labels.done }),
      (error: unknown) =>
        Object.assign(job, { state: 'failed', message: error instanceof AppError ? error.message : 'La tarea falló por un error inesperado; no se perdió información.' }),
    );
    return { ...job };
  }

  get(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', 'La tarea solicitada no existe.');
    return { ...job };
  }
}
