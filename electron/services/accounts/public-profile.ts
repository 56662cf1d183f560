import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PublicOffice } from '../../../shared/domain/office';

/**
 * The little the sign-in screen needs before anyone has unlocked the vault,
 * kept in clear beside it: the office's name, the user names that were
 * deactivated (so they get a precise message), and failed sign-ins waiting
 * to be written into the audit log at the next successful sign-in. Nothing
 * here is secret; nothing secret may be added.
 *
 * Nothing here is trusted either: anyone who can write the folder can edit
 * it. It is read through a schema with size limits, field by field (a bad
 * field is dropped, the rest kept), and never makes a sign-in fail; its
 * times are only what the file claims (see SessionService.enter).
 */
export interface PublicProfile {
  office: PublicOffice | null;
  deactivated: string[];
  failedSignIns: { userName: string; at: string }[];
  /** A restore from backup, to be written into the audit log at the next sign-in (the vault was locked when it happened). */
  restored: { at: string; backup: string } | null;
}

const FILE = 'public.json';
const MAX_PENDING = 1000;
/** Far above what MAX_PENDING entries take; a bigger file is not read at all. */
export const MAX_PUBLIC_BYTES = 256 * 1024;

const text = (max: number) => z.string().max(max);
const officeSchema = z.object({ institution: text(300), unit: text(300), acronym: text(60) }).nullable();
const deactivatedSchema = z.array(text(128)).max(MAX_PENDING);
const failureSchema = z.object({ userName: text(160), at: text(64) });
const restoredSchema = z.object({ at: text(64), backup: text(300) }).nullable();

/** Each field on its own: a tampered or damaged field falls back to its empty value without taking the others along. */
function parseProfile(raw: unknown): PublicProfile {
  const base = empty();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return base;
  const value = raw as Record<string, unknown>;
  const office = officeSchema.safeParse(value.office ?? null);
  const deactivated = deactivatedSchema.safeParse(value.deactivated ?? []);
  const restored = restoredSchema.safeParse(value.restored ?? null);
  const failures = Array.isArray(value.failedSignIns) ? value.failedSignIns.slice(-MAX_PENDING) : [];
  return {
    office: office.success ? office.data : base.office,
    deactivated: deactivated.success ? deactivated.data : base.deactivated,
    failedSignIns: failures.flatMap((f) => {
      const parsed = failureSchema.safeParse(f);
      return parsed.success ? [parsed.data] : [];
    }),
    restored: restored.success ? restored.data : base.restored,
  };
}

function empty(): PublicProfile {
  return { office: null, deactivated: [], failedSignIns: [], restored: null };
}

export class PublicProfileFile {
  private cached: PublicProfile | null = null;

  constructor(private readonly dir: string) {}

  async read(): Promise<PublicProfile> {
    if (this.cached) return this.cached;
    try {
      const file = path.join(this.dir, FILE);
      const { size } = await fsp.stat(file);
      this.cached = size > MAX_PUBLIC_BYTES ? empty() : parseProfile(JSON.parse(await fsp.readFile(file, 'utf8')));
    } catch {
      // Missing or unreadable: it only holds conveniences, the vault itself is intact.
      this.cached = empty();
    }
    return this.cached;
  }

  /** Forgets what was read, after the folder's files were replaced (a restore). */
  forget(): void {
    this.cached = null;
  }

  async update(change: (profile: PublicProfile) => void): Promise<void> {
    const next = structuredClone(await this.read());
    change(next);
    next.failedSignIns = next.failedSignIns.slice(-MAX_PENDING);
    const target = path.join(this.dir, FILE);
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await fsp.open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify(next, null, 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, target);
    this.cached = next;
  }
}
