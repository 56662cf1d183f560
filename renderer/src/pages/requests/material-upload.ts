import { MATERIAL_MAX_BYTES, materialUploadSchema, type ReleaseMaterial } from '../../../../shared/domain/releases';
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
      const read = await fileToUpload(file);
      const upload = { ...read, mediaType: TYPE_ALIASES[read.mediaType] ?? read.mediaType } as Input<'releases.uploadMaterial'>;
      // The boundary's own schema, here first, so the sentence is the rule's and not the envelope's; the core checks again.
      const checked = materialUploadSchema.safeParse(upload);
      if (!checked.success) throw new ApiError({ code: 'VALIDATION', message: checked.error.issues[0]?.message ?? 'El archivo no es válido.' });
      stored.push(await call('releases.uploadMaterial', upload));
    } catch (e) {
      throw new ApiError({ code: 'VALIDATION', message: `«${file.name}»: ${errorMessage(e)}` });
    }
  }
  return stored;
}

/** The accept attribute of a material picker. */
export const MATERIAL_ACCEPT = 'image/png,image/jpeg,video/mp4,audio/mpeg,audio/wav,application/pdf';
