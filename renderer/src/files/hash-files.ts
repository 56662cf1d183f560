import type { HashReply, HashRequest } from './hash-protocol';

export interface HashedFile {
  name: string;
  size: number;
  sha256: string;
  /** Where the file is on disk, when the shell can tell (Electron); null in a browser. */
  sourcePath: string | null;
}

export interface HashProgress {
  fileName: string;
  fileIndex: number;
  fileCount: number;
  /** Bytes hashed over all the files so far, and their total. */
  done: number;
  total: number;
}

let worker: Worker | null = null;
let nextId = 1;

function hashWorker(): Worker {
  worker ??= new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

function hashOne(file: File, onBytes: (done: number) => void, signal?: AbortSignal): Promise<string> {
  const w = hashWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const stop = () => {
      w.removeEventListener('message', listen);
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      // The worker may be half-way through a large file: replace it rather than wait.
      w.terminate();
      worker = null;
      reject(new DOMException('Cancelado', 'AbortError'));
    };
    const listen = (event: MessageEvent<HashReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.kind === 'progress') onBytes(reply.done);
      else {
        stop();
        if (reply.kind === 'done') resolve(reply.sha256);
        else reject(new Error(reply.message));
      }
    };
    w.addEventListener('message', listen);
    signal?.addEventListener('abort', abort);
    const request: HashRequest = { id, file };
    w.postMessage(request);
  });
}

/** Hashes the files one after another in the worker, reporting progress over all of them. */
export async function hashFiles(files: File[], onProgress: (p: HashProgress) => void, signal?: AbortSignal): Promise<HashedFile[]> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let before = 0;
  const hashed: HashedFile[] = [];
  for (const [index, file] of files.entries()) {
    const report = (doneInFile: number) => onProgress({ fileName: file.name, fileIndex: index, fileCount: files.length, done: before + doneInFile, total });
    report(0);
    const sha256 = await hashOne(file, report, signal);
    before += file.size;
    report(file.size);
    hashed.push({ name: file.name, size: file.size, sha256, sourcePath: window.api?.pathForFile?.(file) ?? null });
  }
  return hashed;
}
