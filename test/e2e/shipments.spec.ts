import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup } from './support/flows';
import { act, actions, handoff, CLERK, LAWYER, nav, officeToday, openShipment, printApprovalSheet, registerAgencyAndStaff, switchUser } from './support/shipment-flows';

test('a sealed envelope goes from borrador to entregado with a legal return, segregation of duties and the director’s signature', async ({ page, snap }) => {
  test.setTimeout(180_000);
  const SUBJECT = 'Remisión de estadística FESE de octubre de 2026';
  await completeSetup(page);

  await registerAgencyAndStaff(page);

  // The clerk prepares a sealed envelope.
  await switchUser(page, CLERK, true);
  await nav(page, 'Envíos');
  await page.getByRole('button', { name: 'Nuevo envío' }).click();
  await page.locator('label').filter({ hasText: /^Sobre cerrado$/ }).click();
  await expect(page.getByRole('radio', { name: 'Sobre cerrado' })).toBeChecked();
  await page.getByRole('combobox', { name: 'Dependencia destinataria' }).click();
  await page.getByRole('option', { name: /^CNI · Centro Nacional de Información$/ }).click();
  await page.getByRole('combobox', { name: 'Destinatario autorizado' }).click();
  await page.getByRole('option', { name: /Ramón Salinas/ }).click();
  await page.getByLabel('Asunto').fill(SUBJECT);
  await page.getByLabel('Número de oficio de remisión').fill('C4/DG/OF/1187/2026');
  await page.getByRole('textbox', { name: 'Descripción' }).fill('Formato Estadístico de los Servicios de Emergencia (FESE)');
  await page.getByRole('textbox', { name: 'Tipo' }).fill('anexo');
  await page.getByRole('combobox', { name: 'Números de sello' }).fill('SS-004511');
  await page.getByRole('combobox', { name: 'Números de sello' }).press('Enter');
  await page.getByRole('combobox', { name: 'Números de sello' }).fill('SS-004512');
  await page.getByRole('combobox', { name: 'Números de sello' }).press('Enter');
  await snap('40-nuevo-envio');
  await page.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.getByTestId('shipment-state')).toHaveText('Borrador');
  await act(page, 'Enviar a revisión jurídica');
  await expect(page.getByTestId('shipment-state')).toHaveText('En revisión jurídica');
  // The preparer cannot review their own shipment: the screen offers no review.
  await expect(actions(page).getByRole('button', { name: 'Aprobar revisión' })).toHaveCount(0);

  // Legal returns it with observations.
  await switchUser(page, LAWYER, true);
  await openShipment(page, SUBJECT);
  await expect(actions(page).getByRole('button', { name: 'Aprobar revisión' })).toBeVisible();
  await expect(actions(page).getByRole('button', { name: 'Generar hoja de autorización' })).toHaveCount(0);
  await act(page, 'Devolver con observaciones', { 'Observaciones para quien preparó el envío': 'Falta citar el número de convenio en el oficio de remisión.' });
  await expect(page.getByTestId('shipment-state')).toHaveText('Devuelto con observaciones');

  // The clerk sends it back; legal approves.
  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);
  await expect(page.getByTestId('shipment-history')).toContainText('Falta citar el número de convenio');
  await act(page, 'Enviar a revisión jurídica');
  await switchUser(page, LAWYER);
  await openShipment(page, SUBJECT);
  await act(page, 'Aprobar revisión');
  await expect(page.getByTestId('shipment-state')).toHaveText('Revisado');
  await expect(page.getByTestId('shipment-actions')).toHaveCount(0);

  // The clerk produces the approval sheet: the folio is assigned.
  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);
  await act(page, 'Generar hoja de autorización');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Envío C4\/DG\/0001\/\d{4}$/);
  await expect(actions(page).getByRole('button', { name: 'Registrar firma del Director(a) General' })).toHaveCount(0);
  const folio = (await page.getByRole('heading', { level: 1 }).textContent())?.replace('Envío ', '') ?? '';

  // A change of content after the sheet was printed voids it and sends the shipment back to legal, keeping its folio.
  await page.getByRole('link', { name: 'Modificar contenido' }).click();
  await expect(page.getByText('Al guardar, la hoja de autorización queda anulada')).toBeVisible();
  await page.getByRole('textbox', { name: 'Fojas' }).fill('14');
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByTestId('shipment-state')).toHaveText('En revisión jurídica');
  await expect(page.getByText('La hoja de autorización anterior quedó anulada')).toBeVisible();
  await snap('43-hoja-anulada');
  await switchUser(page, LAWYER);
  await openShipment(page, SUBJECT);
  await act(page, 'Aprobar revisión');
  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);
  await act(page, 'Generar hoja de autorización');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Envío ${folio}`);
  await printApprovalSheet(page);

  // The administrator registers the Director General's handwritten signature.
  await switchUser(page, { userName: ADMIN.userName, own: ADMIN.password });
  await openShipment(page, SUBJECT);
  await act(page, 'Registrar firma del Director(a) General', { 'Nombre de quien firmó': 'Ing. Enrique Quinto Ceballos', Cargo: 'Director General', 'Fecha de la firma': officeToday() });
  await expect(page.getByTestId('shipment-state')).toHaveText('Autorizado');

  // The clerk seals, dispatches and records the receipt.
  await switchUser(page, CLERK);
  await openShipment(page, SUBJECT);
  await handoff(page, 'Confirmar sellos', { place: 'Oficialía de partes del C4' });
  await expect(page.getByTestId('shipment-state')).toHaveText('Sellado');
  await handoff(page, 'Entregar a mensajería', { to: { name: 'Carlos Díaz Ruiz', institution: 'Mensajería interna SSP', identification: 'Gafete 0042' } });
  await expect(page.getByTestId('shipment-state')).toHaveText('En tránsito');
  await handoff(page, 'Registrar acuse de recibo', { place: 'Oficialía de partes del CNI', to: { identification: 'INE 4455' } });
  await expect(page.getByTestId('shipment-state')).toHaveText('Entregado');
  await expect(page.getByTestId('shipment-actions')).toHaveCount(0);
  await snap('41-envio-entregado');
  await nav(page, 'Envíos');
  await snap('42-envios');
});
