import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup, OFFICE, signIn } from './support/flows';
import { authorisedEnvelope, CLERK, nav, openShipment, registerAgencyAndStaff, switchUser } from './support/shipment-flows';

const SUBJECT = 'Videograbaciones para la carpeta de investigación FED/OAX/1204/2026';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function pickDrive(page: Page, scope: ReturnType<Page['getByTestId']> | Page, label = 'Unidad') {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: /^unidad-usb · VFAT/ }).click();
}

test('load a magnetic-media shipment onto a drive and verify it, export the month, back up and restore on a new workstation', async ({ page, drive, launch, snap }, info) => {
  test.setTimeout(240_000);
  const video = randomBytes(3 * 1024 * 1024);
  const acta = Buffer.from('Acta de entrega de videograbaciones de la cámara 12.\n', 'utf8');
  await completeSetup(page);
  await registerAgencyAndStaff(page);
  const { folio } = await authorisedEnvelope(page, {
    subject: SUBJECT,
    seals: [],
    mediaFiles: [
      { name: 'camara-12.mp4', size: video.length, sha256: sha256(video) },
      { name: 'acta.txt', size: acta.length, sha256: sha256(acta) },
    ],
  });
  await page.reload();
  await switchUser(page, CLERK);

  // Loading: the browser cannot tell where the files are, so they are picked again and checked.
  await nav(page, 'Medios extraíbles');
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('combobox', { name: 'Envío autorizado' }).click();
  await page.getByRole('option', { name: new RegExp(folio) }).click();
  await expect(page.getByTestId('load-files')).toContainText('Vuelva a elegirlo');
  const wrong = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Elegir archivos…' }).click();
  await (await wrong).setFiles([{ name: 'acta.txt', mimeType: 'text/plain', buffer: Buffer.from('otro contenido') }]);
  await expect(panel.getByText('«acta.txt» no es el archivo autorizado')).toBeVisible();
  const right = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Elegir archivos…' }).click();
  await (await right).setFiles([
    { name: 'camara-12.mp4', mimeType: 'video/mp4', buffer: video },
    { name: 'acta.txt', mimeType: 'text/plain', buffer: acta },
  ]);
  await expect(page.getByTestId('load-files').getByText('Elegido y comprobado')).toHaveCount(2);
  await pickDrive(page, panel);
  await expect(panel.getByRole('checkbox', { name: 'Cifrar cada archivo con age' })).toBeChecked();
  await panel.getByRole('button', { name: 'Grabar y verificar' }).click();
  const result = page.getByTestId('load-result');
  await expect(result).toContainText('Medio grabado y verificado', { timeout: 60_000 });
  await expect(page.getByTestId('passphrase')).toHaveText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
  await snap('70-medio-cargado');
  const bagName = folio.replaceAll('/', '-');
  const bag = path.join(drive, bagName);
  expect(readFileSync(path.join(bag, 'bagit.txt'), 'utf8')).toContain('BagIt-Version: 1.0');
  expect(readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toContain(`External-Identifier: ${folio}`);
  expect(readdirSync(path.join(bag, 'data')).sort()).toEqual(['acta.txt.age', 'camara-12.mp4.age']);
  expect(existsSync(path.join(bag, 'manifiesto.pdf'))).toBe(true);

  // The load is in the shipment's chain of custody.
  await openShipment(page, SUBJECT);
  await expect(page.getByTestId('custody-timeline')).toContainText('Carga del medio magnético');

  // Verifying the bag on the drive, file by file.
  await nav(page, 'Medios extraíbles');
  await page.getByRole('tab', { name: 'Verificar paquete' }).click();
  await pickDrive(page, page.getByRole('tabpanel'));
  await page.getByRole('tabpanel').getByRole('combobox', { name: 'Paquete' }).click();
  await page.getByRole('option', { name: new RegExp(`^${bagName}`) }).click();
  await page.getByRole('tabpanel').getByRole('button', { name: 'Verificar' }).click();
  await expect(page.getByTestId('bag-report')).toContainText('Paquete íntegro');
  await expect(page.getByTestId('bag-report')).toContainText('data/camara-12.mp4.age');

  // Exporting this month's records: a whole period is for an administrator, said in Spanish to the clerk.
  await page.getByRole('tab', { name: 'Exportar expedientes' }).click();
  await pickDrive(page, page.getByRole('tabpanel'));
  await page.getByRole('tabpanel').getByRole('button', { name: 'Exportar' }).click();
  await expect(page.getByText(/Exportar todos los envíos de un periodo requiere el rol Administrador/)).toBeVisible({ timeout: 60_000 });
  expect(readdirSync(drive).filter((n) => n.startsWith('valija-expediente-'))).toHaveLength(0);
  await switchUser(page, { userName: ADMIN.userName, own: ADMIN.password });
  await nav(page, 'Medios extraíbles');
  await page.getByRole('tab', { name: 'Exportar expedientes' }).click();
  await pickDrive(page, page.getByRole('tabpanel'));
  await page.getByRole('tabpanel').getByRole('button', { name: 'Exportar' }).click();
  await expect(page.getByTestId('export-result')).toContainText('1 envío', { timeout: 60_000 });
  const exported = readdirSync(drive).find((n) => n.startsWith('valija-expediente-'));
  expect(exported).toMatch(/^valija-expediente-\d{4}-\d{2}-\d{2}-1$/);
  // Encrypted by default: one age file on the drive, the passphrase shown once.
  expect(readdirSync(path.join(drive, exported ?? '', 'data'))).toEqual(['expediente.tar.age']);
  expect(readFileSync(path.join(drive, exported ?? '', 'data', 'expediente.tar.age')).includes(Buffer.from(SUBJECT))).toBe(false);
  await expect(page.getByTestId('export-passphrase')).toHaveText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
  await snap('71-expediente');
  // Or shipments chosen one by one.
  await page.getByRole('tabpanel').locator('label').filter({ hasText: /^Envíos elegidos$/ }).click();
  await page.getByRole('tabpanel').getByRole('combobox', { name: 'Envíos' }).click();
  await page.getByRole('option', { name: new RegExp(folio) }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('tabpanel').getByRole('button', { name: 'Exportar' }).click();
  // The first result must give way to the second export's own folder.
  await expect(page.getByTestId('export-result')).toContainText(`«${(exported ?? '').replace(/-1$/, '-2')}»`, { timeout: 60_000 });
  expect(readdirSync(drive).filter((n) => n.startsWith('valija-expediente-'))).toHaveLength(2);

  // The administrator backs the vault up onto the drive.
  await nav(page, 'Medios extraíbles');
  await page.getByRole('tab', { name: 'Respaldo y restauración' }).click();
  const backup = page.getByRole('tabpanel');
  await pickDrive(page, backup);
  await backup.getByRole('button', { name: 'Respaldar' }).click();
  await expect(page.getByTestId('backup-result')).toContainText('Respaldo grabado y verificado', { timeout: 60_000 });

  // A new workstation: restore from the first-run screen, then sign in with the same password.
  const fresh = await launch(info.outputPath('equipo-nuevo'));
  await expect(fresh.getByRole('heading', { name: 'Configuración inicial' })).toBeVisible();
  await fresh.getByRole('button', { name: 'Restaurar un respaldo' }).click();
  const restore = fresh.getByRole('dialog', { name: 'Restaurar un respaldo' });
  await restore.getByRole('combobox', { name: 'Unidad con el respaldo' }).click();
  await fresh.getByRole('option', { name: /^unidad-usb · VFAT/ }).click();
  await restore.getByRole('combobox', { name: 'Respaldo', exact: true }).click();
  await fresh.getByRole('option', { name: /^valija-respaldo-/ }).click();
  await restore.getByRole('button', { name: 'Revisar el respaldo' }).click();
  await expect(restore.getByTestId('backup-report')).toContainText(OFFICE.institution);
  // The backup replaces nothing until it opens with its own password: a wrong one is refused in Spanish.
  await restore.getByLabel('Usuario del respaldo').fill(ADMIN.userName);
  await restore.getByLabel('Contraseña del respaldo').fill('No-Es-La-Clave-1');
  await restore.getByRole('button', { name: 'Restaurar' }).click();
  await expect(restore.getByText(/no abren el respaldo/)).toBeVisible();
  await restore.getByLabel('Contraseña del respaldo').fill(ADMIN.password);
  await restore.getByRole('button', { name: 'Restaurar' }).click();
  await expect(fresh.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await signIn(fresh, ADMIN.userName, ADMIN.password);
  await expect(fresh.getByTestId('current-user')).toBeVisible();
  await nav(fresh, 'Envíos');
  await expect(fresh.getByRole('row').filter({ hasText: SUBJECT })).toBeVisible();
});
