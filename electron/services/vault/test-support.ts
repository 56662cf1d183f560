import { spawn, type ChildProcess } from 'node:child_process';
import { decodeJsonFrame, encodeJsonFrame } from './frame-codec';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAppError, type ErrorCode } from '../../../shared/errors';
import { encrypt, open as openBlob } from './cipher';
import { scanFrames } from './frames';
import { aadName, PARTITION_FILE, type GenerationLayout } from './layout';
import type { UnlockedVault } from './vault';

/** A fresh folder under the OS temp dir; call the returned cleanup in afterEach. */
export function tempDir(prefix = 'valija-vault-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `fn` and returns the AppError it threw, failing if it threw something else or nothing. */
export async function appErrorOf(fn: () => unknown): Promise<{ code: ErrorCode; message: string }> {
  try {
    await fn();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}


export const CHILD_PASSWORD = 'clave-de-prueba';
const childScript = fileURLToPath(new URL('./test-fixtures/crash-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Starts test-fixtures/crash-child.ts in a plain Node process (so SIGKILL hits the process that writes). */
export function spawnChild(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves when the child prints a line matching `pattern` (or rejects when it exits first). */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let stderr = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const line = buffer.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) {
        child.stdout?.off('data', onData);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}) before ${pattern}: ${stderr}`)));
  });
}

/** Resolves once the child is gone and reaped (a zombie would still look alive to the lock check). */
export function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * Plays an attacker who holds the real data key: decrypts every frame of a
 * stream, lets `edit` change the records it wants, and writes the partition
 * files back encrypted with that same key. Returns how many records changed.
 * The vault must be closed afterwards and opened again to see the change.
 */
export async function tamperStream<T>(vault: UnlockedVault, stream: string, edit: (record: T, index: number) => T | undefined): Promise<number> {
  const inside = vault as unknown as { currentKey: Buffer; currentLayout: GenerationLayout };
  const key = inside.currentKey;
  const layout = inside.currentLayout;
  const dir = layout.streamDir(stream);
  let changed = 0;
  let index = 0;
  for (const file of readdirSync(dir).filter((f) => PARTITION_FILE.test(f)).sort()) {
    const month = file.replace('.log', '');
    const full = path.join(dir, file);
    const buf = readFileSync(full);
    const out: Buffer[] = [];
    for (const [i, frame] of scanFrames(buf, full).frames.entries()) {
      const record = decodeJsonFrame(openBlob(key, aadName.frame(stream, month, i), buf, frame.offset, frame.total, full)) as T;
      const next = edit(record, index);
      index += 1;
      if (next === undefined) out.push(buf.subarray(frame.offset, frame.offset + frame.total));
      else {
        changed += 1;
        out.push(encrypt(key, aadName.frame(stream, month, i), encodeJsonFrame(next)));
      }
    }
    writeFileSync(full, Buffer.concat(out));
  }
  return changed;
}
