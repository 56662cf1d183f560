import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one place the window's security settings live. The renderer gets no
 * Node, runs in Chromium's sandbox and talks to the core only through the
 * preload's `invoke`. A unit test holds these values in place.
 */
export const WINDOW_OPTIONS = {
  width: 1320,
  height: 860,
  minWidth: 1024,
  minHeight: 680,
  title: 'Valija',
  show: false,
  backgroundColor: '#f1f3f5',
  autoHideMenuBar: false,
  webPreferences: {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Chromium's PDF viewer, for the print preview of the paper forms (a PDF in an iframe).
    plugins: true,
  },
} as const satisfies BrowserWindowConstructorOptions;

/** DevTools only outside a packaged build: in the field they would be a console inside the process that reads the vault. */
export function windowOptionsWithPreload(preloadPath: string, packaged = false): BrowserWindowConstructorOptions {
  return { ...WINDOW_OPTIONS, webPreferences: { ...WINDOW_OPTIONS.webPreferences, preload: preloadPath, devTools: !packaged } };
}
