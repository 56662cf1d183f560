import { expect, test } from './support/fixtures';
import { completeSetup } from './support/flows';

const SECTIONS = [
  { label: 'Inicio', heading: 'Inicio', file: '01-inicio' },
  { label: 'Envíos', heading: 'Envíos', file: '02-envios' },
  { label: 'Cadena de custodia', heading: 'Cadena de custodia', file: '03-custodia' },
  { label: 'Dependencias y convenios', heading: 'Dependencias y convenios', file: '04-dependencias' },
  { label: 'Reportes periódicos', heading: 'Reportes periódicos', file: '05-reportes' },
  { label: 'Medios extraíbles', heading: 'Medios extraíbles', file: '06-medios' },
  // The administrator also keeps Comunicación Social's register and programme: its group's pages.
  { label: 'Cuentas', heading: 'Cuentas de redes sociales', file: '08-comunicacion-cuentas' },
  { label: 'Programa anual', heading: 'Programa anual de comunicación', file: '09-comunicacion-programa' },
  { label: 'Calendario', heading: 'Calendario de comunicación', file: '10-comunicacion-calendario' },
  { label: 'Cumplimiento', heading: 'Cumplimiento del programa', file: '11-comunicacion-cumplimiento' },
  { label: 'Administración', heading: 'Administración', file: '07-administracion' },
];

test('the shell opens, talks to the core and every sidebar section shows its page', async ({ page, snap }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });

  await completeSetup(page);
  await expect(page.getByRole('heading', { name: 'Valija', level: 3 })).toBeVisible();
  await expect(page.getByTestId('office-name')).toContainText('Centro de Control, Comando, Comunicación y Cómputo de Oaxaca');
  // The version comes from the core through the IPC contract, not from the bundle.
  await expect(page.getByText(/^Versión \d+\.\d+\.\d+$/)).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Secciones' });
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section.label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
    await expect(nav.getByRole('link', { name: section.label, exact: true })).toHaveAttribute('data-active', 'true');
    await snap(section.file);
  }
  await expect(page.locator('body')).not.toContainText(/lorem ipsum|TODO/i);
  expect(problems).toEqual([]);
});

test('a home card leads to its section', async ({ page }) => {
  await completeSetup(page);
  await page.getByRole('main').getByRole('link', { name: 'Cadena de custodia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cadena de custodia' })).toBeVisible();
});
