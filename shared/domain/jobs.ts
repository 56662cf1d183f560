/** A long task running in the core (re-encrypting the vault, writing to removable media); the screen polls it. */
export const JOB_KINDS = ['vault.rotate_key', 'media.load', 'media.export', 'media.backup', 'media.verify'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface JobStatus {
  id: string;
  kind: JobKind;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  /** Spanish, for the progress bar's caption or the failure. */
  message: string;
  /** Whether «Cancelar» can stop it. */
  cancellable: boolean;
  /** What it produced, once done (shape depends on the kind). */
  result: unknown;
}
