import { describe, expect, it } from 'vitest';
import { WINDOW_OPTIONS, windowOptionsWithPreload } from './window-options';

describe('window options', () => {
  it('keep context isolation, the sandbox and no Node integration', () => {
    const prefs = WINDOW_OPTIONS.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    // only so the print preview can show PDFs
    expect(prefs.plugins).toBe(true);
  });

  it('adding the preload keeps every security setting', () => {
    const options = windowOptionsWithPreload('/app/preload.cjs');
    expect(options.webPreferences).toEqual({ ...WINDOW_OPTIONS.webPreferences, preload: '/app/preload.cjs', devTools: true });
  });

  it('a packaged build has no DevTools', () => {
    expect(windowOptionsWithPreload('/app/preload.cjs', true).webPreferences?.devTools).toBe(false);
  });
});
