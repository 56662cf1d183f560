import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { TEST_KDF } from './kdf';
import { Vault } from './vault';
import { CHILD_PASSWORD, spawnChild, tempDir, waitForLine } from './test-support';

/**
 * A child process saves to a stream and a document in a loop and prints each
 * id only after the save returned. We SIGKILL it at a random moment (sometimes
 * while it is still opening the vault), reopen, and require every printed id.
 * VALIJA_CRASH_ITERATIONS raises the count (e.g. 200) for a longer soak.
 */
const ITERATIONS = Number(process.env.VALIJA_CRASH_ITERATIONS ?? 12);

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('valija-crash-'));
});
afterAll(() => cleanup());

function collectStdout(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    // 'close' comes after the pipes are drained, unlike 'exit'.
    child.once('close', () => resolve(out));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash safety', () => {
  it(
    `keeps every acknowledged save across ${ITERATIONS} SIGKILLs`,
    async () => {
      const { vault } = await Vault.create(dir, { slotId: 'admin', password: CHILD_PASSWORD, kdf: TEST_KDF });
      await vault.close();
      const ackedStream = new Set<number>();
      const ackedDoc = new Set<number>();
      let killedWhileWriting = 0;

      for (let i = 0; i < ITERATIONS; i += 1) {
        const child = spawnChild(['write', dir, String(i * 1_000_000)]);
        const output = collectStdout(child);
        if (i % 4 === 3) {
          await sleep(Math.random() * 400); // may land during start-up, open or recovery
        } else {
          await waitForLine(child, /^ready$/);
          await sleep(Math.random() * 150);
          killedWhileWriting += 1;
        }
        child.kill('SIGKILL');
        const lines = (await output).split('\n');
        lines.pop(); // an unterminated last line was never fully printed: not counted
        for (const line of lines) {
          const match = /^ack (stream|doc) (\d+)$/.exec(line);
          if (match) (match[1] === 'stream' ? ackedStream : ackedDoc).add(Number(match[2]));
        }

        const reopened = await (await Vault.open(dir, { kdf: TEST_KDF })).unlockWithPassword('admin', CHILD_PASSWORD);
        const stored = new Set<number>();
        const custody = await reopened.stream<{ id: number }>('custody');
        for await (const entry of custody.readAll()) stored.add(entry.record.id);
        const missingStream = [...ackedStream].filter((id) => !stored.has(id));
        const doc = await reopened.doc<{ ids: number[] }>('crash', { ids: [] });
        const inDoc = new Set(doc.data.ids);
        const missingDoc = [...ackedDoc].filter((id) => !inDoc.has(id));
        expect({ iteration: i, missingStream, missingDoc }).toEqual({ iteration: i, missingStream: [], missingDoc: [] });
        // only the recoverable kinds of trouble are allowed after a crash
        expect(reopened.problems.filter((p) => !/a medio escribir/.test(p.message))).toEqual([]);
        await reopened.close();
      }
      console.info(`crash test: ${ITERATIONS} kills, ${killedWhileWriting} mid-write, ${ackedStream.size} stream and ${ackedDoc.size} document saves acknowledged and found`);
      expect(killedWhileWriting).toBeGreaterThan(0);
      expect(ackedStream.size).toBeGreaterThan(0);
      expect(ackedDoc.size).toBeGreaterThan(0);
    },
    20_000 + ITERATIONS * 4_000,
  );
});
