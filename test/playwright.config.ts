import { defineConfig } from '@playwright/test';
import type { Shell, ShellOption } from './e2e/support/fixtures';
import { electronBinary } from './e2e/support/electron-binary';

// Every spec runs against the browser harness (Debian's Chromium), and again
// against the real Electron app wherever its binary is installed.
const projects: { name: string; use: { shell: Shell } }[] = [{ name: 'harness', use: { shell: 'harness' } }];
if (electronBinary()) projects.push({ name: 'electron', use: { shell: 'electron' } });

export default defineConfig<ShellOption>({
  testDir: './e2e',
  outputDir: '../test-results/playwright',
  globalSetup: './e2e/support/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  // A missing element fails in seconds with its locator, not when the whole test times out.
  use: { actionTimeout: 15_000, trace: 'retain-on-failure', locale: 'es-MX', timezoneId: 'America/Mexico_City' },
  projects,
});
