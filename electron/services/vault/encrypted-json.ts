import { AppError } from '../../../shared/errors';
import { decrypt, encrypt } from './cipher';
import type { Decoder } from './durable-file';
import { vaultMessages } from './messages';

export function encodeEncryptedJson(key: Buffer, name: string, value: unknown): Buffer {
  return encrypt(key, name, Buffer.from(JSON.stringify(value), 'utf8'));
}

export function encryptedJsonDecoder<T>(key: Buffer, name: string, isValid: (value: unknown) => boolean = () => true): Decoder<T> {
  return (bytes, file) => {
    const plain = decrypt(key, name, bytes, file);
    let value: unknown;
    try {
      value = JSON.parse(plain.toString('utf8'));
    } catch (cause) {
      // The tag matched, so this is our own bug or a newer writer: still refuse to guess.
      throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(file), { cause });
    }
    if (!isValid(value)) throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(file));
    return value as T;
  };
}
