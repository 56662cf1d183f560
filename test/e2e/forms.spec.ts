import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup, pdfText, previewDrawn } from './support/flows';
import { act, authorisedEnvelope, CLERK, officeToday, LAWYER, openShipment, registerAgencyAndStaff, switchUser } from './support/shipment-flows';

const SUBJECT = 'Remisión del parte informativo de la Policía Estatal';
const SEALS = ['SS-009901'];

/** Issues a form from the shipment page and keeps its PDF; returns its text. */
async function issue(page: Page, form: string, file: string, sheet?: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Imprimir formatos' }).click();
  const dialog = page.getByRole('dialog', { name: 'Imprimir formato' });
  await dialog.getByRole('combobox', { name: 'Formato' }).click();
  await page.getByRole('option', { name: form }).click();
  if (sheet) {
    await dialog.getByRole('combobox', { name: 'Hoja' }).click();
    await page.getByRole('option', { name: sheet }).click();
  }
  await dialog.getByRole('button', { name: 'Generar' }).click();
  await previewDrawn(dialog);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Guardar PDF' }).click();
  await (await download).saveAs(file);
  return pdfText(file);
}

async function closeDialog(page: Page) {
  await page.getByRole('dialog', { name: 'Imprimir formato' }).getByRole('button', { name: 'Cerrar', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Imprimir formato' })).toBeHidden();
}

test('print the approval sheet, register the signed scan, change the inventory: the sheet is voided and printed again', async ({ page, snap }, info) => {
  test.setTimeout(180_000);
  await completeSetup(page);
  await registerAgencyAndStaff(page);
  const { folio } = await authorisedEnvelope(page, { subject: SUBJECT, seals: SEALS, stopAt: 'por_firmar' });
  await page.reload();
  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);

  // First print, then a reprint marked as such.
  const first = await issue(page, 'Formato de autorización', info.outputPath('hoja1.pdf'));
  expect(first).toContain(folio);
  expect(first).toContain('Elaboró');
  expect(first).toContain('Revisó (Jurídico)');
  expect(first).not.toContain('REIMPRESIÓN');
  await snap('60-vista-previa-hoja');
  await closeDialog(page);
  const again = await issue(page, 'Formato de autorización', info.outputPath('hoja1-bis.pdf'));
  expect(again).toContain('REIMPRESIÓN 1');
  await expect(page.getByTestId('reprint-notice')).toContainText('REIMPRESIÓN 1');
  await closeDialog(page);

  // Both prints are kept byte for byte: the shipment page shows and saves the very PDF printed first.
  const kept = page.getByTestId('printed-sheets');
  await expect(kept.getByRole('row')).toHaveCount(3);
  await expect(kept).toContainText('hoja 1, original');
  await expect(kept).toContainText('hoja 1, reimpresión 1');
  const original = kept.getByRole('row').filter({ hasText: 'hoja 1, original' });
  const saved = page.waitForEvent('download');
  await original.getByRole('button', { name: /^Guardar/ }).click();
  await (await saved).saveAs(info.outputPath('hoja1-guardada.pdf'));
  expect(readFileSync(info.outputPath('hoja1-guardada.pdf')).equals(readFileSync(info.outputPath('hoja1.pdf')))).toBe(true);
  expect(readFileSync(info.outputPath('hoja1-guardada.pdf')).equals(readFileSync(info.outputPath('hoja1-bis.pdf')))).toBe(false);
  await original.getByRole('button', { name: /^Ver/ }).click();
  const viewer = page.getByRole('dialog', { name: /Formato de autorización · hoja 1, original/ });
  await previewDrawn(viewer);
  await snap('60b-impreso-guardado');
  await viewer.locator('.mantine-Modal-close').click();
  await expect(viewer).toBeHidden();
  await kept.scrollIntoViewIfNeeded();
  await snap('60c-formatos-impresos');

  // The Director signed it; the administrator registers the signature with the scan.
  await switchUser(page, { userName: ADMIN.userName, own: ADMIN.password });
  await openShipment(page, SUBJECT);
  await page.getByTestId('shipment-actions').getByRole('button', { name: 'Registrar firma del Director(a) General' }).click();
  const sign = page.getByRole('dialog', { name: 'Registrar firma del Director(a) General' });
  await sign.getByRole('textbox', { name: 'Nombre de quien firmó' }).fill('Ing. Enrique Quinto Ceballos');
  await sign.getByRole('textbox', { name: 'Cargo' }).fill('Director General');
  await sign.getByRole('textbox', { name: 'Fecha de la firma' }).fill(officeToday());
  await sign.getByRole('textbox', { name: 'Fecha de la firma' }).press('Tab');
  // The «scan» is the sheet as printed: its QR is read back and matched against the shipment.
  await sign.locator('input[type="file"]').setInputFiles(info.outputPath('hoja1-bis.pdf'));
  await expect(sign.getByTestId('scan-check')).toContainText('corresponde a este envío y a su contenido actual', { timeout: 20_000 });
  await sign.getByRole('button', { name: 'Registrar firma del Director(a) General' }).click();
  await expect(sign).toBeHidden();
  await expect(page.getByTestId('shipment-state')).toHaveText('Autorizado');

  // The inventory changes after the signature: the sheet is void, the shipment goes back to legal.
  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);
  await page.getByRole('link', { name: 'Modificar contenido' }).click();
  await expect(page.getByText('Al guardar, la hoja de autorización queda anulada')).toBeVisible();
  await page.getByRole('textbox', { name: 'Fojas' }).fill('11');
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByText('La hoja de autorización anterior quedó anulada')).toBeVisible();
  await expect(page.getByTestId('shipment-state')).toHaveText('En revisión jurídica');
  await switchUser(page, LAWYER);
  await openShipment(page, SUBJECT);
  await act(page, 'Aprobar revisión');
  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);
  await act(page, 'Generar hoja de autorización');

  // The new sheet keeps the folio; the old one prints marked ANULADA.
  const second = await issue(page, 'Formato de autorización', info.outputPath('hoja2.pdf'), /^Hoja 2/);
  expect(second).toContain(folio);
  expect(second).toMatch(/Versión de la hoja:\s*2/);
  expect(second).not.toContain('ANULADA');
  expect(second).not.toContain('REIMPRESIÓN');
  await closeDialog(page);
  const old = await issue(page, 'Formato de autorización', info.outputPath('hoja1-anulada.pdf'), /^Hoja 1/);
  expect(old).toContain('ANULADA');
  await closeDialog(page);

  // Registering the new signature with the old sheet's scan is flagged; the new sheet's is not.
  await switchUser(page, { userName: ADMIN.userName, own: ADMIN.password });
  await openShipment(page, SUBJECT);
  await page.getByTestId('shipment-actions').getByRole('button', { name: 'Registrar firma del Director(a) General' }).click();
  const resign = page.getByRole('dialog', { name: 'Registrar firma del Director(a) General' });
  await resign.locator('input[type="file"]').setInputFiles(info.outputPath('hoja1-bis.pdf'));
  await expect(resign.getByTestId('scan-check')).toContainText('no es la hoja vigente', { timeout: 20_000 });
  await resign.locator('input[type="file"]').setInputFiles(info.outputPath('hoja2.pdf'));
  await expect(resign.getByTestId('scan-check')).toContainText('corresponde a este envío', { timeout: 20_000 });
  await resign.locator('.mantine-Modal-close').click();
  await expect(resign).toBeHidden();
  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);

  // The other forms print from the same records.
  expect(await issue(page, 'Carátula de sobre', info.outputPath('caratula.pdf'))).toContain('SS-009901');
  await closeDialog(page);
  expect(await issue(page, 'Acuse de recibo', info.outputPath('acuse.pdf'))).toContain(folio);
  await snap('61-formatos');
});
