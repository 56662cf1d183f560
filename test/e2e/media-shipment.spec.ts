import { createHash, randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup } from './support/flows';
import { act, actions, CLERK, LAWYER, nav, officeToday, openShipment, printApprovalSheet, registerAgencyAndStaff, switchUser } from './support/shipment-flows';

const SUBJECT = 'Videograbaciones del C4 solicitadas en la carpeta FED/OAX/0912/2026';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function pickFiles(page: Page, button: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files);
}

/** What the QR of the printed sheet holds; the test reads the digest the paper would carry. */
async function sheetCode(page: Page, shipmentId: string): Promise<string> {
  const detail = await page.evaluate(async (id) => {
    const api = (globalThis as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; value: { shipment: { folio: string; digest: string } } }> } }).api;
    return (await api.invoke('shipments.get', { shipmentId: id })).value.shipment;
  }, shipmentId);
  return `VALIJA|${detail.folio}|${detail.digest}`;
}

async function scan(page: Page, code: string) {
  await nav(page, 'Envíos');
  const search = page.getByRole('textbox', { name: 'Buscar' });
  // A keyboard-wedge scanner types fast and ends with Enter.
  await search.pressSequentially(code, { delay: 2 });
  await search.press('Enter');
}

test('a magnetic-media shipment from borrador to autorizado: files hashed in the form, attachment, legal return, scanned sheet, signature; sealing waits for the media load', async ({ page, snap }) => {
  test.setTimeout(300_000); // a long flow: about 2.8 min on a loaded 2-core machine, with two workers
  const video = randomBytes(24 * 1024 * 1024);
  const report = Buffer.from('Acta de entrega de videograbaciones, cámara 12 y 14.\n', 'utf8');
  const extra = randomBytes(300_000);
  const scanPdf = Buffer.from('%PDF-1.4\n% solicitud escaneada\n');

  await completeSetup(page);
  await registerAgencyAndStaff(page);

  await switchUser(page, CLERK, true);
  await nav(page, 'Envíos');
  await page.getByRole('button', { name: 'Nuevo envío' }).click();
  await page.locator('label').filter({ hasText: /^Medio magnético$/ }).click();
  await page.getByRole('combobox', { name: 'Dependencia destinataria' }).click();
  await page.getByRole('option', { name: /^CNI · Centro Nacional de Información$/ }).click();
  await page.getByRole('combobox', { name: 'Destinatario autorizado' }).click();
  await page.getByRole('option', { name: /Ramón Salinas/ }).click();
  await page.getByLabel('Asunto').fill(SUBJECT);
  await page.getByRole('combobox', { name: 'Clasificación' }).click();
  await page.getByRole('option', { name: 'Confidencial' }).click();
  await page.getByLabel('Fundamento legal de la clasificación').fill('Artículo 113, fracción I, LFTAIP');
  await page.getByRole('textbox', { name: 'Descripción' }).fill('Memoria USB con videograbaciones');
  await page.getByRole('textbox', { name: 'Tipo', exact: true }).fill('medio');
  await page.getByLabel('Marca').fill('Kingston');
  await page.getByLabel('Modelo').fill('DataTraveler Exodia');
  await page.getByLabel('Número de serie').fill('KT-0099-1182-AX');
  await page.getByLabel('Capacidad').fill('64 GB');
  await page.locator('label').filter({ hasText: /^Purga \(purge\)$/ }).click();
  await page.getByLabel('Herramienta').fill('nwipe 0.34');
  await page.getByRole('textbox', { name: 'Fecha del borrado' }).fill('22/11/2026');
  await page.getByRole('textbox', { name: 'Fecha del borrado' }).press('Tab');
  await page.getByLabel('Lo realizó').fill('José Ángel Pérez Núñez');
  await page.getByLabel('Lo verificó').fill('Ing. Sofía Ramírez');

  // Saving without files is refused in Spanish and nothing is lost.
  await page.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.getByText('Agregue al menos un archivo para cargar en el medio.')).toBeVisible();

  await pickFiles(page, 'Elegir archivos…', [
    { name: 'camara-12_2026-11-20.mp4', mimeType: 'video/mp4', buffer: video },
    { name: 'acta de entrega.txt', mimeType: 'text/plain', buffer: report },
  ]);
  const files = page.getByTestId('media-files');
  await expect(files.getByRole('row')).toHaveCount(3);
  await expect(files.getByRole('row', { name: /camara-12/ })).toContainText('24 MB');
  await expect(files.getByRole('row', { name: /camara-12/ })).toContainText(sha256(video).slice(0, 16));
  await expect(files.getByRole('row', { name: /acta de entrega/ })).toContainText(sha256(report).slice(0, 16));
  // The same file again is not added twice.
  await pickFiles(page, 'Elegir archivos…', [{ name: 'acta de entrega.txt', mimeType: 'text/plain', buffer: report }]);
  await expect(page.getByText('Ya están en la lista y no se agregaron de nuevo: acta de entrega.txt.')).toBeVisible();
  await expect(files.getByRole('row')).toHaveCount(3);

  await pickFiles(page, 'Adjuntar PDF o imagen…', [
    { name: 'solicitud-fiscalia.pdf', mimeType: 'application/pdf', buffer: scanPdf },
    { name: 'programa.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
  ]);
  await expect(page.getByText('«programa.exe» no es PDF, PNG ni JPG.')).toBeVisible();
  await expect(page.getByTestId('attachments')).toContainText('solicitud-fiscalia.pdf');
  await snap('44-nuevo-envio-medio');
  await page.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.getByTestId('shipment-state')).toHaveText('Borrador');
  const shipmentId = page.url().split('/envios/')[1] ?? '';
  await expect(page.getByText('KT-0099-1182-AX')).toBeVisible();
  await expect(page.getByText('Purga (purge) con nwipe 0.34, 22/11/2026')).toBeVisible();
  // The attachment comes back decrypted, byte for byte.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'solicitud-fiscalia.pdf' }).click();
  const saved = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of saved) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(scanPdf)).toBe(true);
  await act(page, 'Enviar a revisión jurídica');

  // Legal returns it: one more file is needed.
  await switchUser(page, LAWYER, true);
  await openShipment(page, SUBJECT);
  await expect(actions(page).getByRole('button', { name: 'Aprobar revisión' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Modificar contenido' })).toHaveCount(0);
  await act(page, 'Devolver con observaciones', { 'Observaciones para quien preparó el envío': 'Incluya también el video de la cámara 14.' });

  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);
  await page.getByRole('link', { name: 'Modificar contenido' }).click();
  await pickFiles(page, 'Elegir archivos…', [{ name: 'camara-14_2026-11-20.mp4', mimeType: 'video/mp4', buffer: extra }]);
  await expect(page.getByTestId('media-files').getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByTestId('media-files')).toContainText('camara-14_2026-11-20.mp4');
  await act(page, 'Enviar a revisión jurídica');
  await switchUser(page, LAWYER);
  await openShipment(page, SUBJECT);
  await act(page, 'Aprobar revisión');

  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);
  await act(page, 'Generar hoja de autorización');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Envío C4\/DG\/0001\/\d{4}$/);
  await printApprovalSheet(page);
  const printed = await sheetCode(page, shipmentId);

  // Scanning the printed sheet jumps to the shipment and confirms it matches.
  await scan(page, printed);
  await expect(page.getByTestId('scan-match')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Envío C4\/DG\/0001\/\d{4}$/);

  // The sheet is signed; the administrator records the Director General's signature.
  await switchUser(page, { userName: ADMIN.userName, own: ADMIN.password });
  await scan(page, printed);
  await act(page, 'Registrar firma del Director(a) General', { 'Nombre de quien firmó': 'Ing. Enrique Quinto Ceballos', Cargo: 'Director General', 'Fecha de la firma': officeToday() });
  await expect(page.getByTestId('shipment-state')).toHaveText('Autorizado');

  // The medium goes into the envelope loaded and verified: sealing first is refused, and the page says what is pending.
  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);
  await expect(page.getByTestId('pending-step')).toContainText('Cargar el medio magnético (Medios extraíbles), después sellar el envío');
  await actions(page).getByRole('button', { name: 'Confirmar sellos' }).click();
  const sealing = page.getByRole('dialog', { name: 'Confirmar sellos' });
  await sealing.getByRole('combobox', { name: 'Lugar' }).fill('Oficialía de partes del C4');
  await sealing.getByRole('button', { name: 'Confirmar sellos' }).click();
  await expect(sealing.getByText('Antes de sellar, cargue el medio magnético y deje que Valija lo verifique')).toBeVisible();
  await snap('45-medio-sin-cargar');
  // The place was typed: closing asks first.
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: '¿Descartar lo que escribió?' }).getByRole('button', { name: 'Descartar' }).click();
  await expect(sealing).toBeHidden();
  await expect(page.getByTestId('shipment-state')).toHaveText('Autorizado');

  // A code from an older sheet (before the content changed) is flagged.
  const stale = printed.replace(/\|[0-9a-f]{64}$/, `|${'0'.repeat(64)}`);
  await scan(page, stale);
  await expect(page.getByTestId('scan-mismatch')).toContainText('no coincide con la huella actual');
  await scan(page, 'VALIJA|C4/DG/0999/2026|' + 'a'.repeat(64));
  await expect(page.getByText('No hay ningún envío con el folio C4/DG/0999/2026.')).toBeVisible();

  await nav(page, 'Inicio');
  await expect(page.getByTestId('home-shipments')).toContainText('Autorizado');
  await snap('46-inicio');
});
