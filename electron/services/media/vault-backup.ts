import { todayInOffice } from '../agencies/rules';
import { randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { AuditAction } from '../../../shared/domain/audit';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { exists, fsyncDir, isErrno } from '../vault/durable-file';
import type { ScryptParams } from '../vault/kdf';
import { decodeKeyFile } from '../vault/key-slots';
import { Vault, type UnlockedVault } from '../vault/vault';
import { VaultLock } from '../vault/vault-lock';
import { fieldValues } from './bag-info';
import { MAX_BAG_DEPTH, MAX_BAG_ENTRIES } from './bag-tree';
import { assertBagValid, verifyBag, type BagVerification } from './bagit-verifier';
import { writeBag, type WriteProgress } from './bagit-writer';
import { freeName, resolveFilesystem } from './drive-filesystem';
import { mediaError, throwIfAborted } from './media-errors';
import { countOf } from '../../../shared/format/plural';
import { usersDoc } from '../vault/documents';

/**
 * Backup and restore of the whole vault. The backup is the
 * vault folder as it is on disk — already encrypted, it opens only with a
 * user's password or the recovery code — inside a BagIt bag, so its
 * integrity can be checked anywhere before anything is replaced.
 *
 *   valija-respaldo-<vaultId>-<date>/
 *     bagit.txt, bag-info.txt, manifest-sha256.txt, tagmanifest-sha256.txt
 *     valija-respaldo.json          what the backup is (no secret): vault id, office, date, and a MAC
 *                                   under a key derived from the backup's data key
 *     data/keys.json, data/keys.json.prev, data/g<N>/…, data/aside/…
 *     data/public.json              the sign-in screen's public profile (office name)
 */

export const BACKUP_DESCRIPTOR = 'valija-respaldo.json';
/** 2: the descriptor carries `keysVaultId` and `mac`; format 1 backups (no MAC) are still restored, after the backup is unlocked. */
const BACKUP_FORMAT = 2;
const DESCRIPTOR_PURPOSE = 'backup-descriptor';
const PUBLIC_PROFILE = 'public.json';
const AUDIT_BACKED_UP: AuditAction = 'vault.backed_up';

export interface BackupDescriptor {
  format: number;
  vaultId: string;
  office: { institution: string; unit: string; acronym: string };
  createdAt: string;
  createdBy: string;
  generation: number;
  files: number;
  bytes: number;
  /** the vault id in keys.json (plain, covered by its MAC): what tells whether the backup is of the vault on this workstation */
  keysVaultId?: string;
  /** sealText(DESCRIPTOR_PURPOSE, descriptorText(…)) of the backed-up vault */
  mac?: string;
}

/** Every field the MAC covers, in a fixed order. */
function descriptorText(d: BackupDescriptor): string {
  return JSON.stringify([d.format, d.vaultId, d.keysVaultId ?? null, d.office.institution, d.office.unit, d.office.acronym, d.createdAt, d.createdBy, d.generation, d.files, d.bytes]);
}

/** How the person proves the backup is theirs: a password of one of its users, or its recovery code. */
export type BackupUnlock = { userName: string; password: string } | { recoveryCode: string };

export interface BackupOptions {
  drivePath: string;
  filesystem?: string;
  onProgress?: (progress: WriteProgress) => void;
  signal?: AbortSignal;
}

export interface BackupResult {
  bagPath: string;
  bagName: string;
  files: number;
  bytes: number;
  verification: BagVerification;
}

export async function backupVault(deps: { clock: () => Date; dataDir?: string }, ws: Workspace, user: User, options: BackupOptions): Promise<BackupResult> {
  const drive = path.resolve(options.drivePath);
  const filesystem = await resolveFilesystem(drive, options.filesystem);
  const now = deps.clock();
  const vaultId = ws.meta.data.vaultId;
  const bagName = await freeName(`valija-respaldo-${vaultId}-${todayInOffice(now)}`, (name) => exists(path.join(drive, name)));
  const office = ws.office.data;
  const dataDir = deps.dataDir ?? ws.vault.dir;
  const publicProfile = await readRegular(path.join(dataDir, PUBLIC_PROFILE));

  const written = await ws.vault.snapshot(async (files) => {
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    const unsealed: BackupDescriptor = {
      format: BACKUP_FORMAT,
      vaultId,
      office: { institution: office.institution, unit: office.unit, acronym: office.acronym },
      createdAt: now.toISOString(),
      createdBy: user.fullName,
      generation: ws.vault.generation,
      files: files.length,
      bytes,
      keysVaultId: ws.vault.keysVaultId,
    };
    const descriptor: BackupDescriptor = { ...unsealed, mac: ws.vault.sealText(DESCRIPTOR_PURPOSE, descriptorText(unsealed)) };
    return writeBag(
      path.join(drive, bagName),
      {
        files: [...files.map((f) => ({ name: f.path, source: f.absolute })), ...(publicProfile ? [{ name: PUBLIC_PROFILE, source: publicProfile }] : [])],
        bagInfo: {
          sourceOrganization: office.institution || office.unit,
          externalIdentifier: vaultId,
          baggingDate: todayInOffice(now),
          fields: [
            { label: 'External-Description', value: 'Respaldo cifrado de la bóveda de Valija. Sólo se abre con la contraseña de un usuario o con el código de recuperación.' },
            { label: 'Contact-Name', value: user.fullName },
            { label: 'Valija-Unidad', value: office.unit },
            { label: 'Valija-Tipo', value: 'respaldo-de-boveda' },
            { label: 'Valija-Generacion', value: String(ws.vault.generation) },
          ],
        },
        tagFiles: [{ name: BACKUP_DESCRIPTOR, source: Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`, 'utf8') }],
      },
      { ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(filesystem ? { filesystem } : {}) },
    );
  });
  await ws.audit.record(AUDIT_BACKED_UP, actorOf(user), bagName, { carpeta: bagName, archivos: written.payloadOxum.count, bytes: written.payloadOxum.octets, payloadOxum: `${written.payloadOxum.octets}.${written.payloadOxum.count}` });
  return { bagPath: written.path, bagName, files: written.payloadOxum.count, bytes: written.payloadOxum.octets, verification: written.verification };
}

// ---- inspecting ------------------------------------------------------------

export interface BackupInspection {
  /** the bag is intact and holds a Valija vault */
  valid: boolean;
  /** Spanish, for the screen: why it cannot be restored (null when valid) */
  problem: string | null;
  verification: BagVerification;
  descriptor: BackupDescriptor | null;
  /** the keys.json vault id inside the backup (read in clear; authenticated only once the backup is unlocked) */
  keysVaultId: string | null;
}

/** Top-level payload names a vault backup may hold; anything else is not ours to put in a data folder. */
function isVaultPayload(bagPath: string): boolean {
  const inside = bagPath.slice('data/'.length);
  const [first = ''] = inside.split('/');
  if (inside === 'keys.json' || inside === 'keys.json.prev' || inside === PUBLIC_PROFILE) return true;
  return inside.includes('/') && (/^g\d+$/.test(first) || first === 'aside');
}

/**
 * Checks a backup without unlocking it: the bag (every file against its
 * manifest; hostile bags are reported, never followed), that it is a
 * Valija vault, and what vault and office it is from.
 */
export async function inspectBackup(dir: string, options: { signal?: AbortSignal } = {}): Promise<BackupInspection> {
  const verification = await verifyBag(dir, options.signal ? { signal: options.signal } : {});
  return judge(dir, verification);
}

async function judge(dir: string, verification: BagVerification): Promise<BackupInspection> {
  const fail = (problem: string, descriptor: BackupDescriptor | null = null): BackupInspection => ({ valid: false, problem, verification, descriptor, keysVaultId: null });
  if (!verification.valid) {
    // Name a file when one is to blame: the size summary (Payload-Oxum) only repeats it.
    const first = (verification.errors.find((e) => e.code !== 'PAYLOAD_OXUM') ?? verification.errors[0])?.message ?? '';
    const more = verification.errors.length > 1 ? ` (y ${countOf(verification.errors.length - 1, 'problema', 'problemas')} más)` : '';
    return fail(`El respaldo está dañado o alterado y no se puede restaurar: ${first}${more}`);
  }
  const descriptorReport = verification.files.find((f) => f.kind === 'tag' && f.path === BACKUP_DESCRIPTOR && f.status === 'ok');
  if (!descriptorReport || fieldValues(verification.bagInfo, 'Valija-Tipo')[0] !== 'respaldo-de-boveda') {
    return fail('La carpeta es un paquete BagIt, pero no un respaldo de Valija.');
  }
  let descriptor: BackupDescriptor;
  try {
    const text = await readRegular(path.join(dir, BACKUP_DESCRIPTOR), 64 * 1024);
    descriptor = JSON.parse(text?.toString('utf8') ?? '') as BackupDescriptor;
    if ((descriptor.format !== 1 && descriptor.format !== BACKUP_FORMAT) || typeof descriptor.vaultId !== 'string') throw new Error('format');
    if (descriptor.format === BACKUP_FORMAT && (typeof descriptor.mac !== 'string' || typeof descriptor.keysVaultId !== 'string')) throw new Error('format');
  } catch {
    return fail('El archivo que describe el respaldo no se puede leer o es de una versión de Valija que no se conoce.');
  }
  const payload = verification.files.filter((f) => f.kind === 'payload');
  const stranger = payload.find((f) => !isVaultPayload(f.path));
  if (stranger) return fail(`El respaldo contiene «${stranger.path}», que no forma parte de una bóveda de Valija.`, descriptor);
  if (!payload.some((f) => f.path === 'data/keys.json' || f.path === 'data/keys.json.prev')) {
    return fail('El respaldo no contiene las llaves de la bóveda (keys.json).', descriptor);
  }
  return { valid: true, problem: null, verification, descriptor, keysVaultId: await keysVaultIdIn(path.join(dir, 'data')) };
}

/** The vault id a folder's keys.json (or its previous copy) names, read in clear; null when there is none. */
export async function keysVaultIdIn(dir: string): Promise<string | null> {
  for (const name of ['keys.json', 'keys.json.prev']) {
    const bytes = await readRegular(path.join(dir, name), 1024 * 1024);
    if (!bytes) continue;
    try {
      return decodeKeyFile(bytes, name).vaultId;
    } catch {
      // damaged: try the other copy
    }
  }
  return null;
}

// ---- restoring ---------------------------------------------------------------

export interface RestoreOptions {
  /** the person confirmed replacing the vault already in `dataDir` (it is kept aside, never deleted) */
  confirmReplace: boolean;
  /** a password of one of the backup's users, or its recovery code: the backup must open before it replaces anything */
  unlock: BackupUnlock;
  /** the person was told the backup is of another vault than the one in `dataDir`, and goes on */
  confirmOtherVault?: boolean;
  /** the configured scrypt cost (tests inject a cheaper one) */
  kdf?: ScryptParams;
  /** runs right before the vault in `dataDir` is moved aside: the caller releases it here, after every check passed */
  beforeReplace?: () => Promise<void>;
  clock?: () => Date;
  signal?: AbortSignal;
  onProgress?: (progress: { phase: 'copying' | 'verifying' | 'opening' | 'replacing'; bytesDone: number; bytesTotal: number }) => void;
}

export interface RestoreResult {
  vaultId: string;
  office: BackupDescriptor['office'];
  /** there was a vault in dataDir and it was moved aside */
  replaced: boolean;
  /** where the replaced vault was kept, or null */
  keptCopy: string | null;
  files: number;
  bytes: number;
}

/**
 * Restores a backup into `dataDir` with the session closed (first-run
 * screen, or Administración after signing out and releasing the vault).
 *
 * Order matters: the backup is checked where it is; copied next to dataDir
 * (same file system, so the final step is a rename); the copy is checked
 * again (the drive cannot change it any more) and unlocked with a password
 * or the recovery code of the backup itself (its keys.json MAC checked, its
 * descriptor's MAC checked under its own data key, the user active in it);
 * a backup of another vault needs its own confirmation; only then is an
 * existing vault moved aside to `<dataDir>-anterior-<timestamp>` and the
 * copy renamed into place.
 */
export async function restoreBackup(backupDir: string, dataDir: string, options: RestoreOptions): Promise<RestoreResult> {
  const clock = options.clock ?? (() => new Date());
  const target = path.resolve(dataDir);
  const source = path.resolve(backupDir);
  if (isInside(target, source) || isInside(source, target)) {
    throw new AppError('VALIDATION', 'El respaldo no puede estar dentro de la carpeta de datos (ni al revés).');
  }
  const first = await inspectBackup(source, options.signal ? { signal: options.signal } : {});
  if (!first.valid || !first.descriptor) throw mediaError('MEDIA_BAG_INVALID', first.problem ?? 'El respaldo no es válido.');
  const hadVault = Vault.exists(target);
  if (hadVault && !options.confirmReplace) throw existingVaultError();
  const currentId = hadVault ? await keysVaultIdIn(target) : null;
  if (currentId !== null && first.keysVaultId !== currentId && !options.confirmOtherVault) throw otherVaultError();

  const parent = path.dirname(target);
  await fsp.mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(target)}-restaurando-${randomBytes(4).toString('hex')}`);
  let keptCopy: string | null = null;
  try {
    const bytesTotal = first.verification.files.reduce((sum, f) => sum + (f.size ?? 0), 0);
    await copyTree(source, staging, { ...(options.signal ? { signal: options.signal } : {}), onBytes: (bytesDone) => options.onProgress?.({ phase: 'copying', bytesDone, bytesTotal }) });
    const again = await judge(
      staging,
      await verifyBag(staging, {
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (p) => options.onProgress?.({ phase: 'verifying', bytesDone: p.bytesDone, bytesTotal: p.bytesTotal }),
      }),
    );
    if (!again.valid || !again.descriptor) throw mediaError('MEDIA_VERIFY_FAILED', `La copia del respaldo no coincide con su manifiesto: ${again.problem ?? ''} ¿Se retiró la unidad?`);
    assertBagValid(again.verification, 'La copia del respaldo');
    throwIfAborted(options.signal);

    options.onProgress?.({ phase: 'opening', bytesDone: 0, bytesTotal: 0 });
    const restored = path.join(staging, 'data');
    const opened = await unlockBackup(restored, again.descriptor, options);
    if (currentId !== null && opened.keysVaultId !== currentId && !options.confirmOtherVault) throw otherVaultError();

    options.onProgress?.({ phase: 'replacing', bytesDone: 0, bytesTotal: 0 });
    await options.beforeReplace?.();
    if (Vault.exists(target)) {
      if (!options.confirmReplace) throw existingVaultError();
      keptCopy = await moveAside(target, clock());
      try {
        await fsp.rename(restored, target);
      } catch (error) {
        await fsp.rename(keptCopy, target).catch(() => undefined);
        keptCopy = null;
        throw error;
      }
    } else {
      await moveInto(restored, target);
    }
    await fsyncDir(parent);
    return {
      vaultId: again.descriptor.vaultId,
      office: again.descriptor.office,
      replaced: keptCopy !== null,
      keptCopy,
      files: again.verification.payload.count,
      bytes: again.verification.payload.octets,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IO', `No se pudo restaurar el respaldo (${isErrno(error, 'ENOSPC') ? 'no hay espacio en el disco' : 'error de lectura o escritura'}). La bóveda que había quedó como estaba.`, { cause: error });
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

function existingVaultError(): AppError {
  return new AppError('VAULT_EXISTS', 'Ya hay una bóveda en esta carpeta de datos. Para reemplazarla, confirme: la actual se conservará aparte, sin borrarla.');
}

function otherVaultError(): AppError {
  return new AppError(
    'CONFLICT',
    'Atención: este respaldo es de OTRA bóveda, no de la que hay en este equipo (su identificador es distinto). Si la restaura, la bóveda de este equipo se reemplaza por una diferente. Confirme expresamente que eso es lo que quiere.',
  );
}

/**
 * Opens the staged copy with what the person typed: a password of one of
 * its active users or its recovery code. The unlock itself checks the copy's
 * keys.json MAC; then the descriptor's MAC is checked under the copy's own
 * data key. Answers the vault id of the copy's keys.json, now authenticated.
 */
async function unlockBackup(dir: string, descriptor: BackupDescriptor, options: RestoreOptions): Promise<{ keysVaultId: string }> {
  let locked;
  try {
    locked = await Vault.open(dir, options.kdf ? { kdf: options.kdf } : {});
  } catch (error) {
    throw mediaError('MEDIA_BAG_INVALID', `El respaldo no se puede abrir como bóveda: ${(error as Error).message}`, error);
  }
  let vault: UnlockedVault | null = null;
  try {
    if (locked.slotIds().length === 0 && !locked.hasRecoveryCode()) throw mediaError('MEDIA_BAG_INVALID', 'El respaldo no tiene ninguna llave de acceso (usuarios ni código de recuperación).');
    const unlock = options.unlock;
    try {
      if ('recoveryCode' in unlock) vault = await locked.unlockWithRecoveryCode(unlock.recoveryCode);
      else {
        if (!locked.hasSlot(unlock.userName)) throw new AppError('WRONG_PASSWORD');
        vault = await locked.unlockWithPassword(unlock.userName, unlock.password);
      }
    } catch (error) {
      if (error instanceof AppError && ['WRONG_PASSWORD', 'WRONG_RECOVERY_CODE', 'NO_KEY_SLOT'].includes(error.code)) {
        throw new AppError(error.code, 'Ese usuario y contraseña (o ese código de recuperación) no abren el respaldo. Use los de un usuario de la bóveda respaldada, tal como eran cuando se hizo el respaldo. No se cambió nada.');
      }
      if (error instanceof AppError) throw new AppError(error.code, `El respaldo no se restaura: ${error.message}`, { cause: error });
      throw error;
    }
    if ('userName' in unlock) {
      const users = await usersDoc(vault);
      if (!users.data.users.some((u) => u.userName === unlock.userName && u.active)) {
        throw new AppError('USER_INACTIVE', `El usuario «${unlock.userName}» está dado de baja en el respaldo; use la contraseña de un usuario activo o el código de recuperación.`);
      }
    }
    const untouched = descriptor.format === 1 || (descriptor.mac !== undefined && vault.checkSealedText(DESCRIPTOR_PURPOSE, descriptorText(descriptor), descriptor.mac) && descriptor.keysVaultId === vault.keysVaultId);
    if (!untouched) {
      throw mediaError('MEDIA_BAG_INVALID', `El archivo que describe el respaldo («${BACKUP_DESCRIPTOR}») fue alterado: no lo escribió esta bóveda. No se cambió nada.`);
    }
    return { keysVaultId: vault.keysVaultId };
  } finally {
    if (vault) await vault.close();
    else await locked.close();
  }
}

/**
 * Moves the current vault to `<dataDir>-anterior-<timestamp>`. Taking its
 * folder lock first refuses while this or another program has it open.
 */
async function moveAside(target: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const aside = await freeName(`${target}-anterior-${stamp}`, exists);
  const lock = await VaultLock.acquire(target);
  await lock.release();
  await fsp.rename(target, aside);
  return aside;
}

/** dataDir without a vault: created, or an existing folder that gets the vault's entries (public.json replaced). */
async function moveInto(restored: string, target: string): Promise<void> {
  if (!(await exists(target))) {
    await fsp.rename(restored, target);
    return;
  }
  const entries = await fsp.readdir(restored);
  for (const name of entries) {
    if (name !== PUBLIC_PROFILE && (await exists(path.join(target, name)))) {
      throw new AppError('CONFLICT', `La carpeta de datos ya tiene «${name}» y no es una bóveda completa; revísela antes de restaurar.`);
    }
  }
  for (const name of entries) await fsp.rename(path.join(restored, name), path.join(target, name));
}

/**
 * Copies a bag folder without following links: only regular files and
 * folders found by readdir (names, never paths from a manifest), each
 * opened with O_NOFOLLOW, so nothing outside `from` is read and nothing
 * outside `to` is written.
 */
async function copyTree(from: string, to: string, options: { signal?: AbortSignal; onBytes: (done: number) => void }): Promise<void> {
  let entries = 0;
  let done = 0;
  const walk = async (relative: string, depth: number): Promise<void> => {
    if (depth > MAX_BAG_DEPTH) throw mediaError('MEDIA_BAG_INVALID', 'El respaldo tiene carpetas anidadas en exceso.');
    await fsp.mkdir(path.join(to, relative), { recursive: depth === 0 });
    for (const name of await fsp.readdir(path.join(from, relative))) {
      throwIfAborted(options.signal);
      entries += 1;
      if (entries > MAX_BAG_ENTRIES) throw mediaError('MEDIA_BAG_INVALID', 'El respaldo tiene demasiados archivos.');
      const rel = path.join(relative, name);
      const stat = await fsp.lstat(path.join(from, rel));
      if (stat.isDirectory()) await walk(rel, depth + 1);
      else if (stat.isFile()) {
        await copyFileNoFollow(path.join(from, rel), path.join(to, rel));
        done += stat.size;
        options.onBytes(done);
      } else throw mediaError('MEDIA_BAG_INVALID', `«${rel}» no es un archivo normal (enlace, dispositivo…); el respaldo no se restaura.`);
    }
  };
  await walk('', 0);
}

async function copyFileNoFollow(from: string, to: string): Promise<void> {
  const input = await fsp.open(from, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    if (!(await input.stat()).isFile()) throw mediaError('MEDIA_BAG_INVALID', 'Un archivo del respaldo cambió durante la copia.');
    const output = await fsp.open(to, 'wx');
    try {
      const buffer = Buffer.allocUnsafe(1024 * 1024);
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        await output.write(buffer, 0, bytesRead);
      }
      await output.sync();
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

export async function readRegular(file: string, limit = 16 * 1024 * 1024): Promise<Buffer | null> {
  try {
    const handle = await fsp.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > limit) return null;
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

