import type { Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expect, test } from './support/fixtures';
import { completeSetup } from './support/flows';
import { createUser, nav, switchUser } from './support/shipment-flows';

const COMMUNICATOR = { fullName: 'Rosa Díaz Peña', position: 'Jefa de Comunicación Social', userName: 'rdiaz', temporary: 'Temporal-Inicio-55', own: 'Clave-Comunicacion-26' };
const NARANJA = 'Día Naranja - Día Internacional para la Erradicación de la Violencia contra las Mujeres';

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const HEADINGS = { calendar: 'Calendario de comunicación', compliance: 'Cumplimiento del programa', programme: 'Programa anual de comunicación' };

/** Waits for the page's own heading first: right after a sidebar click the previous page's «Año» field is still there to fill. */
async function showPeriod(page: Page, on: keyof typeof HEADINGS, year: number, month: string | null) {
  await expect(page.getByRole('heading', { name: HEADINGS[on], exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Año' }).fill(String(year));
  if (month) await choose(page, 'Mes', month);
}

async function bytesOf(download: Promise<Download>): Promise<{ name: string; bytes: Buffer; path: string }> {
  const d = await download;
  const chunks: Buffer[] = [];
  for await (const chunk of await d.createReadStream()) chunks.push(chunk as Buffer);
  return { name: d.suggestedFilename(), bytes: Buffer.concat(chunks), path: await d.path() };
}

test('Comunicación Social loads the SLP 2021 programme, sees its calendar and its compliance, exports them and removes the example', async ({ page, snap: fullPage }) => {
  test.setTimeout(180_000);
  const snap = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
    await fullPage(name);
  };
  await completeSetup(page);
  await nav(page, 'Administración');
  await createUser(page, COMMUNICATOR, 'Comunicación Social');
  await switchUser(page, COMMUNICATOR, true);

  // 1. The programme: load the example in one step; the page moves to its year.
  await nav(page, 'Programa anual');
  await expect(page.getByRole('heading', { level: 1, name: 'Programa anual de comunicación' })).toBeVisible();
  await page.getByRole('button', { name: 'Cargar programa de ejemplo SLP 2021' }).click();
  await expect(page.getByText('Programa de ejemplo cargado')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Año' })).toHaveValue('2021');
  const dates = page.getByTestId('programme-dates');
  await expect(dates.getByRole('row').filter({ hasText: NARANJA })).toContainText('Cada mes, día 25');
  await expect(dates.getByRole('row').filter({ hasText: 'Aniversario de la Constitución' })).toContainText('Cada año, 5 de febrero');
  await expect(dates.getByRole('row').filter({ hasText: 'Semana Santa' })).toContainText('Fecha móvil: 28/03/2021 al 03/04/2021');
  await expect(dates.getByRole('row').filter({ hasText: 'Vacaciones de Verano' })).toContainText('Fecha móvil: por definir');
  await expect(dates.getByRole('row').filter({ hasText: 'Cobertura de sesión de CMSP' })).toContainText('enero Zona Centro, febrero Zona Altiplano, marzo Zona Media, abril Zona Huasteca');
  await expect(page.getByTestId('programme-goals')).toContainText('2 × Boletín de prensa al mes');
  await expect(page.getByTestId('programme-activities')).toContainText('Difundir las campañas y acciones del programa "Prevenimos Juntos"');

  // The office's own goal in the same year, which removing the example must leave.
  await page.getByRole('button', { name: 'Agregar meta' }).click();
  const goal = page.getByRole('dialog', { name: 'Agregar meta' });
  await goal.getByRole('combobox', { name: 'Tipo de difusión' }).click();
  await page.getByRole('option', { name: 'Cápsula informativa', exact: true }).click();
  await goal.getByRole('textbox', { name: 'Cantidad' }).fill('1');
  await goal.getByRole('textbox', { name: 'Descripción' }).fill('Cápsulas informativas de uno o dos minutos');
  await goal.getByRole('button', { name: 'Guardar meta' }).click();
  await expect(goal).toBeHidden();
  await expect(page.getByTestId('programme-goals')).toContainText('1 × Cápsula informativa al mes');
  await snap('120-programa-anual-ejemplo');

  // 2. The calendar of February 2021: the 25th's «Día Naranja», the 24th's flag day, the month's CMSP zone.
  await nav(page, 'Calendario');
  await showPeriod(page, 'calendar', 2021, 'Febrero');
  await expect(page.getByTestId('calendar-title')).toHaveText('Febrero de 2021');
  await expect(page.getByTestId('calendar-day-2021-02-25')).toContainText(NARANJA);
  await expect(page.getByTestId('calendar-day-2021-02-24')).toContainText('Día de la Bandera');
  await expect(page.getByTestId('calendar-day-2021-02-05')).toContainText('Aniversario de la Constitución');
  await expect(page.getByTestId('calendar-day-2021-02-23')).not.toContainText('Día');
  await expect(page.getByTestId('calendar-month-items')).toContainText('Cobertura de sesión de CMSP - Zona Altiplano');
  await snap('121-calendario-febrero-2021');
  // «Siguiente»: March, with Juárez on the 21st and Semana Santa from the 28th.
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await expect(page.getByTestId('calendar-title')).toHaveText('Marzo de 2021');
  await expect(page.getByTestId('calendar-day-2021-03-21')).toContainText('Conmemoración del natalicio de Benito Juárez');
  await expect(page.getByTestId('calendar-day-2021-03-30')).toContainText('Semana Santa');
  await expect(page.getByTestId('calendar-month-items')).toContainText('Zona Media');

  const icsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar 2021 (.ics)' }).click();
  const ics = await bytesOf(icsDownload);
  expect(ics.name).toBe('calendario-programa-2021.ics');
  const icsText = ics.bytes.toString('utf8');
  expect(icsText.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  for (const line of icsText.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const unfolded = icsText.replace(/\r\n /g, '');
  expect(unfolded).toContain(`SUMMARY:${NARANJA}\r\n`);
  expect(unfolded).toContain('DTSTART;VALUE=DATE:20210125\r\nDTEND;VALUE=DATE:20210126\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=25;UNTIL=20211231\r\n');
  expect(unfolded).toContain('SUMMARY:Cobertura de sesión de CMSP - Zona Huasteca');
  expect(unfolded).toContain('DESCRIPTION:Publicación en redes sociales (dar RT a los lineamientos establecidos por la Coord. General de Com. Social)');
  expect(unfolded.match(/BEGIN:VEVENT/g)?.length).toBe(19);

  // 3. Planned versus done for February 2021: no releases yet, so the goals are not met and the past dates had none.
  await nav(page, 'Cumplimiento');
  await showPeriod(page, 'compliance', 2021, 'Febrero');
  const goals = page.getByTestId('compliance-goals');
  await expect(goals.getByRole('row').filter({ hasText: '2 × Boletín de prensa al mes' })).toContainText('No cumplida');
  await expect(goals.getByRole('row').filter({ hasText: '1 × Cápsula informativa al mes' })).toBeVisible();
  const reportDates = page.getByTestId('compliance-dates');
  await expect(reportDates.getByRole('row').filter({ hasText: NARANJA })).toContainText('25/02/2021');
  await expect(reportDates.getByRole('row').filter({ hasText: NARANJA })).toContainText('Sin difusión');
  await expect(reportDates.getByRole('row').filter({ hasText: 'Zona Altiplano' })).toContainText('Todo el mes');
  await snap('122-cumplimiento-febrero-2021');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Descargar CSV' }).click();
  const csv = await bytesOf(csvDownload);
  expect(csv.name).toBe('cumplimiento-programa-2021-02.csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csv.bytes.toString('utf8').slice(1);
  expect(csvText.split('\r\n')[0]).toBe('Sección,Concepto,Fecha o periodo,Meta,Publicadas,Planeadas,Estado,Difusiones');
  expect(csvText).toContain('Meta,Boletín de prensa: 2 al mes (Realizar al menos dos boletines mensuales sobre las actividades inherentes al SECESP.),febrero de 2021,2,0,0,Faltan 2,\r\n');
  expect(csvText).toContain(`Fecha del programa,${NARANJA},25/02/2021,,0,,Sin difusión,\r\n`);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Descargar PDF' }).click();
  const pdf = await bytesOf(pdfDownload);
  expect(pdf.name).toBe('cumplimiento-programa-2021-02.pdf');
  const pdfText = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(pdfText).toContain('Cumplimiento del programa anual de comunicación');
  expect(pdfText).toContain('febrero de 2021');
  expect(pdfText).toContain('Día de la Bandera');

  // The whole year: a monthly goal counts month by month.
  await choose(page, 'Mes', 'Todo el año');
  await expect(goals.getByRole('row').filter({ hasText: '2 × Boletín de prensa al mes' })).toContainText('0 de 12 meses transcurridos');

  // 4. Remove the example, after a confirmation: only what it added goes.
  await nav(page, 'Programa anual');
  await showPeriod(page, 'programme', 2021, null);
  await page.getByRole('button', { name: 'Retirar programa de ejemplo' }).click();
  const confirm = page.getByRole('dialog', { name: '¿Retirar el programa de ejemplo?' });
  await expect(confirm).toContainText('Lo que usted registró no se toca.');
  await confirm.getByRole('button', { name: 'Retirar ejemplo' }).click();
  await expect(page.getByText('Se retiraron 21 actividades, 9 fechas y 2 metas de ejemplo.')).toBeVisible();
  await expect(page.getByTestId('programme-dates')).toContainText('El programa de 2021 no tiene fechas.');
  await expect(page.getByTestId('programme-goals')).toContainText('1 × Cápsula informativa al mes');
  await expect(page.getByTestId('programme-goals')).not.toContainText('Boletín de prensa');
  await expect(page.getByRole('button', { name: 'Cargar programa de ejemplo SLP 2021' })).toBeVisible();
  await snap('123-programa-ejemplo-retirado');

  // 5. A movable date of the office's own, for 2027: the form refuses a span that ends before it starts, in Spanish.
  await showPeriod(page, 'programme', 2027, null);
  await expect(page.getByText('Sin programa registrado')).toBeVisible();
  await page.getByRole('button', { name: 'Agregar fecha' }).click();
  const dateForm = page.getByRole('dialog', { name: 'Agregar fecha' });
  await dateForm.getByRole('textbox', { name: 'Nombre de la fecha' }).fill('Semana Santa');
  await dateForm.getByRole('textbox', { name: 'Acción' }).fill('Emisión de recomendaciones preventivas, vacaciones seguras');
  await dateForm.getByRole('combobox', { name: 'Cómo se repite' }).click();
  await page.getByRole('option', { name: 'Fecha móvil (se captura cada año)', exact: true }).click();
  await dateForm.getByRole('textbox', { name: 'Primer día' }).fill('27/03/2027');
  await dateForm.getByRole('textbox', { name: 'Último día' }).fill('21/03/2027');
  await dateForm.getByRole('textbox', { name: 'Nombre de la fecha' }).click();
  await dateForm.getByRole('button', { name: 'Guardar fecha' }).click();
  await expect(dateForm.getByText('El último día no puede ser anterior al primero.')).toBeVisible();
  await snap('124-fecha-movil-rechazada');
  await dateForm.getByRole('textbox', { name: 'Primer día' }).fill('21/03/2027');
  await dateForm.getByRole('textbox', { name: 'Último día' }).fill('27/03/2027');
  await dateForm.getByRole('textbox', { name: 'Nombre de la fecha' }).click();
  await dateForm.getByRole('button', { name: 'Guardar fecha' }).click();
  await expect(dateForm).toBeHidden();
  await expect(page.getByTestId('programme-dates').getByRole('row').filter({ hasText: 'Semana Santa' })).toContainText('Fecha móvil: 21/03/2027 al 27/03/2027');
  await nav(page, 'Calendario');
  await showPeriod(page, 'calendar', 2027, 'Marzo');
  for (const day of ['2027-03-21', '2027-03-24', '2027-03-27']) await expect(page.getByTestId(`calendar-day-${day}`)).toContainText('Semana Santa');
  await expect(page.getByTestId('calendar-day-2027-03-28')).not.toContainText('Semana Santa');
  await snap('125-calendario-marzo-2027');
});
