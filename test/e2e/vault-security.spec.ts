import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup, signIn, signOut } from './support/flows';

test('recovery code restores an administrator, the key is rotated with progress, and the idle limit is configurable', async ({ page, snap }) => {
  const code = await completeSetup(page);

  // Forgotten password: the printed code lets the administrator choose a new one.
  await signOut(page);
  await page.getByRole('button', { name: 'Usar código de recuperación' }).click();
  await page.getByLabel('Código de recuperación').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
  await page.getByLabel('Usuario del administrador').fill(ADMIN.userName);
  await page.getByLabel('Nueva contraseña', { exact: true }).fill('Otra-Clave-Segura-9');
  await page.getByLabel('Confirme la nueva contraseña').fill('Otra-Clave-Segura-9');
  await page.getByRole('button', { name: 'Recuperar acceso' }).click();
  await expect(page.getByRole('alert')).toContainText('El código de recuperación no es correcto.');
  await snap('20-recuperacion-codigo-incorrecto');
  await page.getByLabel('Código de recuperación').fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Recuperar acceso' }).click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);

  // The old password no longer opens the vault; the new one does.
  await signOut(page);
  await signIn(page, ADMIN.userName, ADMIN.password);
  await expect(page.getByRole('alert')).toContainText('Usuario o contraseña incorrectos.');
  await signIn(page, ADMIN.userName, 'Otra-Clave-Segura-9');
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);

  // Administración → Seguridad: idle minutes refuse nonsense, then save.
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Administración' }).click();
  await page.getByRole('tab', { name: 'Seguridad' }).click();
  const minutes = page.getByLabel('Minutos sin actividad antes de bloquear la sesión');
  await expect(minutes).toHaveValue('10');
  await minutes.fill('15');
  await minutes.locator('xpath=ancestor::div[contains(@class,"mantine-Card-root")]').getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Bloqueo automático: 15 minutos sin actividad.')).toBeVisible();

  // Key rotation asks first, shows progress, and the vault still opens afterwards.
  await page.getByRole('button', { name: 'Renovar llave de cifrado' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Renovar llave' }).click();
  await expect(page.getByRole('status')).toHaveText('La bóveda quedó cifrada con la llave nueva.', { timeout: 30_000 });
  await snap('21-seguridad');
  await signOut(page);
  await signIn(page, ADMIN.userName, 'Otra-Clave-Segura-9');
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Administración' }).click();
  await page.getByRole('tab', { name: 'Bitácora' }).click();
  await expect(page.getByRole('table').getByText('Llave de cifrado renovada')).toBeVisible();
  await expect(page.getByRole('table').getByText('Acceso con código de recuperación')).toBeVisible();
  await page.getByRole('button', { name: 'Verificar integridad' }).click();
  await expect(page.getByText('Bitácora íntegra')).toBeVisible();
});

test('deactivating a user offers to renew the data key, ticked by default, and renews it', async ({ page, snap }) => {
  await completeSetup(page);
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Administración' }).click();
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  const form = page.getByRole('dialog', { name: 'Nuevo usuario' });
  await form.getByLabel('Nombre completo').fill('José Pérez');
  await form.getByLabel('Cargo').fill('Capturista');
  await form.getByLabel('Usuario').fill('jperez');
  await form.getByLabel('Contraseña temporal').fill('Temporal-Inicio-77');
  await form.getByRole('button', { name: 'Dar de alta' }).click();
  const row = page.getByTestId('user-row-jperez');
  await expect(row).toContainText('Contraseña temporal');

  await row.getByRole('button', { name: 'Dar de baja' }).click();
  const confirm = page.getByRole('dialog', { name: '¿Dar de baja a José Pérez?' });
  const rotate = confirm.getByLabel('Renovar también la llave de cifrado (recomendado)');
  await expect(rotate).toBeChecked();
  await snap('22-baja-con-renovacion');
  await confirm.getByRole('button', { name: 'Dar de baja' }).click();
  await expect(page.getByText('José Pérez fue dado de baja.')).toBeVisible();
  await expect(page.getByText('La bóveda quedó cifrada con la llave nueva.')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('tab', { name: 'Bitácora' }).click();
  await expect(page.getByRole('table').getByText('Usuario dado de baja')).toBeVisible();
  await expect(page.getByRole('table').getByText('Llave de cifrado renovada')).toBeVisible();
});
