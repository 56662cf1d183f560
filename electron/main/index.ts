import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, powerMonitor, protocol, session } from 'electron';
import { createHandlers, createServices } from '../services/app-services';
import { renderFormOffThread, warmRenderWorker } from '../services/documents/render-pool';
import { resolveAssetPath } from './asset-path';
import { contentSecurityPolicy } from './csp';
import { resolveDataDir, VAULT_FOLDER } from './data-dir';
import { debugSwitchesIn, dropTestOnlyEnv, refusedSwitchesMessage } from './hardening';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, isTrustedSender, originOf } from './sender-check';
import { windowOptionsWithPreload } from './window-options';

// Before anything reads them: a packaged build obeys no test-only variable.
dropTestOnlyEnv(process.env, app.isPackaged);

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const preloadPath = path.join(here, 'preload.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL;
const csp = contentSecurityPolicy(devServerUrl ? 'development' : 'production');

// Must run before `ready`: app:// behaves like https (secure context, fetch).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let services: ReturnType<typeof createServices> | null = null;

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveAssetPath(rendererDir, request.url) : null;
    if (!file) return new Response('No encontrado', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptionsWithPreload(preloadPath, app.isPackaged));
  if (app.isPackaged) window.webContents.on('devtools-opened', () => window.webContents.closeDevTools());
  const allowedOrigin = devServerUrl ? originOf(devServerUrl) : APP_ORIGIN;

  // The window shows our page and nothing else: no navigation, no new windows.
  window.webContents.on('will-navigate', (event, url) => {
    if (originOf(url) !== allowedOrigin) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());

  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: 'Acerca de Valija',
    message: `Valija ${app.getVersion()}`,
    detail: 'Registro de envíos de información oficial y cadena de custodia. Funciona sin conexión a internet.',
  });
}

function start(): void {
  const dataDir = resolveDataDir(process.argv, process.env, path.join(app.getPath('userData'), VAULT_FOLDER), app.isPackaged);
  services = createServices({ dataDir, version: app.getVersion(), shell: 'electron', renderForm: renderFormOffThread });
  const trusted = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl) ?? ''] : [])].filter(Boolean);
  registerIpc(createHandlers(services), trusted);
  const picked = services.pickedPaths;
  // Sent by the preload only, for a file the person picked (webUtils.getPathForFile): the paths the core may read.
  ipcMain.on('valija-internal:picked-path', (event, p: unknown) => {
    const frame = event.senderFrame;
    if (frame && frame.parent === null && isTrustedSender({ url: frame.url, isMainFrame: true }, trusted) && typeof p === 'string') picked.register(p);
    event.returnValue = true;
  });

  // Valija asks for no camera, microphone, notification, clipboard or anything else: deny every request and check.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer();
  if (devServerUrl) {
    // The dev server cannot send our headers; add the development CSP here.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', onAbout: showAbout })));
  mainWindow = createWindow();
  // The vault closes when the workstation does: its lock screen, a suspend; and the core's idle limit is checked
  // even when no call comes, so the key is forgotten on time.
  const core = services;
  powerMonitor.on('lock-screen', () => void core.session.lockForSystem());
  powerMonitor.on('suspend', () => void core.session.lockForSystem());
  setInterval(() => void core.session.checkIdle(), IDLE_CHECK_MS).unref();
  // While the sign-in screen is up, the PDF worker loads and warms up on its own thread, so the first print is not the slow one.
  mainWindow.webContents.once('did-finish-load', () => void warmRenderWorker());
}

const IDLE_CHECK_MS = 30_000;

const debugSwitches = app.isPackaged ? debugSwitchesIn(process.argv) : [];
if (debugSwitches.length > 0) {
  dialog.showErrorBox('Valija', refusedSwitchesMessage(debugSwitches));
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // One running Valija per workstation session: a second launch focuses the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // An offline app opens nothing outside itself: no new windows, and no hand-off to the system browser.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());
  // Release the vault folder (and forget its key) before the process ends.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !services) return;
    event.preventDefault();
    closing = true;
    void Promise.allSettled([services.session.close(), services.staging.dispose()]).finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
