import { MATERIAL_MAX_BYTES, type ReleaseMaterial } from '../../../../shared/domain/releases';
import type { Input } from '../../../../shared/ipc/contract';
import { ApiError, call, errorMessage } from '../../api/client';
import { fileToUpload } from '../../api/files';

/** What browsers call some of the types the core knows by another name. */
const TYPE_ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'audio/x-wav': 'audio/wav', 'audio/wave': 'audio/wav', 'audio/mp3': 'audio/mpeg' };

/**
 * Uploads each picked file as release material, in order. The core checks
 * its type by its first bytes and its size; a refusal names the file and
 * keeps the core's own Spanish words.
 */
export async function uploadMaterials(files: readonly File[]): Promise<ReleaseMaterial[]> {
  const stored: ReleaseMaterial[] = [];
  for (const file of files) {
    try {
      // Not read into memory at all when it is too big: the same words the core uses.
      if (file.size > MATERIAL_MAX_BYTES) throw new ApiError({ code: 'VALIDATION', message: `El material no puede pasar de ${MATERIAL_MAX_BYTES / 1_000_000} MB.` });
      const upload = await fileToUpload(file);
      stored.push(await call('releases.uploadMaterial', { ...upload, mediaType: TYPE_ALIASES[upload.mediaType] ?? upload.mediaType } as Input<'releases.uploadMaterial'>));
    } catch (e) {
      throw new ApiError({ code: 'VALIDATION', message: `«${file.name}»: ${errorMessage(e)}` });
    }
  }
  return stored;
}

/** The accept attribute of a material picker. */
export const MATERIAL_ACCEPT = 'image/png,image/jpeg,video/mp4,audio/mpeg,audio/wav,application/pdf';
