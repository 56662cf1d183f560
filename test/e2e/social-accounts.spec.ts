import type { Page } from '@playwright/test';
import { HOLDER_LEVEL_MESSAGE } from '../../shared/domain/social-accounts';
import { expect, test } from './support/fixtures';
import { completeSetup } from './support/flows';
import { api, createUser, nav, switchUser } from './support/shipment-flows';

const COMMUNICATOR = { fullName: 'Rosa Díaz Peña', position: 'Jefa de Comunicación Social', userName: 'rdiaz', temporary: 'Temporal-Inicio-55', own: 'Clave-Comunicacion-26' };
const OUTSIDER = { fullName: 'Luis Gómez Sol', position: 'Diseñador gráfico', area: 'Comunicación Social' };

async function choose(page: Page, within: ReturnType<Page['getByRole']>, label: string, option: string | RegExp) {
  await within.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function openAccounts(page: Page) {
  await nav(page, 'Cuentas');
  await expect(page.getByRole('heading', { level: 1, name: 'Cuentas de redes sociales' })).toBeVisible();
}

async function assignCustodian(page: Page, custodian: { pick?: RegExp; fullName?: string; position?: string }, keptIn: string) {
  await page.getByRole('button', { name: 'Asignar custodio' }).click();
  const dialog = page.getByRole('dialog', { name: 'Asignar custodio' });
  await expect(dialog.getByTestId('password-policy')).toContainText('Valija no guarda contraseñas');
  if (custodian.pick) await choose(page, dialog, 'Custodio', custodian.pick);
  if (custodian.fullName) await dialog.getByRole('textbox', { name: 'Nombre completo' }).fill(custodian.fullName);
  if (custodian.position) await dialog.getByRole('textbox', { name: 'Cargo' }).fill(custodian.position);
  await dialog.getByRole('textbox', { name: 'Dónde se resguarda la contraseña' }).fill(keptIn);
  await dialog.getByRole('textbox', { name: 'Quién controla el segundo factor' }).fill('Teléfono institucional de la Jefatura de Comunicación Social');
  await dialog.getByRole('textbox', { name: 'Contacto de recuperación' }).fill('comunicacion.social@c4oaxaca.gob.mx');
  return dialog;
}

test('Comunicación Social registers accounts, hands the password over, and a custody that ends owes a password change until it is recorded', async ({ page, snap: fullPage }) => {
  test.setTimeout(180_000);
  // A full-page shot of a scrolled page paints the fixed header halfway down: shoot from the top.
  const snap = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
    await fullPage(name);
  };
  await completeSetup(page);
  await nav(page, 'Administración');
  await createUser(page, COMMUNICATOR, 'Comunicación Social');
  await switchUser(page, COMMUNICATOR, true);

  // The section is in the sidebar for this role, and Inicio says nothing needs attention yet.
  await expect(page.getByTestId('home-social-accounts')).toContainText('Todas las cuentas están validadas');
  await openAccounts(page);
  await expect(page.getByText('Aún no hay cuentas registradas.')).toBeVisible();

  // 1. An official account.
  await page.getByRole('button', { name: 'Registrar cuenta' }).click();
  let dialog = page.getByRole('dialog', { name: 'Registrar cuenta' });
  await expect(dialog.getByTestId('password-policy')).toHaveText(/^Valija no guarda contraseñas: anote aquí sólo dónde se resguarda .* no podría borrarse\.$/);
  await choose(page, dialog, 'Red social', 'Facebook');
  await dialog.getByRole('textbox', { name: 'Usuario o nombre de la cuenta' }).fill('C4Oaxaca');
  await dialog.getByRole('textbox', { name: 'Dirección (URL)' }).fill('https://www.facebook.com/C4Oaxaca');
  await dialog.getByRole('radio', { name: 'Oficial', exact: true }).check();
  // An official account is the institution's: no holder fields.
  await expect(dialog.getByRole('textbox', { name: 'Nivel jerárquico' })).toHaveCount(0);
  await snap('90-registrar-cuenta-oficial');
  await dialog.getByRole('button', { name: 'Registrar cuenta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facebook · C4Oaxaca' })).toBeVisible();
  await expect(page.getByTestId('account-status')).toHaveText('Activa');
  const officialUrl = page.url();

  // 2. A personal account administered by the area: level 5 is refused with the rule's sentence, level 2 accepted.
  await openAccounts(page);
  await page.getByRole('button', { name: 'Registrar cuenta' }).click();
  dialog = page.getByRole('dialog', { name: 'Registrar cuenta' });
  await choose(page, dialog, 'Red social', 'X');
  await dialog.getByRole('textbox', { name: 'Usuario o nombre de la cuenta' }).fill('@DirOperacionC4');
  await dialog.getByRole('radio', { name: 'Personal administrada por el área (cuenta oficial)' }).check();
  await expect(dialog.getByText('0 es el titular de la institución; 1 a 4, los niveles por debajo de él.', { exact: false })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Nombre completo' }).fill('Ing. Arturo Méndez Cruz');
  await dialog.getByRole('textbox', { name: 'Cargo' }).fill('Director de Operación');
  await dialog.getByRole('textbox', { name: 'Nivel jerárquico' }).fill('5');
  await dialog.getByRole('button', { name: 'Registrar cuenta' }).click();
  await expect(dialog.getByText(HOLDER_LEVEL_MESSAGE)).toBeVisible();
  await snap('91-registrar-cuenta-personal-nivel-5');
  // The core refuses it too, with the same sentence in its Result envelope (the form is not the only guard).
  await expect(
    api(page, 'socialAccounts.create', { account: { network: 'x', handle: '@DirOperacionC4', kind: 'personal_administrada', holder: { fullName: 'Ing. Arturo Méndez Cruz', position: 'Director de Operación', level: 5 }, area: 'Comunicación Social', addedOn: '2026-01-05' } }),
  ).rejects.toThrow(HOLDER_LEVEL_MESSAGE);
  await dialog.getByRole('textbox', { name: 'Nivel jerárquico' }).fill('2');
  await dialog.getByRole('button', { name: 'Registrar cuenta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'X · @DirOperacionC4' })).toBeVisible();
  await expect(page.getByText('2 (por debajo del titular)')).toBeVisible();

  // 3. Two custodians on the official account: a Valija user picked from the list, and another person typed in.
  await page.goto(officialUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Facebook · C4Oaxaca' })).toBeVisible();
  dialog = await assignCustodian(page, { pick: new RegExp(COMMUNICATOR.fullName) }, 'KeePassXC de Comunicación Social, entrada «Facebook oficial»');
  await expect(dialog.getByRole('textbox', { name: 'Nombre completo' })).toHaveValue(COMMUNICATOR.fullName);
  await expect(dialog.getByRole('textbox', { name: 'Cargo' })).toHaveValue(COMMUNICATOR.position);
  await snap('92-asignar-custodio');
  await dialog.getByRole('button', { name: 'Asignar custodio' }).click();
  await expect(dialog).toBeHidden();
  dialog = await assignCustodian(page, { fullName: OUTSIDER.fullName, position: OUTSIDER.position }, 'Sobre cerrado en la caja fuerte de la Dirección, folio CS-07');
  await dialog.getByRole('button', { name: 'Asignar custodio' }).click();
  await expect(dialog).toBeHidden();
  const custodians = page.getByTestId('custodians');
  await expect(custodians.getByTestId(`custody-row-${COMMUNICATOR.fullName}`)).toContainText('Usuario de Valija');
  await expect(custodians.getByTestId(`custody-row-${OUTSIDER.fullName}`)).toContainText('Sobre cerrado en la caja fuerte');
  await expect(page.getByTestId('pending-rotation')).toHaveCount(0);

  // 4. The outsider leaves: ending the custody asks first, then the account owes a password change.
  await custodians.getByTestId(`custody-row-${OUTSIDER.fullName}`).getByRole('button', { name: 'Terminar custodia' }).click();
  const ending = page.getByRole('dialog', { name: 'Terminar custodia' });
  await choose(page, ending, 'Motivo', 'Salida del custodio');
  await ending.getByRole('button', { name: 'Terminar custodia' }).click();
  const confirm = page.getByRole('dialog', { name: `¿Terminar la custodia de ${OUTSIDER.fullName}?` });
  await expect(confirm).toContainText('La cuenta quedará con un cambio de contraseña pendiente');
  await snap('93-terminar-custodia-confirmar');
  await confirm.getByRole('button', { name: 'Terminar custodia' }).click();
  await expect(ending).toBeHidden();
  await expect(page.getByTestId('pending-rotation')).toHaveText('Cambio de contraseña pendiente');
  await expect(page.getByTestId('pending-rotation-notice')).toContainText(`terminó la custodia de ${OUTSIDER.fullName}.`);
  await expect(custodians.getByTestId(`custody-row-${OUTSIDER.fullName}`)).toContainText('Terminada');
  // A past custody is no longer printed or signed for: its row says only that no signed resguardo was registered.
  await expect(custodians.getByTestId(`custody-row-${OUTSIDER.fullName}`).getByTestId('acknowledgement-status')).toHaveText('Sin resguardo firmado');
  await expect(custodians.getByTestId(`custody-row-${OUTSIDER.fullName}`).getByRole('button', { name: /resguardo/ })).toHaveCount(0);
  await expect(custodians.getByTestId(`custody-row-${COMMUNICATOR.fullName}`).getByTestId('acknowledgement-status')).toHaveText('Falta resguardo firmado');
  await expect(custodians.getByTestId(`custody-row-${COMMUNICATOR.fullName}`).getByRole('button', { name: 'Terminar custodia' })).toBeVisible();
  await snap('94-cuenta-cambio-pendiente');

  // ...and on the directory and on Inicio, with a link to the account.
  await openAccounts(page);
  await expect(page.getByTestId('account-row-C4Oaxaca')).toContainText('Cambio de contraseña pendiente');
  await expect(page.getByTestId('account-row-C4Oaxaca')).toContainText(COMMUNICATOR.fullName);
  await expect(page.getByTestId('account-row-C4Oaxaca')).not.toContainText(OUTSIDER.fullName);
  await expect(page.getByTestId('account-row-@DirOperacionC4')).toContainText('Personal administrada por el área (cuenta oficial)');
  await expect(page.getByTestId('account-row-@DirOperacionC4')).toContainText('Sin custodio');
  await snap('95-directorio-de-cuentas');
  await nav(page, 'Inicio');
  const attention = page.getByTestId('home-social-accounts');
  await expect(attention.getByTestId('attention-C4Oaxaca')).toContainText('Cambio de contraseña pendiente');
  await expect(attention.getByTestId('attention-@DirOperacionC4')).toHaveCount(0);
  await snap('96-inicio-cuentas-pendientes');
  await attention.getByRole('link', { name: 'Facebook · C4Oaxaca' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facebook · C4Oaxaca' })).toBeVisible();

  // 5. The password is changed: recording it clears the badge everywhere.
  await page.getByRole('button', { name: 'Registrar cambio de contraseña' }).click();
  const rotation = page.getByRole('dialog', { name: 'Registrar cambio de contraseña' });
  await expect(rotation.getByRole('combobox', { name: 'Motivo' })).toHaveValue('Salida de custodio');
  await expect(rotation.getByRole('textbox', { name: 'Quién cambió la contraseña' })).toHaveValue(COMMUNICATOR.fullName);
  await rotation.getByRole('textbox', { name: 'Nota' }).fill('Nueva contraseña en la misma entrada de KeePassXC.');
  await snap('97-registrar-cambio-de-contrasena');
  await rotation.getByRole('button', { name: 'Registrar cambio' }).click();
  await expect(rotation).toBeHidden();
  await expect(page.getByTestId('pending-rotation')).toHaveCount(0);
  await expect(page.getByTestId('account-status')).toHaveText('Activa');
  const history = page.getByTestId('account-history');
  for (const label of ['Alta en el directorio', 'Fin de custodia de la contraseña']) await expect(history.getByText(label, { exact: true })).toBeVisible();
  await expect(history.getByRole('row')).toHaveCount(6); // header + alta, two custodies, one end, one change
  await snap('98-cuenta-al-dia');
  await nav(page, 'Inicio');
  await expect(page.getByTestId('home-social-accounts')).toContainText('Todas las cuentas están validadas');
  await openAccounts(page);
  await expect(page.getByTestId('account-row-C4Oaxaca')).not.toContainText('Cambio de contraseña pendiente');

  // 6. The personal account: validated today, then removed after a confirmation; a removed account is no longer changed.
  await page.getByTestId('account-row-@DirOperacionC4').getByRole('link', { name: '@DirOperacionC4' }).click();
  await page.getByRole('button', { name: 'Registrar validación' }).click();
  const validation = page.getByRole('dialog', { name: 'Registrar validación' });
  await validation.getByRole('button', { name: 'Registrar validación' }).click();
  await expect(validation).toBeHidden();
  await expect(page.getByTestId('account-history').getByText('Validación de la cuenta', { exact: true })).toBeVisible();
  await page.getByTestId('account-actions').getByRole('button', { name: 'Dar de baja' }).click();
  const removal = page.getByRole('dialog', { name: 'Dar de baja la cuenta' });
  await removal.getByRole('textbox', { name: 'Motivo' }).fill('El titular dejó el cargo.');
  await removal.getByRole('button', { name: 'Dar de baja' }).click();
  const sure = page.getByRole('dialog', { name: '¿Dar de baja X @DirOperacionC4?' });
  await sure.getByRole('button', { name: 'Dar de baja' }).click();
  await expect(removal).toBeHidden();
  await expect(page.getByTestId('account-status')).toHaveText('Dada de baja');
  await expect(page.getByTestId('account-actions')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Asignar custodio' })).toHaveCount(0);
  // No longer official once removed (décima novena holds only while the servant is in post).
  await expect(page.getByText('Personal administrada por el área', { exact: true })).toBeVisible();
  await snap('99-cuenta-dada-de-baja');
  await openAccounts(page);
  await expect(page.getByTestId('account-row-@DirOperacionC4')).toContainText('Dada de baja');
});
