import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup } from './support/flows';
import { CLERK, createUser, nav } from './support/shipment-flows';

const RED = { name: 'Dirección de la Red, Voz, Datos e Imagen', headName: 'Ing. Raúl Méndez Cruz', headPosition: 'Director de la Red, Voz, Datos e Imagen' };
const CEE = { name: 'Centro Estatal de Emergencias', headName: 'Lic. Elena Vargas Soto', headPosition: 'Coordinadora del Centro Estatal de Emergencias' };
const CYBER = { name: 'Unidad de Policía Cibernética', headName: 'Mtro. Jorge Luna Ríos', headPosition: 'Jefe de la Unidad de Policía Cibernética' };

async function choose(page: Page, within: Locator, label: string, option: string) {
  await within.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function createArea(page: Page, area: typeof RED, headUser?: string) {
  await page.getByRole('button', { name: 'Nueva área' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nueva área' });
  await dialog.getByRole('textbox', { name: 'Nombre del área' }).fill(area.name);
  if (headUser) await choose(page, dialog, 'Usuario de Valija titular del área', headUser);
  await dialog.getByRole('textbox', { name: 'Nombre del titular' }).fill(area.headName);
  await dialog.getByRole('textbox', { name: 'Cargo del titular' }).fill(area.headPosition);
  await dialog.getByRole('button', { name: 'Registrar área' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`area-row-${area.name}`)).toBeVisible();
}

test('the administrator keeps the areas, puts a user in one, and Comunicación Social keeps the media outlets and their contacts', async ({ page, snap: fullPage }) => {
  test.setTimeout(180_000);
  const snap = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
    await fullPage(name);
  };
  await completeSetup(page);
  await nav(page, 'Administración');
  await createUser(page, CLERK, 'Capturista');

  // 1. Áreas: empty at first, then three; the head may be a Valija user, whose name and position fill in.
  await page.getByRole('tab', { name: 'Áreas' }).click();
  await expect(page.getByText('Aún no hay áreas registradas.')).toBeVisible();
  await page.getByRole('button', { name: 'Nueva área' }).click();
  let dialog = page.getByRole('dialog', { name: 'Nueva área' });
  await dialog.getByRole('button', { name: 'Registrar área' }).click();
  await expect(dialog.getByText('Escriba el nombre del área.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Nombre del área' }).fill(RED.name);
  await choose(page, dialog, 'Usuario de Valija titular del área', `${ADMIN.fullName} (${ADMIN.userName})`);
  await expect(dialog.getByRole('textbox', { name: 'Nombre del titular' })).toHaveValue(ADMIN.fullName);
  await expect(dialog.getByRole('textbox', { name: 'Cargo del titular' })).toHaveValue(ADMIN.position);
  await dialog.getByRole('textbox', { name: 'Nombre del titular' }).fill(RED.headName);
  await dialog.getByRole('textbox', { name: 'Cargo del titular' }).fill(RED.headPosition);
  await snap('112-nueva-area');
  await dialog.getByRole('button', { name: 'Registrar área' }).click();
  await expect(dialog).toBeHidden();
  await createArea(page, CEE);
  await createArea(page, CYBER);
  await expect(page.getByTestId(`area-row-${RED.name}`)).toContainText(ADMIN.userName);
  await expect(page.getByText('3 áreas activas')).toBeVisible();

  // The same name, other case: refused by the core with its sentence in the dialog.
  await page.getByRole('button', { name: 'Nueva área' }).click();
  dialog = page.getByRole('dialog', { name: 'Nueva área' });
  await dialog.getByRole('textbox', { name: 'Nombre del área' }).fill('unidad de policía cibernética');
  await dialog.getByRole('textbox', { name: 'Nombre del titular' }).fill(CYBER.headName);
  await dialog.getByRole('textbox', { name: 'Cargo del titular' }).fill(CYBER.headPosition);
  await dialog.getByRole('button', { name: 'Registrar área' }).click();
  await expect(dialog.getByText(`Ya existe un área activa llamada «${CYBER.name}».`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await snap('113-areas');

  // 2. Usuarios: the capturista goes into the Centro Estatal de Emergencias.
  await page.getByRole('tab', { name: 'Usuarios' }).click();
  const row = page.getByTestId(`user-row-${CLERK.userName}`);
  await expect(row.getByTestId('user-area')).toHaveText('Área: —');
  await row.getByRole('button', { name: 'Cambiar área' }).click();
  dialog = page.getByRole('dialog', { name: 'Área del usuario' });
  await choose(page, dialog, 'Área', CEE.name);
  await snap('114-area-del-usuario');
  await dialog.getByRole('button', { name: 'Guardar área' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('user-area')).toHaveText(`Área: ${CEE.name}`);
  await snap('115-usuarios-con-area');

  // 3. An area is deactivated only after a confirmation that says what happens to its member.
  await page.getByRole('tab', { name: 'Áreas' }).click();
  await expect(page.getByTestId(`area-row-${CEE.name}`)).toContainText('1');
  await page.getByTestId(`area-row-${CEE.name}`).getByRole('button', { name: 'Dar de baja' }).click();
  const confirm = page.getByRole('dialog', { name: `¿Dar de baja el área «${CEE.name}»?` });
  await expect(confirm).toContainText('Su integrante conserva el área en su registro');
  // The confirmation fades in: shoot it once it is opaque.
  await page.waitForTimeout(400);
  await snap('116-baja-de-area');
  await confirm.getByRole('button', { name: 'Dar de baja' }).click();
  await expect(page.getByTestId(`area-row-${CEE.name}`)).toContainText('Baja');
  await expect(page.getByTestId(`area-row-${CEE.name}`).getByRole('button')).toHaveCount(0);
  await expect(page.getByText('2 áreas activas')).toBeVisible();

  // 4. Comunicación Social → Medios: an outlet with a contact; a wrong e-mail is refused with its message.
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Medios', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medios de comunicación' })).toBeVisible();
  await expect(page.getByText('Aún no hay medios en el directorio.')).toBeVisible();
  await page.getByRole('button', { name: 'Registrar medio' }).click();
  dialog = page.getByRole('dialog', { name: 'Registrar medio' });
  await dialog.getByRole('textbox', { name: 'Nombre del medio' }).fill('Radio Oaxaca Noticias');
  await choose(page, dialog, 'Tipo', 'Radio');
  await dialog.getByRole('button', { name: 'Agregar contacto' }).click();
  const contact = dialog.getByTestId('contact-0');
  await contact.getByRole('textbox', { name: 'Nombre' }).fill('Patricia Ramos Gil');
  await contact.getByRole('textbox', { name: 'Cargo' }).fill('Jefa de información');
  await contact.getByRole('textbox', { name: 'Correo electrónico' }).fill('pramos@radiooaxaca');
  await contact.getByRole('textbox', { name: 'Teléfono' }).fill('951 501 5000 ext. 1234');
  await dialog.getByRole('button', { name: 'Registrar medio' }).click();
  await expect(contact.getByText('El correo electrónico del contacto no es válido.')).toBeVisible();
  await snap('117-medio-correo-invalido');
  await contact.getByRole('textbox', { name: 'Correo electrónico' }).fill('pramos@radiooaxaca.example.mx');
  await dialog.getByRole('button', { name: 'Registrar medio' }).click();
  await expect(dialog).toBeHidden();
  const outlet = page.getByTestId('outlet-row-Radio Oaxaca Noticias');
  await expect(outlet).toContainText('Radio');
  await expect(outlet).toContainText('Patricia Ramos Gil · Jefa de información');
  await expect(outlet).toContainText('pramos@radiooaxaca.example.mx · 951 501 5000 ext. 1234');
  await expect(outlet).toContainText('Activo');
  await snap('118-medios');

  // 5. And deactivated after its confirmation.
  await outlet.getByRole('button', { name: 'Dar de baja' }).click();
  const confirmOutlet = page.getByRole('dialog', { name: '¿Dar de baja «Radio Oaxaca Noticias»?' });
  await expect(confirmOutlet).toContainText('Ya no se ofrecerá como destino de difusiones nuevas.');
  await confirmOutlet.getByRole('button', { name: 'Dar de baja' }).click();
  await expect(outlet).toContainText('Baja');
  await expect(outlet.getByRole('button')).toHaveCount(0);
});
