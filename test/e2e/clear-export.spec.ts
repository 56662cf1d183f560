import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { completeSetup } from './support/flows';
import { api, CLERK, nav, registerAgencyAndStaff, switchUser } from './support/shipment-flows';

const PUBLIC_SUBJECT = 'Estadística pública de llamadas al 911 de octubre';
const RESERVED_SUBJECT = 'Informe reservado de operativos';

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

test('an administrator exports public records in clear after confirming; reserved ones are refused and a clerk is not offered it', async ({ page, drive, snap }) => {
  test.setTimeout(150_000);
  await completeSetup(page);
  await registerAgencyAndStaff(page);
  const agencies = await api<{ agency: { id: string; acronym: string; recipients: { id: string }[] } }[]>(page, 'agencies.list', {});
  const cni = agencies.find((a) => a.agency.acronym === 'CNI')?.agency;
  const base = { channel: 'tarjeta_informativa', agencyId: cni?.id, recipientId: cni?.recipients[0]?.id, inventory: [{ description: 'Tarjeta', type: 'tarjeta', quantity: 1, sheets: 1 }] };
  await api(page, 'shipments.create', { content: { ...base, subject: PUBLIC_SUBJECT, classification: 'publica' } });
  await api(page, 'shipments.create', { content: { ...base, subject: RESERVED_SUBJECT, classification: 'reservada', legalBasis: 'Artículo 110, fracción I, LFTAIP' } });
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();

  await nav(page, 'Medios extraíbles');
  await page.getByRole('tab', { name: 'Exportar expedientes' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.locator('label').filter({ hasText: /^Envíos elegidos$/ }).click();
  await panel.getByRole('combobox', { name: 'Envíos' }).click();
  await page.getByRole('option', { name: new RegExp(PUBLIC_SUBJECT) }).click();
  await page.keyboard.press('Escape');
  await panel.getByRole('combobox', { name: 'Unidad', exact: true }).click();
  await page.getByRole('option', { name: /^unidad-usb · VFAT/ }).click();
  const option = panel.getByRole('checkbox', { name: 'Exportar sin cifrar (sólo envíos públicos)' });
  await expect(option).not.toBeChecked();
  await option.check();

  // Asked once more; cancelling writes nothing.
  await panel.getByRole('button', { name: 'Exportar sin cifrar' }).click();
  const confirm = page.getByRole('dialog', { name: '¿Exportar el expediente sin cifrar?' });
  await expect(confirm).toContainText('cualquiera que la tenga podrá leerlos, sin clave');
  await snap('83-exportar-sin-cifrar');
  await confirm.getByRole('button', { name: 'Cancelar' }).click();
  await expect(confirm).toBeHidden();
  expect(readdirSync(drive).filter((n) => n.startsWith('valija-expediente-'))).toEqual([]);

  // Confirmed: the public shipment's records are on the drive in clear.
  await panel.getByRole('button', { name: 'Exportar sin cifrar' }).click();
  await confirm.getByRole('button', { name: 'Exportar sin cifrar' }).click();
  await expect(page.getByTestId('export-result')).toContainText('1 envío', { timeout: 60_000 });
  await expect(page.getByTestId('export-result')).toContainText('sin cifrar.');
  await expect(page.getByTestId('export-passphrase')).toHaveCount(0);
  const bags = readdirSync(drive).filter((n) => n.startsWith('valija-expediente-'));
  expect(bags).toHaveLength(1);
  const files = filesUnder(path.join(drive, bags[0] ?? ''));
  expect(files.some((f) => f.endsWith('.age'))).toBe(false);
  expect(files.some((f) => readFileSync(path.join(drive, bags[0] ?? '', f)).includes(Buffer.from(PUBLIC_SUBJECT)))).toBe(true);

  // With a reservada shipment in the selection: refused in Spanish, nothing more on the drive.
  await panel.getByRole('combobox', { name: 'Envíos' }).click();
  await page.getByRole('option', { name: new RegExp(RESERVED_SUBJECT) }).click();
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Exportar sin cifrar' }).click();
  await confirm.getByRole('button', { name: 'Exportar sin cifrar' }).click();
  await expect(panel.getByText(/envío reservado o confidencial \(sin folio\): el expediente debe exportarse cifrado\. No se escribió nada en la unidad\./)).toBeVisible({ timeout: 60_000 });
  expect(readdirSync(drive).filter((n) => n.startsWith('valija-expediente-'))).toHaveLength(1);

  // The audit log names the clear export and the refusal.
  await nav(page, 'Administración');
  await page.getByRole('tab', { name: 'Bitácora' }).click();
  await expect(page.getByRole('table')).toContainText('Exportación de expedientes rechazada');

  // A clerk is not offered the option at all.
  await switchUser(page, CLERK, true);
  await nav(page, 'Medios extraíbles');
  await page.getByRole('tab', { name: 'Exportar expedientes' }).click();
  await expect(page.getByRole('tabpanel').getByRole('button', { name: 'Exportar', exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Exportar sin cifrar/ })).toHaveCount(0);
});
