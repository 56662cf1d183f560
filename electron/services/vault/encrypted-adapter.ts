import type { Adapter } from 'lowdb';
import { AppError } from '../../../shared/errors';
import { DurableFile } from './durable-file';
import { encodeEncryptedJson, encryptedJsonDecoder } from './encrypted-json';
import type { VaultHost } from './host';
import { aadName, type GenerationLayout } from './layout';
import { SerialQueue } from './gate';
import { vaultMessages } from './messages';
import { mkdirDurable } from './dirs';

/**
 * lowdb Adapter that keeps one document as an AES-GCM blob written through
 * DurableFile (temp + fsync + rename + folder fsync, previous copy kept).
 * lowdb's own writer (steno) never fsyncs, so it is not used.
 */
export class EncryptedAdapter<T> implements Adapter<T> {
  private file: DurableFile<T> | null = null;
  private fileLayout: GenerationLayout | null = null;
  private readonly queue = new SerialQueue();

  constructor(
    readonly name: string,
    private readonly host: VaultHost,
  ) {}

  private current(): DurableFile<T> {
    const { layout, key } = this.host;
    if (!this.file || this.fileLayout !== layout) {
      const target = layout.docFile(this.name);
      this.file = new DurableFile<T>(target, layout.label(target), encryptedJsonDecoder<T>(key, aadName.doc(this.name)));
      this.fileLayout = layout;
    }
    return this.file;
  }

  async read(): Promise<T | null> {
    this.host.assertOpen();
    return this.host.gate.shared(async () => {
      const file = this.current();
      const result = await file.read();
      if (result === null) {
        if (this.host.isRegisteredDoc(this.name)) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(file.label));
        return null;
      }
      if (result.problem) this.host.report(result.problem);
      return result.data;
    });
  }

  write(data: T): Promise<void> {
    this.host.assertOpen();
    // Serialised so two quick saves of the same document land in order.
    return this.queue.run(() =>
      this.host.gate.shared(async () => {
        this.host.assertOpen();
        const file = this.current();
        const firstSave = !this.host.isRegisteredDoc(this.name);
        if (firstSave) await mkdirDurable(this.host.layout.docsDir);
        await file.write(encodeEncryptedJson(this.host.key, aadName.doc(this.name), data));
        // Catalogue after the file: a crash in between leaves an unlisted file, which
        // still opens; the other order would leave a listed file that is missing.
        if (firstSave) await this.host.registerDoc(this.name);
      }),
    );
  }
}
