import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup, OFFICE, pdfText, signIn, signOut } from './support/flows';

const CLERK = { fullName: 'José Ángel Pérez Núñez', position: 'Capturista de Correspondencia', userName: 'jperez', temporary: 'Temporal-Inicio-77', own: 'Mi-Clave-Propia-2026' };

test('first run, recovery sheet, sign-in, a new user with a forced password change, wrong password and idle lock', async ({ page, snap }, testInfo) => {
  // The first run now draws the recovery sheet with pdf.js; on a loaded two-core machine the whole flow passes a minute.
  test.setTimeout(120_000);
  // 1. First-run wizard, and the recovery sheet as a real PDF with the code in it.
  await snap('10-setup-oficina');
  const pdfPath = testInfo.outputPath('hoja-de-recuperacion.pdf');
  const code = await completeSetup(page, { keepPdfAt: pdfPath });
  expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){5,}$/);
  const text = pdfText(pdfPath);
  expect(text).toContain('Hoja de recuperación');
  expect(text.replace(/[\s-]+/g, '')).toContain(code.replace(/-/g, ''));
  expect(text).toContain(OFFICE.institution);

  // 2. Sign out, then back in.
  await signOut(page);
  await snap('11-inicio-de-sesion');
  await signIn(page, ADMIN.userName, ADMIN.password);
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);

  // 3. Create a clerk with a temporary password.
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Administración' }).click();
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nuevo usuario' });
  await dialog.getByLabel('Nombre completo').fill(CLERK.fullName);
  await dialog.getByLabel('Cargo').fill(CLERK.position);
  await dialog.getByLabel('Usuario').fill(CLERK.userName);
  await dialog.getByLabel('Contraseña temporal').fill('corta');
  await dialog.getByRole('button', { name: 'Dar de alta' }).click();
  await expect(dialog.getByText('Debe tener al menos 10 caracteres.')).toBeVisible();
  await dialog.getByLabel('Contraseña temporal').fill(CLERK.temporary);
  await snap('12-nuevo-usuario');
  await dialog.getByRole('button', { name: 'Dar de alta' }).click();
  const row = page.getByTestId(`user-row-${CLERK.userName}`);
  await expect(row).toContainText('Contraseña temporal');
  await expect(row).toContainText('Capturista');
  await snap('13-usuarios');

  // 4. The clerk signs in and must replace the temporary password first.
  await signOut(page);
  await signIn(page, CLERK.userName, CLERK.temporary);
  await expect(page.getByRole('heading', { name: 'Cambie su contraseña' })).toBeVisible();
  await snap('14-cambio-obligatorio');
  await page.getByLabel('Contraseña actual').fill(CLERK.temporary);
  await page.getByLabel('Nueva contraseña', { exact: true }).fill(CLERK.own);
  await page.getByLabel('Confirme la nueva contraseña').fill(CLERK.own);
  await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
  await expect(page.getByTestId('current-user')).toContainText(CLERK.fullName);
  // A clerk sees Administración but not its tools: the core would refuse them anyway.
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Administración' }).click();
  await expect(page.getByText('Sólo para administradores')).toBeVisible();

  // 5. Wrong password: a clear message, and the form stays usable.
  await signOut(page);
  await signIn(page, CLERK.userName, 'No-Es-Mi-Clave-1');
  await expect(page.getByRole('alert')).toHaveText('Usuario o contraseña incorrectos.');
  await snap('15-contrasena-incorrecta');
  await signIn(page, CLERK.userName, CLERK.own);
  await expect(page.getByTestId('current-user')).toContainText(CLERK.fullName);

  // 6. Idle lock: ten minutes without keyboard or mouse bring back the sign-in screen.
  await page.clock.install();
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText(CLERK.fullName);
  await page.clock.fastForward('10:05');
  await expect(page.getByText('La sesión se bloqueó por inactividad.')).toBeVisible();
  await snap('16-bloqueo-por-inactividad');
  await signIn(page, CLERK.userName, CLERK.own);
  await expect(page.getByTestId('current-user')).toContainText(CLERK.fullName);

  // 7. The administrator sees all of it in the audit log, and its chain verifies.
  await signOut(page);
  await signIn(page, ADMIN.userName, ADMIN.password);
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Administración' }).click();
  await page.getByRole('tab', { name: 'Bitácora' }).click();
  const table = page.getByRole('table');
  for (const action of ['Bóveda creada', 'Usuario creado', 'Cambio de contraseña', 'Intento fallido de inicio de sesión', 'Bloqueo por inactividad', 'Cierre de sesión']) {
    await expect(table.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await page.getByRole('button', { name: 'Verificar integridad' }).click();
  await expect(page.getByText('Bitácora íntegra')).toBeVisible();
  await snap('17-bitacora');
});
