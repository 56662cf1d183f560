import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  createHmac,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { checkScryptParams, deriveKey, PRODUCTION_KDF, type ScryptParams } from './kdf';
import { vaultMessages } from './messages';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery-code';

/**
 * keys.json: the only plain-text file of the vault. It holds wrapped keys and
 * KDF parameters, never a password or the data key (DEK).
 *
 * Each slot owns an X25519 key pair. The private key is sealed with a key
 * derived from the password (scrypt); the DEK is sealed to the public key.
 * That split is what lets `rotateDataKey` re-wrap a new DEK for every user
 * without knowing their passwords, and lets a password change rewrite one
 * slot. The recovery code is one more slot of the same kind.
 *
 * Anyone who can write the folder can edit this file, and the checksum only
 * tells damage from a wrong password. Since version 2 the whole file (slot
 * ids, kinds, KDF parameters, public keys, sealed keys, generation and a
 * counter raised on every write) carries a MAC under a key derived from the
 * DEK, checked right after unlocking: a planted slot, a cheaper KDF or an
 * older copy cannot be made by someone who does not hold the DEK.
 */
export const KEYS_FORMAT = 'valija-keys';
export const KEYS_VERSION = 2;
/** Version 1 files have no MAC; they are accepted once, to be authenticated by the first legitimate unlock. */
export const LEGACY_KEYS_VERSION = 1;
export const RECOVERY_SLOT_ID = '#recovery';

export interface Sealed {
  nonce: string;
  tag: string;
  data: string;
}

export interface KdfRecord extends ScryptParams {
  algorithm: 'scrypt';
  salt: string;
}

export interface KeySlot {
  id: string;
  kind: 'password' | 'recovery';
  kdf: KdfRecord;
  /** raw X25519 public key, base64url */
  publicKey: string;
  /** raw X25519 private key sealed by the password-derived key */
  privateKey: Sealed;
  /** the DEK of `generation`, sealed to `publicKey` through an ephemeral X25519 exchange */
  dataKey: Sealed & { ephemeral: string };
  updatedAt: string;
}

export interface KeyFile {
  format: typeof KEYS_FORMAT;
  version: number;
  vaultId: string;
  /** which data generation (folder) the wrapped DEK opens */
  generation: number;
  slots: KeySlot[];
  /** raised by one on every write, from 1; the encrypted catalog remembers the highest seen, so an older copy is refused */
  counter?: number;
  /** HMAC-SHA256 (hex) of everything above under keysMacKey(DEK); absent only in version 1 files */
  mac?: string;
  checksum?: string;
}

export function validateSlotId(slotId: string): string {
  if (typeof slotId !== 'string' || slotId.length === 0 || slotId.length > 128 || slotId.startsWith('#')) {
    throw new AppError('VALIDATION', 'El identificador de usuario no es válido para la bóveda.');
  }
  return slotId;
}

function checkPassword(password: string): void {
  if (typeof password !== 'string' || password.length === 0) throw new AppError('WEAK_PASSWORD', vaultMessages.weakPassword());
}

export async function createKeyFile(
  slotId: string,
  password: string,
  kdf: ScryptParams = PRODUCTION_KDF,
): Promise<{ keys: KeyFile; dek: Buffer; recoveryCode: string }> {
  validateSlotId(slotId);
  checkPassword(password);
  const dek = randomBytes(32);
  const recoveryCode = generateRecoveryCode();
  let keys: KeyFile = { format: KEYS_FORMAT, version: KEYS_VERSION, vaultId: randomBytes(16).toString('hex'), generation: 1, slots: [] };
  keys = await withSlot(keys, dek, slotId, 'password', password, kdf);
  keys = await withSlot(keys, dek, RECOVERY_SLOT_ID, 'recovery', normalizeRecoveryCode(recoveryCode), kdf);
  return { keys: authenticateKeyFile(keys, dek, 1), dek, recoveryCode };
}

export function passwordSlotIds(keys: KeyFile): string[] {
  return keys.slots.filter((s) => s.kind === 'password').map((s) => s.id);
}

function findSlot(keys: KeyFile, slotId: string): KeySlot | undefined {
  return keys.slots.find((s) => s.id === slotId);
}

/** Adds or replaces a slot with a fresh key pair; needs the DEK, not the old password. */
export async function withSlot(
  keys: KeyFile,
  dek: Buffer,
  slotId: string,
  kind: KeySlot['kind'],
  secret: string,
  kdf: ScryptParams,
): Promise<KeyFile> {
  if (kind === 'password') {
    validateSlotId(slotId);
    checkPassword(secret);
  }
  const salt = randomBytes(16);
  const kek = await deriveKey(secret, salt, kdf);
  const pair = generateKeyPairSync('x25519');
  const jwk = pair.privateKey.export({ format: 'jwk' });
  const publicKey = jwk.x ?? '';
  const privateRaw = Buffer.from(jwk.d ?? '', 'base64url');
  const slot: KeySlot = {
    id: slotId,
    kind,
    kdf: { algorithm: 'scrypt', ...kdf, salt: salt.toString('base64') },
    publicKey,
    privateKey: seal(kek, privateRaw, privateKeyContext(keys.vaultId, slotId)),
    dataKey: sealToPublicKey(publicKey, dek, dataKeyContext(keys.vaultId, slotId, keys.generation)),
    updatedAt: new Date().toISOString(),
  };
  kek.fill(0);
  privateRaw.fill(0);
  const others = keys.slots.filter((s) => s.id !== slotId);
  return { ...keys, slots: [...others, slot] };
}

export function withoutSlot(keys: KeyFile, slotId: string): KeyFile {
  const slot = findSlot(keys, slotId);
  if (!slot || slot.kind !== 'password') throw new AppError('NO_KEY_SLOT', vaultMessages.noSlot(slotId));
  if (passwordSlotIds(keys).length <= 1) throw new AppError('VAULT_LAST_SLOT', vaultMessages.lastSlot());
  return { ...keys, slots: keys.slots.filter((s) => s.id !== slotId) };
}

/** Seals a new DEK to every slot's public key, for the next data generation. */
export function rewrapAll(keys: KeyFile, newDek: Buffer, generation: number): KeyFile {
  return {
    ...keys,
    generation,
    slots: keys.slots.map((slot) => ({
      ...slot,
      dataKey: sealToPublicKey(slot.publicKey, newDek, dataKeyContext(keys.vaultId, slot.id, generation)),
    })),
  };
}

/** `floor`: the cheapest scrypt cost a slot may have (the configured KDF; production by default). */
export async function unlockWithPassword(keys: KeyFile, slotId: string, password: string, file: string, floor: ScryptParams = PRODUCTION_KDF): Promise<Buffer> {
  const slot = findSlot(keys, slotId);
  if (!slot || slot.kind !== 'password') throw new AppError('NO_KEY_SLOT', vaultMessages.noSlot(slotId));
  return openSlot(keys, slot, password, new AppError('WRONG_PASSWORD', vaultMessages.wrongPassword()), file, floor);
}

export async function unlockWithRecoveryCode(keys: KeyFile, code: string, file: string, floor: ScryptParams = PRODUCTION_KDF): Promise<Buffer> {
  const normalized = normalizeRecoveryCode(code);
  const slot = findSlot(keys, RECOVERY_SLOT_ID);
  if (!slot) throw new AppError('NO_KEY_SLOT', 'La bóveda no tiene un código de recuperación registrado.');
  return openSlot(keys, slot, normalized, new AppError('WRONG_RECOVERY_CODE', vaultMessages.wrongRecovery()), file, floor);
}

async function openSlot(keys: KeyFile, slot: KeySlot, secret: string, wrongSecret: AppError, file: string, floor: ScryptParams): Promise<Buffer> {
  const kek = await deriveKey(secret, Buffer.from(slot.kdf.salt, 'base64'), checkScryptParams(slot.kdf, file, floor));
  let privateRaw: Buffer;
  try {
    privateRaw = unseal(kek, slot.privateKey, privateKeyContext(keys.vaultId, slot.id));
  } catch {
    // keys.json carries a checksum, so a failure here means the secret is wrong, not the file.
    throw wrongSecret;
  } finally {
    kek.fill(0);
  }
  try {
    return unsealWithPrivateKey(slot.publicKey, privateRaw, slot.dataKey, dataKeyContext(keys.vaultId, slot.id, keys.generation));
  } catch (cause) {
    throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(file), { cause });
  } finally {
    privateRaw.fill(0);
  }
}

// ---- authentication of the whole file --------------------------------------

function keysMacKey(dek: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dek, Buffer.from(vaultId, 'utf8'), 'valija/keys-mac/v1', 32));
}

/** Every field, in a fixed order, so the MAC does not depend on how JSON orders keys. */
function macInput(keys: KeyFile): string {
  return JSON.stringify([
    'valija/keys-mac/v1',
    keys.format,
    keys.version,
    keys.vaultId,
    keys.generation,
    keys.counter ?? null,
    keys.slots.map((s) => [
      s.id,
      s.kind,
      [s.kdf.algorithm, s.kdf.N, s.kdf.r, s.kdf.p, s.kdf.keylen, s.kdf.salt],
      s.publicKey,
      [s.privateKey.nonce, s.privateKey.tag, s.privateKey.data],
      [s.dataKey.ephemeral, s.dataKey.nonce, s.dataKey.tag, s.dataKey.data],
      s.updatedAt,
    ]),
  ]);
}

function macOf(keys: KeyFile, dek: Buffer): Buffer {
  const key = keysMacKey(dek, keys.vaultId);
  try {
    return createHmac('sha256', key).update(macInput(keys), 'utf8').digest();
  } finally {
    key.fill(0);
  }
}

/** The file as written: current version, the given counter, and its MAC under `dek` (the DEK of `keys.generation`). */
export function authenticateKeyFile(keys: KeyFile, dek: Buffer, counter: number): KeyFile {
  const { mac: _mac, checksum: _checksum, ...body } = keys;
  const next: KeyFile = { ...body, version: KEYS_VERSION, counter };
  return { ...next, mac: macOf(next, dek).toString('hex') };
}

/** 'legacy' for a version 1 file (no MAC yet); throws VAULT_TAMPERED when the MAC is missing or does not match. */
export function verifyKeyFile(keys: KeyFile, dek: Buffer, file: string): 'authenticated' | 'legacy' {
  if (keys.version === LEGACY_KEYS_VERSION && keys.mac === undefined && keys.counter === undefined) return 'legacy';
  const expected = macOf(keys, dek);
  const given = typeof keys.mac === 'string' && /^[0-9a-f]{64}$/.test(keys.mac) ? Buffer.from(keys.mac, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('VAULT_TAMPERED', vaultMessages.keysTampered(file));
  return 'authenticated';
}

function privateKeyContext(vaultId: string, slotId: string): string {
  return `valija/slot-private-key/v1|${vaultId}|${slotId}`;
}

function dataKeyContext(vaultId: string, slotId: string, generation: number): string {
  return `valija/data-key/v1|${vaultId}|${slotId}|${generation}`;
}

function seal(key: Buffer, plaintext: Buffer, context: string): Sealed {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce: nonce.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function unseal(key: Buffer, sealed: Sealed, context: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}

function publicKeyObject(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });
}

function exchangeKey(shared: Buffer, ephemeral: string, recipient: string, context: string): Buffer {
  const salt = Buffer.concat([Buffer.from(ephemeral, 'base64url'), Buffer.from(recipient, 'base64url')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, context, 32));
}

function sealToPublicKey(recipient: string, plaintext: Buffer, context: string): KeySlot['dataKey'] {
  const ephemeralPair = generateKeyPairSync('x25519');
  const ephemeral = ephemeralPair.publicKey.export({ format: 'jwk' }).x ?? '';
  const shared = diffieHellman({ privateKey: ephemeralPair.privateKey, publicKey: publicKeyObject(recipient) });
  const key = exchangeKey(shared, ephemeral, recipient, context);
  shared.fill(0);
  const sealed = seal(key, plaintext, context);
  key.fill(0);
  return { ...sealed, ephemeral };
}

function unsealWithPrivateKey(publicKey: string, privateRaw: Buffer, sealed: KeySlot['dataKey'], context: string): Buffer {
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', x: publicKey, d: privateRaw.toString('base64url') },
    format: 'jwk',
  });
  const shared = diffieHellman({ privateKey, publicKey: publicKeyObject(sealed.ephemeral) });
  const key = exchangeKey(shared, sealed.ephemeral, publicKey, context);
  shared.fill(0);
  try {
    return unseal(key, sealed, context);
  } finally {
    key.fill(0);
  }
}

// ---- keys.json on disk ----------------------------------------------------

function checksumOf(body: Omit<KeyFile, 'checksum'>): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/** Pretty JSON ending in "}\n" plus a checksum, so damage and truncation are told apart from a wrong password. */
export function encodeKeyFile(keys: KeyFile): Buffer {
  const { checksum: _ignored, ...body } = keys;
  return Buffer.from(`${JSON.stringify({ ...body, checksum: checksumOf(body) }, null, 2)}\n`, 'utf8');
}

export function decodeKeyFile(bytes: Buffer, file: string): KeyFile {
  const text = bytes.toString('utf8');
  if (!text.endsWith('}\n')) throw new AppError('VAULT_TRUNCATED', vaultMessages.truncated(file));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(file), { cause });
  }
  if (!isRecord(parsed) || parsed.format !== KEYS_FORMAT || typeof parsed.version !== 'number') {
    throw new AppError('VAULT_CORRUPT', vaultMessages.badMagic(file));
  }
  if (parsed.version > KEYS_VERSION) throw new AppError('VAULT_VERSION', vaultMessages.newerVersion(file, parsed.version));
  const { checksum, ...body } = parsed;
  if (typeof checksum !== 'string' || checksum !== checksumOf(body as Omit<KeyFile, 'checksum'>) || !looksLikeKeyFile(body)) {
    throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(file));
  }
  // The checksum is plain SHA-256 that anyone can recompute: a version 2 file stripped of
  // its MAC (to pass as an old one) is caught here or, by the catalog, after unlocking.
  if (body.version >= 2 && (typeof body.mac !== 'string' || !Number.isSafeInteger(body.counter) || (body.counter ?? 0) < 1)) {
    throw new AppError('VAULT_TAMPERED', vaultMessages.keysTampered(file));
  }
  return body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeKeyFile(value: Record<string, unknown>): value is Omit<KeyFile, 'checksum'> {
  return (
    typeof value.vaultId === 'string' &&
    (value.counter === undefined || typeof value.counter === 'number') &&
    (value.mac === undefined || typeof value.mac === 'string') &&
    typeof value.generation === 'number' &&
    Array.isArray(value.slots) &&
    value.slots.every(
      (s: unknown) =>
        isRecord(s) &&
        typeof s.id === 'string' &&
        (s.kind === 'password' || s.kind === 'recovery') &&
        isRecord(s.kdf) &&
        typeof s.publicKey === 'string' &&
        isRecord(s.privateKey) &&
        isRecord(s.dataKey),
    )
  );
}
