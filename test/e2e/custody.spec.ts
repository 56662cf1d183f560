import { expect, test } from './support/fixtures';
import { completeSetup } from './support/flows';
import { authorisedEnvelope, CLERK, handoff, nav, registerAgencyAndStaff, switchUser } from './support/shipment-flows';

const SUBJECT = 'Informe de incidencias del 911 para el CNI';
const SEALS = ['SS-007701', 'SS-007702'];

test('at the counter: two handoffs and a receipt with a broken seal; the shipment is flagged, verification is OK, the CSV keeps its accents', async ({ page, snap }) => {
  test.setTimeout(180_000);
  await completeSetup(page);
  await registerAgencyAndStaff(page);
  const { id, folio } = await authorisedEnvelope(page, { subject: SUBJECT, seals: SEALS });
  await page.reload();
  await switchUser(page, CLERK);

  // A courier who comes often is registered once.
  await nav(page, 'Cadena de custodia');
  await page.getByRole('tab', { name: 'Mensajeros' }).click();
  await page.getByRole('button', { name: 'Nuevo mensajero' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nuevo mensajero' });
  await dialog.getByRole('textbox', { name: 'Nombre completo' }).fill('Carlos Díaz Ruiz');
  await dialog.getByRole('textbox', { name: 'Área' }).fill('Mensajería interna de la SSPO');
  await dialog.getByRole('button', { name: 'Guardar mensajero' }).click();
  await expect(dialog.getByText('Escriba la identificación (INE, gafete, número de empleado…).')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Identificación' }).fill('Gafete SSPO-0042');
  await dialog.getByRole('button', { name: 'Guardar mensajero' }).click();
  await expect(page.getByTestId('couriers')).toContainText('Carlos Díaz Ruiz');

  // 1. Sealing at the counter: the folio typed, Enter, the due handoff is offered.
  await page.getByRole('tab', { name: 'Ventanilla y bitácora' }).click();
  const code = page.getByRole('textbox', { name: 'Folio o código de la hoja' });
  await expect(code).toBeFocused();
  await code.fill(folio);
  await code.press('Enter');
  const counter = page.getByTestId('counter-shipment');
  await expect(counter).toContainText(SUBJECT);
  await expect(counter.getByRole('radio', { name: 'Confirmar sellos' })).toBeChecked();
  await handoff(page, 'Confirmar sellos', { place: 'Ventanilla de la Oficialía del C4' }, counter);
  await expect(counter).toBeHidden();
  await expect(code).toBeFocused();

  // 2. To the courier: picked from the register; the place is remembered.
  await code.fill(folio);
  await code.press('Enter');
  await expect(counter.getByRole('radio', { name: 'Entregar a mensajería' })).toBeChecked();
  await expect(counter.getByRole('combobox', { name: 'Lugar' })).toHaveValue('Ventanilla de la Oficialía del C4');
  await handoff(page, 'Entregar a mensajería', { courier: 'Carlos Díaz Ruiz' }, counter);
  await expect(counter).toBeHidden();

  // 3. The receipt: one seal arrived torn.
  await code.fill(folio);
  await code.press('Enter');
  await expect(counter.getByRole('radio', { name: 'Registrar acuse de recibo' })).toBeChecked();
  await expect(counter.getByRole('group', { name: 'Entrega' }).getByRole('combobox', { name: 'Nombre' })).toHaveValue('Carlos Díaz Ruiz');
  await snap('52-ventanilla-acuse');
  await handoff(page, 'Registrar acuse de recibo', { place: 'Oficialía de partes del CNI, Ciudad de México', to: { identification: 'INE 4455' }, damaged: { 'SS-007702': 'Cinta rasgada en la solapa; se recibió con reserva' } }, counter);
  await expect(counter).toBeHidden();

  const log = page.getByTestId('custody-log');
  await expect(log.getByRole('row')).toHaveCount(4);
  await expect(log.getByRole('row', { name: /Recepción en destino/ })).toContainText('Dañado');
  await page.getByRole('checkbox', { name: 'Sólo con sello dañado' }).check();
  await expect(log.getByRole('row')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Sólo con sello dañado' }).uncheck();
  await snap('50-cadena-de-custodia');

  // The CSV opens in Excel with its accents: UTF-8 with BOM.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar CSV' }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  const csv = Buffer.concat(chunks);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString('utf8');
  expect(text).toContain('Carlos Díaz Ruiz');
  expect(text).toContain('Recepción en destino');
  expect(text).toContain('SS-007702 (dañado: Cinta rasgada en la solapa; se recibió con reserva)');

  await page.getByRole('button', { name: 'Verificar toda la bóveda' }).click();
  await expect(page.getByTestId('verification-ok')).toContainText('todo coincide');

  // The shipment: flagged, all three handoffs in its timeline, its chain verified.
  await log.getByRole('link', { name: folio }).first().click();
  await expect(page).toHaveURL(new RegExp(`/envios/${id}$`));
  await expect(page.getByTestId('shipment-state')).toHaveText('Entregado');
  await expect(page.getByTestId('broken-seal-alert')).toBeVisible();
  const timeline = page.getByTestId('custody-timeline');
  await expect(timeline.locator('.mantine-Timeline-item')).toHaveCount(3);
  await expect(timeline).toContainText('Sellado');
  await expect(timeline).toContainText('Entrega a mensajero');
  await expect(timeline).toContainText('Cinta rasgada en la solapa');
  await expect(page.getByTestId('custody-head')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await page.getByRole('button', { name: 'Verificar integridad' }).click();
  await expect(page.getByTestId('verification-ok')).toContainText('3 eventos revisados');

  // A correction is a new event that names the one it corrects.
  await page.getByRole('button', { name: 'Registrar movimiento' }).click();
  const free = page.getByRole('dialog', { name: 'Registrar movimiento de custodia' });
  await free.getByRole('combobox', { name: 'Corrige a un evento anterior (opcional)' }).click();
  await page.getByRole('option', { name: /^2\. Entrega a mensajero/ }).click();
  // It starts from the corrected event: same people and place.
  await expect(free.getByRole('group', { name: 'Recibe' }).getByRole('combobox', { name: 'Nombre' })).toHaveValue('Carlos Díaz Ruiz');
  await expect(free.getByRole('group', { name: 'Recibe' }).getByRole('textbox', { name: 'Identificación que presentó' })).toHaveValue('Gafete SSPO-0042');
  await free.getByRole('textbox', { name: 'Observaciones' }).fill('La entrega al mensajero fue a las 10:40, no a la hora registrada.');
  // The corrected time must fall between the events around it: here, the minute the handoff was recorded in
  // (the form proposes «now», which may already be a minute after the receipt).
  const handedOver = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.exec((await timeline.locator('.mantine-Timeline-item').nth(1).textContent()) ?? '')?.[0];
  await free.getByRole('textbox', { name: 'Fecha y hora' }).fill(handedOver ?? '');
  await free.getByRole('button', { name: 'Registrar movimiento' }).click();
  await expect(free).toBeHidden();
  await expect(timeline.locator('.mantine-Timeline-item')).toHaveCount(4);
  await expect(timeline).toContainText('Corrige al evento 2');
  await expect(timeline.locator('.mantine-Timeline-item').nth(3)).toContainText('Entrega a mensajero');
  await page.getByRole('button', { name: 'Verificar integridad' }).click();
  await expect(page.getByTestId('verification-ok')).toContainText('4 eventos revisados');
  await snap('51-envio-custodia');
});
