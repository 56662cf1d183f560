/**
 * Every IPC call is checked against the frame that sent it: it must be the
 * main frame of a page served from one of our own origins. A page that
 * somehow navigated elsewhere, or an iframe, gets nothing from the core.
 */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

export const APP_SCHEME = 'app';
export const APP_HOST = 'valija';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** `new URL('app://x').origin` is "null" for custom schemes, so build it by hand. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frame || !frame.isMainFrame) return false;
  const origin = originOf(frame.url);
  return origin !== null && trustedOrigins.includes(origin);
}
