/** Reads a file the person picked into the base64 form the core accepts. */
export async function fileToUpload(file: File): Promise<{ fileName: string; mediaType: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, mediaType: file.type || 'application/octet-stream', base64: btoa(binary) };
}

/** Offers a file from the core as a download. */
export function downloadBase64(fileName: string, mediaType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Late enough for a loaded machine to have started the download from it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
