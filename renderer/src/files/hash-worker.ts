/// <reference lib="webworker" />
import type { HashReply, HashRequest } from './hash-protocol';
import { sha256OfBlob } from './sha256-stream';

// Hashing a large file takes seconds to minutes: it runs here, off the
// window's thread, so the form stays responsive and can show progress.
const scope = self as unknown as DedicatedWorkerGlobalScope;
let lastPost = 0;

scope.onmessage = async (event: MessageEvent<HashRequest>) => {
  const { id, file } = event.data;
  const post = (reply: HashReply) => scope.postMessage(reply);
  try {
    const sha256 = await sha256OfBlob(file, (done) => {
      const now = performance.now();
      if (now - lastPost > 100) {
        lastPost = now;
        post({ id, kind: 'progress', done });
      }
    });
    post({ id, kind: 'done', sha256 });
  } catch {
    post({ id, kind: 'error', message: `No se pudo leer el archivo «${file instanceof File ? file.name : ''}». Compruebe que sigue en su lugar y vuelva a elegirlo.` });
  }
};
