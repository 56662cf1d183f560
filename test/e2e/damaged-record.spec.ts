import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup, signIn, signOut } from './support/flows';
import { api, authorisedEnvelope, nav, registerAgencyAndStaff } from './support/shipment-flows';

const DAMAGED = 'Informe que se dañará en el disco';
const OTHER = 'Informe que sigue intacto';

async function pickDrive(page: Page, scope: ReturnType<Page['getByRole']>, label = 'Unidad') {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: /^unidad-usb · VFAT/ }).click();
}

/** As the link on Inicio does: the shipment's page by its address. */
async function openById(page: Page, id: string): Promise<void> {
  await page.evaluate((shipmentId) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/envios/${shipmentId}`;
  }, id);
}

/** Flips one byte inside the first record of the shipments' changes: the first shipment's creation. */
function damageFirstShipmentRecord(dataDir: string): void {
  const generation = readdirSync(dataDir).find((n) => /^g\d+$/.test(n)) as string;
  const dir = path.join(dataDir, generation, 'streams', 'shipment-changes');
  const file = path.join(dir, readdirSync(dir).filter((n) => n.endsWith('.log')).sort()[0] as string);
  const bytes = readFileSync(file);
  bytes.writeUInt8(bytes.readUInt8(80) ^ 0x10, 80);
  writeFileSync(file, bytes);
}

test('a flipped byte costs one shipment, not the office: it is named, everything else works, and the month is repaired from a backup', async ({ page, dataDir, snap }) => {
  test.setTimeout(180_000);
  await completeSetup(page);
  await registerAgencyAndStaff(page);
  const damaged = await authorisedEnvelope(page, { subject: DAMAGED, seals: ['C4-S-009001'] });
  const agencies = await api<{ agency: { id: string; acronym: string; recipients: { id: string }[] } }[]>(page, 'agencies.list', {});
  const cni = agencies.find((a) => a.agency.acronym === 'CNI')?.agency;
  await api(page, 'shipments.create', {
    content: { channel: 'tarjeta_informativa', agencyId: cni?.id, recipientId: cni?.recipients[0]?.id, subject: OTHER, classification: 'publica', inventory: [{ description: 'Tarjeta', type: 'tarjeta', quantity: 1, sheets: 1 }] },
  });
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();

  // The administrator backs the vault up, as the office does every week.
  await nav(page, 'Medios extraíbles');
  await page.getByRole('tab', { name: 'Respaldo y restauración' }).click();
  const panel = page.getByRole('tabpanel');
  await pickDrive(page, panel);
  await panel.getByRole('button', { name: 'Respaldar' }).click();
  await expect(page.getByTestId('backup-result')).toContainText('Respaldo grabado y verificado', { timeout: 60_000 });

  // Later, one byte of the first shipment's record goes bad on the disk.
  await signOut(page);
  damageFirstShipmentRecord(dataDir);
  await signIn(page, ADMIN.userName, ADMIN.password);

  await nav(page, 'Envíos');
  await expect(page.getByRole('row').filter({ hasText: OTHER })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: DAMAGED })).toBeVisible();
  await page.getByRole('row').filter({ hasText: OTHER }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Envío sin folio (borrador)' })).toBeVisible();
  await expect(page.getByText(OTHER).first()).toBeVisible();
  await openById(page, damaged.id);
  await expect(page.getByText(new RegExp(`El envío ${damaged.folio.replaceAll('/', '\\/')} no se puede abrir`))).toBeVisible();
  await snap('90-envio-danado');

  await nav(page, 'Inicio');
  const notice = page.getByTestId('damage-notice');
  await expect(notice).toContainText(damaged.folio);
  await expect(notice).toContainText('Envíos, mes');
  await snap('91-inicio-registros-danados');

  // Repair from the backup: only the damaged record is replaced.
  await nav(page, 'Medios extraíbles');
  await page.getByRole('tab', { name: 'Respaldo y restauración' }).click();
  const restore = page.getByRole('tabpanel');
  await restore.getByRole('combobox', { name: 'Unidad con el respaldo' }).click();
  await page.getByRole('option', { name: /^unidad-usb · VFAT/ }).click();
  await restore.getByRole('combobox', { name: 'Respaldo', exact: true }).click();
  await page.getByRole('option', { name: /^valija-respaldo-/ }).click();
  await restore.getByRole('button', { name: 'Revisar el respaldo' }).click();
  await expect(restore.getByTestId('backup-report')).toBeVisible();
  await restore.getByRole('button', { name: 'Reparar con este respaldo' }).click();
  await expect(page.getByTestId('repair-result')).toContainText(/Reparado: envíos \d{4}-\d{2}: 1 registro/);
  await snap('92-reparado-desde-respaldo');

  await nav(page, 'Inicio');
  await expect(page.getByTestId('home-shipments')).toBeVisible();
  await expect(page.getByTestId('damage-notice')).toHaveCount(0);
  await openById(page, damaged.id);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(damaged.folio) })).toBeVisible();
  await expect(page.getByText(DAMAGED).first()).toBeVisible();
});
