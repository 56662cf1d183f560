import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup } from './support/flows';
import { api, CLERK, createUser, nav, registerAgencyAndStaff, switchUser } from './support/shipment-flows';

/** A second clerk, who did not prepare the reservada shipment. */
const CLERK_B = { fullName: 'Lucía Ramírez Ortiz', position: 'Capturista de Archivo', userName: 'lramirez', temporary: 'Temporal-Inicio-99', own: 'Clave-Archivo-2026' };
const SUBJECT = 'Informe de incidencia delictiva para la Guardia Nacional';

test('a reservada shipment is hidden from a clerk who did not prepare it until the administrator grants «Reservada» on Usuarios', async ({ page, snap }) => {
  test.setTimeout(150_000);
  await completeSetup(page);
  await registerAgencyAndStaff(page);
  await createUser(page, CLERK_B, 'Capturista');

  // Clerk A prepares a reservada shipment (set up through the same call the new-shipment screen makes).
  await switchUser(page, CLERK, true);
  const agencies = await api<{ agency: { id: string; acronym: string; recipients: { id: string }[] } }[]>(page, 'agencies.list', {});
  const cni = agencies.find((a) => a.agency.acronym === 'CNI')?.agency;
  expect(cni).toBeTruthy();
  const shipment = await api<{ id: string; content: { classification: string } }>(page, 'shipments.create', {
    content: {
      channel: 'oficio', agencyId: cni?.id, recipientId: cni?.recipients[0]?.id, subject: SUBJECT, classification: 'reservada', legalBasis: 'Artículo 110, fracción I, LFTAIP',
      coveringOficio: 'C4/DG/OF/2041/2026', inventory: [{ description: 'Informe impreso', type: 'oficio', quantity: 1, sheets: 4 }],
    },
  });
  expect(shipment.content.classification).toBe('reservada');
  await nav(page, 'Envíos');
  await expect(page.getByRole('row').filter({ hasText: SUBJECT })).toBeVisible();

  // Clerk B does not see it in Envíos, nor by searching its subject.
  await switchUser(page, CLERK_B, true);
  await nav(page, 'Envíos');
  await expect(page.getByText('Aún no hay envíos registrados.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: SUBJECT })).toHaveCount(0);
  // Opening it directly (a link passed on, a bookmark) is refused in Spanish.
  await page.evaluate(`window.location.hash = '#/envios/${shipment.id}'`);
  const refusal = page.getByTestId('shipment-refused');
  await expect(refusal).toContainText('No se puede abrir el envío');
  await expect(refusal).toContainText('El envío es de información reservada: su usuario no tiene acceso. Pida al administrador que le conceda acceso si su función lo requiere.');
  await expect(page.getByText(SUBJECT)).toHaveCount(0);
  await snap('80-envio-reservado-rechazado');

  // The administrator sees the refusal in the audit log and grants B «Reservada» on Usuarios.
  await switchUser(page, { userName: ADMIN.userName, own: ADMIN.password });
  await nav(page, 'Administración');
  await expect(page.getByTestId(`read-access-${CLERK_B.userName}`)).toHaveText(/^—/);
  await expect(page.getByTestId(`read-access-${CLERK.userName}`)).toHaveText(/^—/);
  await expect(page.getByTestId('read-access-lhernandez')).toHaveText('Por su rol');
  await expect(page.getByTestId(`read-access-${ADMIN.userName}`)).toHaveText('Por su rol');
  // Nothing to grant to whoever reads by role.
  await expect(page.getByTestId('read-access-lhernandez').getByRole('button')).toHaveCount(0);
  await page.getByRole('button', { name: `Cambiar el acceso a información clasificada de ${CLERK_B.fullName}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Acceso a información clasificada' });
  await expect(dialog.getByRole('button', { name: 'Guardar acceso' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Reservada' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Confidencial' })).not.toBeChecked();
  await snap('81-usuarios-conceder-acceso');
  await dialog.getByRole('button', { name: 'Guardar acceso' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Acceso guardado: ${CLERK_B.fullName} ahora puede leer los envíos de información reservada.`)).toBeVisible();
  await expect(page.getByTestId(`read-access-${CLERK_B.userName}`)).toHaveText(/^Reservada/);
  await snap('82-usuarios-acceso-a-clasificada');
  await page.getByRole('tab', { name: 'Bitácora' }).click();
  await expect(page.getByRole('table')).toContainText('Acceso a información clasificada modificado');
  await expect(page.getByRole('table')).toContainText('Consulta de envío clasificado rechazada');

  // B now sees it in Envíos and opens it.
  await switchUser(page, CLERK_B);
  await nav(page, 'Envíos');
  await page.getByRole('row').filter({ hasText: SUBJECT }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Envío sin folio (borrador)');
  await expect(page.getByText(SUBJECT)).toBeVisible();
  await expect(page.getByTestId('shipment-refused')).toHaveCount(0);
});
