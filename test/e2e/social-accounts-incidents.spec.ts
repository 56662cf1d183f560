import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { nowInOffice } from '../../renderer/src/forms/office-datetime';
import { SIGNATURE_MISMATCH_MESSAGE } from '../../shared/domain/file-signature';
import { INCIDENT_STEP_LABELS, type AccountView, type IncidentStep } from '../../shared/domain/social-accounts';
import { expect, test } from './support/fixtures';
import { completeSetup, pdfText, previewDrawn } from './support/flows';
import { api, createUser, nav, officeTodayIso, switchUser } from './support/shipment-flows';

const COMMUNICATOR = { fullName: 'Rosa Díaz Peña', position: 'Jefa de Comunicación Social', userName: 'rdiaz', temporary: 'Temporal-Inicio-55', own: 'Clave-Comunicacion-26' };
const KEPT_IN = 'KeePassXC de Comunicación Social, entrada «Facebook oficial»';
const HOLDER = 'Mtra. Laura Cruz Ortiz';
const MISSING_STEPS = 'Para cerrar el incidente faltan estos pasos del protocolo: «Informado a la jefatura del área», «Contraseña cambiada», «Plataforma notificada», «Publicaciones revisadas».';

async function saveDownload(page: Page, click: () => Promise<void>, file: string) {
  const download = page.waitForEvent('download');
  await click();
  await (await download).saveAs(file);
  return readFileSync(file);
}

/** Waits for pdf.js to draw the print in its dialog, saves it with «Guardar PDF» and returns its text. */
async function savePrint(page: Page, dialog: Locator, file: string) {
  await previewDrawn(dialog);
  await saveDownload(page, () => dialog.getByRole('button', { name: 'Guardar PDF' }).click(), file);
  return pdfText(file);
}

async function recordStep(page: Page, incident: Locator, step: IncidentStep, note: string) {
  const label = INCIDENT_STEP_LABELS[step];
  await incident.getByRole('button', { name: `Registrar «${label}»` }).click();
  const dialog = page.getByRole('dialog', { name: `Registrar paso: ${label}` });
  await dialog.getByRole('textbox', { name: 'Nota' }).fill(note);
  await dialog.getByRole('button', { name: 'Registrar paso' }).click();
  await expect(dialog).toBeHidden();
  await expect(incident.getByTestId(`incident-step-${step}`)).toContainText(note);
  await expect(incident.getByTestId(`incident-step-${step}`)).toContainText(COMMUNICATOR.fullName);
}

test('a custodian signs the resguardo, an incident runs its whole protocol before it closes, and the public directory leaves as CSV', async ({ page, snap: fullPage }, info) => {
  test.setTimeout(240_000);
  const snap = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
    await fullPage(name);
  };
  await completeSetup(page);
  await nav(page, 'Administración');
  await createUser(page, COMMUNICATOR, 'Comunicación Social');
  await switchUser(page, COMMUNICATOR, true);

  // The accounts themselves are registered through the core (their screens are the other spec's): an official one with a custodian, a personal one listed at its holder's request.
  const official = await api<AccountView>(page, 'socialAccounts.create', { account: { network: 'facebook', handle: 'C4Oaxaca', url: 'https://www.facebook.com/C4Oaxaca', kind: 'oficial', area: 'Comunicación Social', addedOn: officeTodayIso() } });
  const candidates = await api<{ userId: string; fullName: string; position: string }[]>(page, 'socialAccounts.custodianCandidates', {});
  const me = candidates.find((c) => c.fullName === COMMUNICATOR.fullName);
  expect(me).toBeDefined();
  await api(page, 'socialAccounts.startCustody', {
    accountId: official.account.id,
    custody: { custodian: { userId: me!.userId, fullName: me!.fullName, position: me!.position, area: 'Comunicación Social' }, startedOn: officeTodayIso(), keptIn: KEPT_IN, secondFactorHeldBy: 'Teléfono institucional de la Jefatura', recoveryContact: 'comunicacion.social@c4oaxaca.gob.mx' },
  });
  await api(page, 'socialAccounts.create', {
    account: { network: 'x', handle: '@LauraCruzC4', url: 'https://x.com/LauraCruzC4', kind: 'personal_registrada', holder: { fullName: HOLDER, position: 'Directora de Vinculación', level: 2 }, area: 'Dirección de Vinculación', addedOn: officeTodayIso(), listedPublicly: true },
  });

  // 1. The resguardo: printed for the custodian to sign, then its scan registered and shown again.
  await nav(page, 'Cuentas');
  await page.getByTestId('account-row-C4Oaxaca').getByRole('link', { name: 'C4Oaxaca' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facebook · C4Oaxaca' })).toBeVisible();
  const row = page.getByTestId(`custody-row-${COMMUNICATOR.fullName}`);
  await expect(row.getByTestId('acknowledgement-status')).toHaveText('Falta resguardo firmado');
  await expect(row.getByRole('button', { name: 'Ver resguardo firmado' })).toHaveCount(0);
  await snap('100-custodio-falta-resguardo');
  await row.getByRole('button', { name: 'Imprimir resguardo' }).click();
  const printed = page.getByRole('dialog', { name: `Resguardo de ${COMMUNICATOR.fullName}` });
  const resguardo = await savePrint(page, printed, info.outputPath('resguardo.pdf'));
  expect(resguardo).toContain(COMMUNICATOR.fullName);
  expect(resguardo).toContain('C4Oaxaca');
  expect(resguardo).toContain('KeePassXC de Comunicación Social');
  expect(resguardo).toMatch(/Recib[ií] el resguardo/);
  await snap('101-resguardo-vista-previa');
  await printed.locator('.mantine-Modal-close').click();
  await expect(printed).toBeHidden();

  // A file that is not a PDF, PNG or JPG by its bytes is refused in the core's words.
  await row.getByRole('button', { name: 'Registrar resguardo firmado' }).click();
  let upload = page.getByRole('dialog', { name: 'Registrar resguardo firmado' });
  await upload.getByRole('button', { name: 'Registrar resguardo' }).click();
  await expect(upload.getByRole('alert')).toHaveText('Elija el archivo escaneado (PDF, PNG o JPG).');
  await upload.locator('input[type="file"]').setInputFiles({ name: 'resguardo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('no es un PDF') });
  await upload.getByRole('button', { name: 'Registrar resguardo' }).click();
  await expect(upload.getByRole('alert')).toContainText(SIGNATURE_MISMATCH_MESSAGE);
  await expect(row.getByTestId('acknowledgement-status')).toHaveText('Falta resguardo firmado');
  // The scan of the signed paper (here, the very PDF printed).
  await upload.locator('input[type="file"]').setInputFiles(info.outputPath('resguardo.pdf'));
  await snap('102-registrar-resguardo-firmado');
  await upload.getByRole('button', { name: 'Registrar resguardo' }).click();
  await expect(upload).toBeHidden();
  await expect(row.getByTestId('acknowledgement-status')).toHaveText('Resguardo firmado');
  await expect(row.getByRole('button', { name: 'Registrar resguardo firmado' })).toHaveCount(0);
  await expect(page.getByTestId('account-history')).toContainText('resguardo.pdf');
  await row.getByRole('button', { name: 'Ver resguardo firmado' }).click();
  const viewer = page.getByRole('dialog', { name: `Resguardo firmado de ${COMMUNICATOR.fullName}` });
  await previewDrawn(viewer);
  const kept = await saveDownload(page, () => viewer.getByRole('button', { name: 'Guardar archivo' }).click(), info.outputPath('resguardo-guardado.pdf'));
  expect(kept.equals(readFileSync(info.outputPath('resguardo.pdf')))).toBe(true);
  await viewer.locator('.mantine-Modal-close').click();
  await expect(viewer).toBeHidden();
  await page.getByTestId('custodians').scrollIntoViewIfNeeded();
  await snap('103-custodio-con-resguardo');

  // 2. An incident: detected an hour and a half ago; the account now owes a password change and is marked everywhere.
  await page.getByRole('button', { name: 'Registrar incidente' }).click();
  const opening = page.getByRole('dialog', { name: 'Registrar incidente' });
  await opening.getByRole('combobox', { name: 'Tipo de incidente' }).click();
  await page.getByRole('option', { name: 'Acceso no autorizado' }).click();
  const detected = nowInOffice(new Date(Date.now() - 90 * 60_000));
  await opening.getByRole('textbox', { name: 'Fecha y hora de detección' }).fill(detected);
  await opening.getByRole('textbox', { name: 'Qué ocurrió' }).fill('Se publicó desde la cuenta un mensaje que nadie del área redactó.');
  await snap('104-registrar-incidente');
  await opening.getByRole('button', { name: 'Registrar incidente' }).click();
  await expect(opening).toBeHidden();
  await expect(page.getByTestId('open-incident')).toHaveText('Incidente abierto');
  await expect(page.getByTestId('pending-rotation')).toHaveText('Cambio de contraseña pendiente');
  await expect(page.getByTestId('open-incident-notice')).toContainText(`Detectado el ${detected}`);
  const incident = page.getByTestId('incident-1');
  await expect(incident.getByTestId('incident-status')).toHaveText('Abierto');
  await expect(incident.getByTestId('incident-step-detectado')).toContainText(detected);
  await expect(incident.getByTestId('incident-step-detectado')).toContainText(COMMUNICATOR.fullName);
  await expect(incident.getByTestId('incident-step-informado_jefatura')).toContainText('Pendiente');

  // Closing before the protocol is done: the core names the missing steps.
  await incident.getByRole('button', { name: 'Cerrar incidente' }).click();
  let closing = page.getByRole('dialog', { name: 'Cerrar incidente' });
  await closing.getByRole('button', { name: 'Cerrar incidente' }).click();
  await expect(closing.getByRole('alert').filter({ hasText: 'faltan' })).toHaveText(MISSING_STEPS);
  await snap('105-cerrar-incidente-faltan-pasos');
  await closing.getByRole('button', { name: 'Cancelar' }).click();
  await expect(closing).toBeHidden();

  // On the directory too, in red.
  await nav(page, 'Cuentas');
  await expect(page.getByTestId('account-row-C4Oaxaca').getByTestId('open-incident')).toHaveText('Incidente abierto');
  await expect(page.getByTestId('account-row-@LauraCruzC4').getByTestId('open-incident')).toHaveCount(0);
  await snap('106-directorio-incidente-abierto');
  await page.getByTestId('account-row-C4Oaxaca').getByRole('link', { name: 'C4Oaxaca' }).click();

  // 3. Every step, each with its time and note; the password-change step records the rotation the incident owed.
  await recordStep(page, incident, 'informado_jefatura', 'Se informó por oficio a la jefatura de Comunicación Social.');
  await incident.getByRole('button', { name: 'Registrar «Contraseña cambiada»' }).click();
  const change = page.getByRole('dialog', { name: 'Registrar paso: Contraseña cambiada' });
  await expect(change).toContainText('registra también el cambio de contraseña');
  await change.getByRole('textbox', { name: 'Nota' }).fill('Nueva contraseña en la misma entrada de KeePassXC; sesiones cerradas.');
  await snap('107-paso-contrasena-cambiada');
  await change.getByRole('button', { name: 'Registrar paso' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByTestId('pending-rotation')).toHaveCount(0);
  await expect(page.getByTestId('open-incident')).toHaveText('Incidente abierto');
  await recordStep(page, incident, 'plataforma_notificada', 'Reporte a Meta número 8841-22.');
  await recordStep(page, incident, 'publicaciones_revisadas', 'Se eliminó la publicación ajena; las demás son del área.');
  await page.getByTestId('incidents').scrollIntoViewIfNeeded();
  await snap('108-incidente-pasos-registrados');

  await incident.getByRole('button', { name: 'Cerrar incidente' }).click();
  closing = page.getByRole('dialog', { name: 'Cerrar incidente' });
  await closing.getByRole('textbox', { name: 'Nota' }).fill('Protocolo completo.');
  await closing.getByRole('button', { name: 'Cerrar incidente' }).click();
  await expect(closing).toBeHidden();
  await expect(incident.getByTestId('incident-status')).toHaveText('Cerrado');
  await expect(page.getByTestId('open-incident')).toHaveCount(0);
  await expect(page.getByTestId('open-incident-notice')).toHaveCount(0);
  await expect(incident.getByRole('button', { name: /^Registrar/ })).toHaveCount(0);
  await expect(incident.getByTestId('incident-step-cerrado')).toContainText(COMMUNICATOR.fullName);

  // 4. The report lists the steps with their times and notes.
  await incident.getByRole('button', { name: 'Imprimir reporte' }).click();
  const report = page.getByRole('dialog', { name: 'Reporte del incidente 1' });
  const reportText = await savePrint(page, report, info.outputPath('reporte-incidente.pdf'));
  for (const text of ['Acceso no autorizado', 'Informado a la jefatura', 'Contraseña cambiada', 'Plataforma notificada', 'Publicaciones revisadas', '8841-22', detected]) expect(reportText).toContain(text);
  await snap('109-reporte-de-incidente');
  await report.locator('.mantine-Modal-close').click();

  // 5. The personal account's request: registered and shown.
  await nav(page, 'Cuentas');
  await page.getByTestId('account-row-@LauraCruzC4').getByRole('link', { name: '@LauraCruzC4' }).click();
  const request = page.getByTestId('request-scan');
  await expect(request).toContainText('Falta la solicitud firmada');
  await request.getByRole('button', { name: 'Registrar solicitud del servidor público' }).click();
  upload = page.getByRole('dialog', { name: 'Registrar solicitud del servidor público' });
  await upload.locator('input[type="file"]').setInputFiles(info.outputPath('resguardo.pdf'));
  await upload.getByRole('button', { name: 'Registrar solicitud' }).click();
  await expect(upload).toBeHidden();
  await expect(request).toContainText('Registrada (resguardo.pdf)');
  await request.getByRole('button', { name: 'Ver solicitud' }).click();
  const shown = page.getByRole('dialog', { name: `Solicitud de ${HOLDER}` });
  await previewDrawn(shown);
  await shown.locator('.mantine-Modal-close').click();
  await snap('110-cuenta-personal-solicitud');

  // 6. The public directory as CSV for Excel: BOM, the header row, one line per listed account.
  await nav(page, 'Cuentas');
  await snap('111-directorio-exportar');
  const csv = await saveDownload(page, () => page.getByRole('button', { name: 'Exportar directorio público (CSV)' }).click(), info.outputPath('directorio.csv'));
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('Red social,Cuenta,Dirección,Tipo,Titular,Cargo del titular,Área responsable,Última validación');
  const today = officeTodayIso().split('-').reverse().join('/');
  expect(lines).toContain(`Facebook,C4Oaxaca,https://www.facebook.com/C4Oaxaca,Oficial,,,Comunicación Social,${today}`);
  expect(lines.find((l) => l.startsWith('X,'))).toContain(HOLDER);
  expect(lines.filter((l) => l !== '')).toHaveLength(3);

  // 7. The same directory printed: the listed accounts, and the sentence that it holds no password.
  await page.getByRole('button', { name: 'Imprimir directorio público' }).click();
  const directory = page.getByRole('dialog', { name: 'Directorio público de cuentas' });
  const printedText = (await savePrint(page, directory, info.outputPath('directorio.pdf'))).replace(/\s+/g, ' ');
  expect(printedText).toContain('Directorio de cuentas institucionales en redes sociales');
  expect(printedText).toContain('C4Oaxaca');
  expect(printedText).toContain('este directorio no las contiene');
  await snap('119-directorio-impreso');
});
