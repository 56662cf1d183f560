/** A long task running in the core (e.g. re-encrypting the vault); the screen polls it for progress. */
export interface JobStatus {
  id: string;
  kind: 'vault.rotate_key';
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  /** Spanish, for the progress bar's caption or the failure. */
  message: string;
}
