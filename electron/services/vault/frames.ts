import { AppError } from '../../../shared/errors';
import { checkHeader } from './cipher';
import { vaultMessages } from './messages';

export interface FrameRef {
  offset: number;
  total: number;
}

export interface FrameScan {
  frames: FrameRef[];
  /** end of the last whole frame; bytes after it are a torn (never acknowledged) write */
  validEnd: number;
}

/**
 * Walks the frames of a partition file by their headers (no decryption).
 * A frame cut short at the end of the file, or a zero-filled tail, is a write
 * that never completed. A header that is complete but wrong is damage, and is
 * reported with its 1-based frame number.
 */
export function scanFrames(buf: Buffer, file: string): FrameScan {
  const frames: FrameRef[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const header = checkHeader(buf, offset);
    if (header.kind === 'ok') {
      frames.push({ offset, total: header.total });
      offset += header.total;
      continue;
    }
    if (header.kind === 'short' || isZeroFrom(buf, offset)) break;
    if (header.kind === 'newer') throw new AppError('VAULT_VERSION', vaultMessages.newerVersion(file, header.version));
    throw new AppError('VAULT_CORRUPT', vaultMessages.frameCorrupt(file, frames.length + 1));
  }
  return { frames, validEnd: offset };
}

function isZeroFrom(buf: Buffer, offset: number): boolean {
  for (let i = offset; i < buf.length; i += 1) if (buf[i] !== 0) return false;
  return true;
}
