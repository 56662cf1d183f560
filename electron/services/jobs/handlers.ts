import type { DomainHandlers } from '../ipc/handler-table';
import type { JobRunner } from './job-runner';

/** Background tasks: each is read or cancelled only by whoever started it (nobody in particular on the first-run screen). */
export function jobHandlers(jobs: JobRunner) {
  return {
    'jobs.get': ({ jobId }, caller) => jobs.get(jobId, caller?.user.id ?? null),
    'jobs.cancel': ({ jobId }, caller) => jobs.cancel(jobId, caller?.user.id ?? null),
  } satisfies DomainHandlers;
}
