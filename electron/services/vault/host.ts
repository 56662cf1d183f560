import type { FileProblem } from './durable-file';
import type { Gate } from './gate';
import type { GenerationLayout } from './layout';

/** What documents and streams need from the unlocked vault that owns them. */
export interface VaultHost {
  /** current data key and folder; both change when the data key is rotated */
  readonly key: Buffer;
  readonly layout: GenerationLayout;
  readonly gate: Gate;
  /** throws VAULT_LOCKED once the vault is locked or closed */
  assertOpen(): void;
  report(problem: FileProblem): void;
  /** records in the catalog that a document/stream exists, once its first file is durable */
  registerDoc(name: string): Promise<void>;
  registerStream(name: string): Promise<void>;
  isRegisteredDoc(name: string): boolean;
  isRegisteredStream(name: string): boolean;
}
