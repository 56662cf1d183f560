/**
 * Child process for crash tests (run with `node --import tsx`). Modes:
 *   write <dir>          append to a stream and a document forever, printing
 *                        "ack stream <id>" / "ack doc <id>" after each save returns
 *   hold <dir>           open the vault, print "ready", wait to be killed
 *   rotate <dir> <when>  rotate the data key and SIGKILL itself at <when>:
 *                        "progress:<n>" | "before-switch" | "after-switch"
 */
import { TEST_KDF } from '../kdf';
import { Vault } from '../vault';

const [mode, dir, when] = process.argv.slice(2);
const PASSWORD = 'clave-de-prueba';

function die(): never {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}

async function main(): Promise<void> {
  if (!dir) throw new Error('usage: crash-child <mode> <dir>');
  const locked = await Vault.open(dir, { kdf: TEST_KDF });
  if (mode === 'hold') {
    process.stdout.write('ready\n');
    setInterval(() => undefined, 1_000);
    return;
  }
  const vault = await locked.unlockWithPassword('admin', PASSWORD);
  if (mode === 'rotate') {
    await vault.rotateDataKey(
      (done) => {
        if (when === `progress:${done}`) die();
      },
      {
        beforeSwitch: () => {
          if (when === 'before-switch') die();
        },
        afterSwitch: () => {
          if (when === 'after-switch') die();
        },
      },
    );
    process.stdout.write('rotated\n');
    await vault.close();
    return;
  }
  const events = await vault.stream<{ id: number; kind: string; note: string }>('custody');
  const doc = await vault.doc<{ ids: number[] }>('crash', { ids: [] });
  let id = Number(when ?? '0');
  process.stdout.write('ready\n');
  for (;;) {
    id += 1;
    await events.append({ id, kind: 'entrega', note: `Entrega del sobre ${id} con sello íntegro` });
    process.stdout.write(`ack stream ${id}\n`);
    await doc.update((data) => {
      data.ids.push(id);
    });
    process.stdout.write(`ack doc ${id}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(2);
});
