/** Turns a PDF sent by the core (base64) into a blob URL the page can show, print or save. */
export function pdfUrlFromBase64(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}
