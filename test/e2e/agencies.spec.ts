import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { completeSetup } from './support/flows';

function todayInMexico(): { d: number; m: number; y: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((p) => [p.type, p.value]),
  );
  return { d: Number(parts.day), m: Number(parts.month), y: Number(parts.year) };
}
const pad = (n: number) => String(n).padStart(2, '0');
const TODAY = todayInMexico();
const TODAY_TEXT = `${pad(TODAY.d)}/${pad(TODAY.m)}/${TODAY.y}`;

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name }).click();
}

async function createAgency(page: Page, agency: { name: string; acronym: string; kind: string }) {
  await page.getByRole('button', { name: 'Nueva dependencia' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nueva dependencia' });
  await dialog.getByRole('textbox', { name: 'Nombre', exact: true }).fill(agency.name);
  await dialog.getByRole('textbox', { name: 'Siglas' }).fill(agency.acronym);
  await dialog.getByRole('combobox', { name: 'Tipo' }).click();
  await page.getByRole('option', { name: agency.kind, exact: true }).click();
  await dialog.getByRole('button', { name: 'Guardar dependencia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${agency.acronym} · ${agency.name}` })).toBeVisible();
}

async function registerAgreement(page: Page, a: { number: string; signed: string; from: string; to: string }) {
  await page.getByRole('button', { name: 'Registrar convenio' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrar convenio' });
  await dialog.getByLabel('Número de convenio').fill(a.number);
  await dialog.getByLabel('Alcance').fill('Intercambio de información estadística de llamadas de emergencia.');
  for (const [label, value] of [['Fecha de firma', a.signed], ['Vigente desde', a.from], ['Vigente hasta', a.to]] as const) {
    await dialog.getByRole('textbox', { name: label }).fill(value);
    await dialog.getByRole('textbox', { name: label }).press('Tab');
  }
  await dialog.getByRole('button', { name: 'Guardar convenio' }).click();
  await expect(dialog).toBeHidden();
}

test('agencies, agreements and the agreement rule; CSV import with a bad row; example catalogue on Inicio', async ({ page, snap }, testInfo) => {
  await completeSetup(page);
  await openSection(page, 'Dependencias y convenios');

  // An agency with a current agreement shows vigente and may receive information today.
  await createAgency(page, { name: 'Secretaría de Seguridad Ciudadana de Oaxaca de Juárez', acronym: 'SSC-OAX', kind: 'Municipal' });
  await registerAgreement(page, { number: 'C4/CONV/015/2026', signed: '15/01/2026', from: '01/01/2026', to: `31/12/${TODAY.y + 2}` });
  await expect(page.getByTestId('agreement-row-C4/CONV/015/2026')).toContainText('Vigente');
  await page.getByRole('textbox', { name: 'Fecha de despacho' }).fill(TODAY_TEXT);
  await page.getByRole('button', { name: 'Comprobar' }).click();
  await expect(page.getByTestId('eligibility-result')).toContainText('Puede recibir información: convenio C4/CONV/015/2026 vigente.');
  await snap('30-dependencia-vigente');

  // An agency whose only agreement expired shows vencido and the rule refuses it, naming agency and date.
  await openSection(page, 'Dependencias y convenios');
  await createAgency(page, { name: 'Instituto Municipal de Protección Civil', acronym: 'IMPC', kind: 'Municipal' });
  await registerAgreement(page, { number: 'IMPC-2023-04', signed: '01/03/2023', from: '01/03/2023', to: '28/02/2025' });
  await expect(page.getByTestId('agreement-row-IMPC-2023-04')).toContainText('Vencido');
  await page.getByRole('textbox', { name: 'Fecha de despacho' }).fill(TODAY_TEXT);
  await page.getByRole('button', { name: 'Comprobar' }).click();
  const refusal = page.getByTestId('eligibility-result');
  await expect(refusal).toContainText('IMPC');
  await expect(refusal).toContainText(TODAY_TEXT);
  await expect(refusal).toContainText('28/02/2025');
  await snap('31-dependencia-vencida');

  // CSV import (Excel-style Windows-1252, semicolons) with one bad row: preview first, nothing written until confirmed.
  await openSection(page, 'Dependencias y convenios');
  const csv = [
    'Nombre;Siglas;Tipo;Correo institucional;Teléfono',
    'Fiscalía General del Estado de Oaxaca;FGEO;Estatal;enlace@fgeo.gob.mx;951 501 6900',
    'Comisión Estatal de Búsqueda;CEB;Estatal;no-es-correo;',
    '"Centro Nacional de Información, SESNSP";CNI-SESNSP;Federal;cni@sesnsp.gob.mx;',
  ].join('\r\n');
  const csvPath = testInfo.outputPath('dependencias.csv');
  writeFileSync(csvPath, Buffer.from(csv, 'latin1'));
  await page.getByRole('button', { name: 'Importar CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importar dependencias desde CSV' });
  await dialog.locator('input[type="file"]').setInputFiles(csvPath);
  await expect(dialog.getByTestId('import-summary')).toContainText('3 filas leídas (Windows-1252, separadas por punto y coma): 2 correctas, 1 con errores.');
  await expect(dialog.getByTestId('import-line-3')).toContainText('correo');
  await expect(dialog.getByTestId('import-line-2')).toContainText('Fiscalía General del Estado de Oaxaca');
  await snap('32-importacion-vista-previa');
  await expect(page.getByTestId('agency-row-FGEO')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Importar 2 dependencias' }).click();
  await expect(page.getByTestId('agency-row-FGEO')).toContainText('Fiscalía General del Estado de Oaxaca');
  await expect(page.getByTestId('agency-row-CNI-SESNSP')).toContainText('Centro Nacional de Información, SESNSP');
  await expect(page.getByTestId('agency-row-CEB')).toHaveCount(0);
  await snap('33-dependencias');

  // Example catalogue of seed 001: an obligation is overdue, and Inicio says so.
  await openSection(page, 'Reportes periódicos');
  await page.getByRole('button', { name: 'Cargar catálogo de ejemplo' }).click();
  await expect(page.getByText('Catálogo de ejemplo cargado')).toBeVisible();
  await expect(page.getByRole('table').getByText('Vencido').first()).toBeVisible();
  await snap('34-reportes-calendario');
  await openSection(page, 'Inicio');
  const overdue = page.getByTestId('home-overdue');
  await expect(overdue).toContainText('CNI');
  await expect(overdue).toContainText('venció el');
  await expect(page.getByTestId('home-expired')).toContainText('IMPC');
  await snap('35-inicio-tablero');

  // The example data leaves in one step; the office's own records stay.
  await openSection(page, 'Reportes periódicos');
  await page.getByRole('button', { name: 'Retirar datos de ejemplo' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Retirar ejemplo' }).click();
  await expect(page.getByRole('button', { name: 'Cargar catálogo de ejemplo' })).toBeVisible();
  await openSection(page, 'Dependencias y convenios');
  await expect(page.getByTestId('agency-row-FGEO')).toBeVisible();
  await expect(page.getByTestId('agency-row-SSC-OAX')).toBeVisible();
});
