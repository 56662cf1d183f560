import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { _electron, chromium, test as base, type Browser, type Page } from '@playwright/test';

export type Shell = 'harness' | 'electron';
export interface ShellOption {
  shell: Shell;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Flags Debian's Chromium needs on a closed network, as root, without a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface AppFixtures {
  /** The vault folder of this test: real files on disk, fresh for each test. */
  dataDir: string;
  /** A folder standing for a removable drive (FAT32), listed by the app through VALIJA_TEST_DRIVES. */
  drive: string;
  /** Opens another instance of the app on another data folder (same test drive), e.g. a new workstation. */
  launch: (dataDir: string) => Promise<Page>;
  page: Page;
  /** Saves a full-page screenshot under test-results/screens/ for a person to look at. */
  snap: (name: string) => Promise<void>;
}

async function startHarnessProcess(dataDir: string, drive: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['test/harness/cli.ts', '--data-dir', dataDir, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, VALIJA_TEST_DRIVES: drive },
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('El arnés no arrancó en 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`El arnés terminó con código ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('VALIJA_HARNESS_URL=')) {
        clearTimeout(timer);
        resolve(line.slice('VALIJA_HARNESS_URL='.length));
      }
    });
  });
  return { url, child };
}

export const test = base.extend<AppFixtures & ShellOption, { chromiumBrowser: Browser }>({
  shell: ['harness', { option: true }],

  chromiumBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use, testInfo) => {
    const dir = testInfo.outputPath('vault');
    mkdirSync(dir, { recursive: true });
    await use(dir);
  },

  // eslint-disable-next-line no-empty-pattern
  drive: async ({}, use, testInfo) => {
    const dir = testInfo.outputPath('unidad-usb');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.valija-fs'), 'vfat');
    await use(dir);
  },

  launch: async ({ shell, drive, chromiumBrowser }, use) => {
    const opened: (() => Promise<void>)[] = [];
    await use(async (dataDir) => {
      mkdirSync(dataDir, { recursive: true });
      if (shell === 'electron') {
        const app = await _electron.launch({ args: [path.join(repoRoot, 'dist/electron/main.js'), `--data-dir=${dataDir}`], cwd: repoRoot, env: { ...process.env, VALIJA_TEST_DRIVES: drive } });
        opened.push(() => app.close());
        return app.firstWindow();
      }
      const { url, child } = await startHarnessProcess(dataDir, drive);
      const context = await chromiumBrowser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'es-MX', timezoneId: 'America/Mexico_City' });
      opened.push(async () => {
        await context.close();
        child.kill('SIGTERM');
      });
      const page = await context.newPage();
      await page.goto(url);
      return page;
    });
    for (const close of opened.reverse()) await close();
  },

  page: async ({ launch, dataDir }, use) => {
    await use(await launch(dataDir));
  },

  snap: async ({ page, shell }, use) => {
    await use(async (name) => {
      await page.screenshot({ path: path.join(repoRoot, 'test-results/screens', shell, `${name}.png`), fullPage: true });
    });
  },
});

export { expect } from '@playwright/test';
