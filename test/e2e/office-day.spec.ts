import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup, OFFICE, previewDrawn } from './support/flows';
import { api, authorisedEnvelope, CLERK, LAWYER, nav, openShipment, registerAgencyAndStaff, switchUser } from './support/shipment-flows';

/** A first real day at the office, as a new user meets it: the office rules of docs/DOMAIN.md, end to end. */

/** `dd/mm/aaaa hh:mm` in Mexico City, `minutes` from now. */
function officeDateTime(minutes: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('es-MX', { timeZone: 'America/Mexico_City', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const handoffPayload = (from: string, to: string, seals: string[]) => ({ at: new Date().toISOString(), from: { name: from }, to: { name: to, identification: 'Gafete 0042' }, place: 'Ventanilla del C4', seals: seals.map((number) => ({ number, intact: true })) });

async function fillSetupUntilCode(page: Page) {
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
  return ((await page.getByTestId('recovery-code').textContent({ timeout: 20_000 })) ?? '').trim();
}

test('the recovery wizard cannot be left without confirming the code, survives a reload, prints without crashing; a second instance says what to do', async ({ page, launch, dataDir, snap }) => {
  test.setTimeout(120_000);
  const code = await fillSetupUntilCode(page);
  const start = page.getByRole('button', { name: 'Comenzar a usar Valija' });
  await expect(start).toBeDisabled();
  // «Imprimir…» goes through the forms' print path: the page stays up whatever the browser's PDF support.
  await previewDrawn(page);
  await page.getByRole('button', { name: 'Imprimir…' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveText(code);
  await snap('19-recuperacion-confirmar');

  // A reload does not skip the step: the same code, still waiting for confirmation.
  await page.reload();
  await expect(page.getByTestId('recovery-code')).toHaveText(code, { timeout: 20_000 });
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  const last = page.getByLabel('Para confirmar que guardó el código, escriba su último grupo');
  await last.fill(code.slice(-4) === 'ZZZZ' ? 'YYYY' : 'ZZZZ');
  await start.click();
  await expect(page.getByText('Esos caracteres no son el último grupo del código de recuperación')).toBeVisible();
  await snap('19-recuperacion-grupo-incorrecto');
  await last.fill(code.slice(-4).toLowerCase());
  await start.click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);
  await expect(page.getByRole('heading', { level: 1, name: 'Inicio' })).toBeVisible();

  // A second Valija on the same vault says so on the screen, with what to do.
  const second = await launch(dataDir);
  await expect(second.getByRole('heading', { name: 'La bóveda ya está abierta en otro Valija' })).toBeVisible({ timeout: 20_000 });
  await expect(second.getByRole('alert')).toContainText('Cierre la otra instancia');
  await expect(second.getByText('Vuelva a esta ventana y pulse «Reintentar».')).toBeVisible();
  await second.screenshot({ path: 'test-results/screens/harness/19-segunda-instancia.png', fullPage: true });
});

test('custody rules hold at the screens; the page says who acts next; the counter finds c4/dg/1/2026; the next user starts at Inicio', async ({ page, snap }) => {
  test.setTimeout(240_000);
  await completeSetup(page);
  await registerAgencyAndStaff(page);
  const first = await authorisedEnvelope(page, { subject: 'Estadística FESE de noviembre', seals: ['C4-S-000123'] });
  const toSign = await authorisedEnvelope(page, { subject: 'Padrón de vehículos robados', seals: ['C4-S-000200'], stopAt: 'por_firmar', passwordsChanged: true });
  await page.reload();
  await switchUser(page, CLERK);

  // 2. A seal already used on another shipment (typed another way) is refused, naming the folio that holds it.
  await nav(page, 'Envíos');
  await page.getByRole('button', { name: 'Nuevo envío' }).click();
  await page.locator('label').filter({ hasText: /^Sobre cerrado$/ }).click();
  await page.getByRole('combobox', { name: 'Dependencia destinataria' }).click();
  await page.getByRole('option', { name: /^CNI · Centro Nacional de Información$/ }).click();
  await page.getByRole('combobox', { name: 'Destinatario autorizado' }).click();
  await page.getByRole('option', { name: /Ramón Salinas/ }).click();
  await page.getByLabel('Asunto').fill('Sobre con un sello repetido');
  await page.getByLabel('Número de oficio de remisión').fill('C4/DG/OF/1200/2026');
  await page.getByRole('textbox', { name: 'Descripción' }).fill('Informe');
  await page.getByRole('textbox', { name: 'Tipo' }).fill('anexo');
  await page.getByRole('combobox', { name: 'Números de sello' }).fill('c4 s 000123');
  await page.getByRole('combobox', { name: 'Números de sello' }).press('Enter');
  await page.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.getByText(`El sello c4 s 000123 ya está registrado en el envío ${first.folio} (Autorizado)`)).toBeVisible();
  await snap('19-sello-repetido');

  // 1. A receipt dated before the dispatch it follows is refused.
  await api(page, 'shipments.act', { shipmentId: first.id, action: 'sellar', payload: handoffPayload(CLERK.fullName, CLERK.fullName, ['C4-S-000123']) });
  await api(page, 'shipments.act', { shipmentId: first.id, action: 'despachar', payload: handoffPayload(CLERK.fullName, 'Carlos Díaz Ruiz', []) });
  await openShipment(page, 'Estadística FESE de noviembre');
  await page.getByTestId('shipment-actions').getByRole('button', { name: 'Registrar acuse de recibo' }).click();
  const receipt = page.getByRole('dialog', { name: 'Registrar acuse de recibo' });
  await receipt.getByRole('textbox', { name: 'Fecha y hora' }).fill(officeDateTime(-180));
  await receipt.getByRole('group', { name: 'Recibe' }).getByRole('textbox', { name: 'Identificación que presentó' }).fill('INE 4455');
  await receipt.getByRole('combobox', { name: 'Lugar' }).fill('Oficialía de partes del CNI');
  await receipt.getByRole('button', { name: 'Registrar acuse de recibo' }).click();
  await expect(receipt.getByText(/es anterior al evento 2 \(Entrega a mensajero, .*\), al que sigue en la cadena de custodia/)).toBeVisible();
  await snap('19-acuse-antes-del-despacho');
  // Escape with typed data asks first; nothing is recorded.
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: '¿Descartar lo que escribió?' });
  await expect(discard).toContainText('Se perderán los datos escritos en «Registrar acuse de recibo».');
  await snap('19-descartar-lo-escrito');
  await discard.getByRole('button', { name: 'Descartar' }).click();
  await expect(receipt).toBeHidden();
  await expect(page.getByTestId('shipment-state')).toHaveText('En tránsito');

  // 5. At «Por firmar» the preparer sees what is pending and who may do it.
  await openShipment(page, 'Padrón de vehículos robados');
  const pending = page.getByTestId('pending-step');
  await expect(pending).toContainText('Pendiente: Imprimir la hoja de autorización, recabar la firma del Director(a) General y registrarla.');
  await expect(pending).toContainText('Puede hacerlo: Capturista, Administrador, Director(a) General, salvo quien preparó el envío.');
  await expect(pending).toContainText(`Personas: ${ADMIN.fullName}.`);
  await expect(pending).toContainText('Usted no puede hacerlo');
  await snap('19-pendiente-por-firmar');
  // Inicio tells the administrator what waits for them.
  await switchUser(page, { userName: ADMIN.userName, own: ADMIN.password });
  await expect(page.getByTestId('home-waiting')).toContainText(`${toSign.folio} · Padrón de vehículos robados`);
  await snap('19-inicio-espera');

  // 9. The counter finds a folio typed without zeros or capitals.
  await nav(page, 'Cadena de custodia');
  await page.getByRole('tab', { name: 'Ventanilla y bitácora' }).click();
  const code = page.getByRole('textbox', { name: 'Folio o código de la hoja' });
  await code.fill(first.folio.toLowerCase().replace(/\/0+(\d)/, '/$1'));
  await expect(code).toHaveValue(/^c4\/dg\/1\/\d{4}$/);
  await code.press('Enter');
  await expect(page.getByTestId('counter-shipment')).toContainText('Estadística FESE de noviembre');
  await snap('19-ventanilla-folio-corto');

  // 6. The administrator leaves a shipment open and signs out: the next user starts at Inicio.
  await openShipment(page, 'Padrón de vehículos robados');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Envío ${toSign.folio}`);
  await switchUser(page, LAWYER);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inicio');
  expect(new URL(page.url()).hash).toBe('#/');
});
