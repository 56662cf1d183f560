import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const ADMIN = { fullName: 'María Elena López Ruiz', position: 'Jefa de Departamento de Registro', userName: 'mlopez', password: 'Valija-Segura-2026' };

export const OFFICE = {
  institution: 'Centro de Control, Comando, Comunicación y Cómputo de Oaxaca',
  unit: 'Dirección General',
  acronym: 'C4',
  folioPrefix: 'C4/DG',
};

/** Walks the first-run wizard through the UI; returns the recovery code shown once. */
export async function completeSetup(page: Page, options: { keepPdfAt?: string } = {}): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Configuración inicial' })).toBeVisible();
  await page.getByLabel('Institución').fill(OFFICE.institution);
  await page.getByLabel('Unidad administrativa').fill(OFFICE.unit);
  await page.getByLabel('Siglas').fill(OFFICE.acronym);
  await page.getByLabel('Prefijo de folio').fill(OFFICE.folioPrefix);
  await page.getByRole('button', { name: 'Siguiente' }).click();

  await page.getByLabel('Nombre completo').fill(ADMIN.fullName);
  await page.getByLabel('Cargo').fill(ADMIN.position);
  await page.getByRole('textbox', { name: 'Usuario', exact: true }).fill(ADMIN.userName);
  await page.getByRole('textbox', { name: 'Contraseña', exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirme la contraseña').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Crear la bóveda' }).click();

  // Creating the vault derives its keys at the production cost and renders the recovery sheet, the harness
  // core's first render (react-pdf loaded and compiled by tsx on demand): as the first test of a loaded
  // two-core CI run, that took over 20 s.
  const code = (await page.getByTestId('recovery-code').textContent({ timeout: 45_000 }))?.trim() ?? '';
  if (options.keepPdfAt) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Guardar PDF' }).click();
    await (await download).saveAs(options.keepPdfAt);
  }
  await page.getByLabel('Para confirmar que guardó el código, escriba su último grupo').fill(code.slice(-4));
  await page.getByRole('button', { name: 'Comenzar a usar Valija' }).click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);
  return code;
}

export async function signIn(page: Page, userName: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Usuario', exact: true }).fill(userName);
  await page.getByRole('textbox', { name: 'Contraseña', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('current-user').click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
}

/**
 * Waits until the PDF preview in `scope` has drawn every page. Waiting for the
 * first canvas only is not enough: later pages are appended after it and the
 * buttons below the preview may still move under the pointer.
 * Generous: on a loaded two-core CI machine the first preview (worker start, pdf.js) can take over ten seconds.
 */
export async function previewDrawn(scope: Page | Locator): Promise<void> {
  const preview = scope.getByTestId('pdf-preview');
  await expect(preview).toHaveAttribute('data-state', 'listo', { timeout: 30_000 });
  await expect(preview.locator('canvas').first()).toBeVisible();
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
