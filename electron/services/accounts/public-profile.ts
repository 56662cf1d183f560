import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { PublicOffice } from '../../../shared/domain/office';

/**
 * The little the sign-in screen needs before anyone has unlocked the vault,
 * kept in clear beside it: the office's name, the user names that were
 * deactivated (so they get a precise message), and failed sign-ins waiting
 * to be written into the audit log at the next successful sign-in. Nothing
 * here is secret; nothing secret may be added.
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

function empty(): PublicProfile {
  return { office: null, deactivated: [], failedSignIns: [], restored: null };
}

export class PublicProfileFile {
  private cached: PublicProfile | null = null;

  constructor(private readonly dir: string) {}

  async read(): Promise<PublicProfile> {
    if (this.cached) return this.cached;
    try {
      const parsed = JSON.parse(await fsp.readFile(path.join(this.dir, FILE), 'utf8')) as Partial<PublicProfile>;
      this.cached = { ...empty(), ...parsed };
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
