import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { nowInOffice } from '../../renderer/src/forms/office-datetime';
import { MATERIAL_SIGNATURE_MISMATCH_MESSAGE } from '../../shared/domain/file-signature';
import { LEGAL_CHECKS, LEGAL_CHECK_LABELS } from '../../shared/domain/releases';
import type { AccountView } from '../../shared/domain/social-accounts';
import type { User } from '../../shared/domain/users';
import { expect, test } from './support/fixtures';
import { completeSetup, pdfText, previewDrawn } from './support/flows';
import { api, createUser, LAWYER, nav, officeTodayIso, switchUser } from './support/shipment-flows';

const COMMUNICATOR = { fullName: 'Rosa Díaz Peña', position: 'Jefa de Comunicación Social', userName: 'rdiaz', temporary: 'Temporal-Inicio-55', own: 'Clave-Comunicacion-26' };
const HEAD = { fullName: 'Ing. Arturo Méndez Cruz', position: 'Director de la Red', userName: 'amendez', temporary: 'Temporal-Inicio-66', own: 'Clave-Titular-2026' };
const DIRECTOR = { fullName: 'Mtro. Héctor Ruiz Salas', position: 'Director General', userName: 'hruiz', temporary: 'Temporal-Inicio-99', own: 'Clave-Director-2026' };
const AREA = 'Dirección de la Red, Voz, Datos e Imagen';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('cartel del simulacro')]);
const SCAN = { name: 'autorizacion-firmada.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% hoja firmada escaneada\n') };
const PERSONAL_REASON = 'Cuenta personal (Personal registrada): las difusiones sólo se publican en cuentas oficiales.';

/** Tomorrow at `time`, as the office types it: inside every lapse and after every authorisation the tests make today. */
function tomorrowAt(time: string): string {
  return `${nowInOffice(new Date(Date.now() + 24 * 3_600_000)).slice(0, 10)} ${time}`;
}
function tomorrowIso(): string {
  const [d, m, y] = tomorrowAt('00:00').slice(0, 10).split('/');
  return `${y}-${m}-${d}`;
}

async function choose(page: Page, within: Locator, label: string, option: string) {
  await within.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * The office as the releases need it: the four people (through the
 * administrator's screen), the area headed by one of them, a media outlet,
 * an official account in use, a personal one, and one owing a password
 * change (a custody ended); `spare` is another official account, in use.
 */
async function prepareOffice(page: Page) {
  await completeSetup(page);
  await nav(page, 'Administración');
  await createUser(page, COMMUNICATOR, 'Comunicación Social');
  await createUser(page, HEAD, 'Capturista');
  await createUser(page, LAWYER, 'Jurídico');
  await createUser(page, DIRECTOR, 'Director(a) General');
  const users = await api<User[]>(page, 'users.list', {});
  const head = users.find((u) => u.userName === HEAD.userName)!;
  await api(page, 'areas.create', { area: { name: AREA, headName: HEAD.fullName, headPosition: HEAD.position, headUserId: head.id } });
  await api(page, 'outlets.create', { outlet: { name: 'Radio Oaxaca 95.7', kind: 'radio' } });
  const account = (a: object) => api<AccountView>(page, 'socialAccounts.create', { account: { area: 'Comunicación Social', addedOn: officeTodayIso(), ...a } });
  await account({ network: 'facebook', handle: 'C4Oaxaca', url: 'https://www.facebook.com/C4Oaxaca', kind: 'oficial' });
  await account({ network: 'x', handle: '@LauraCruzC4', kind: 'personal_registrada', holder: { fullName: 'Mtra. Laura Cruz Ortiz', position: 'Directora de Vinculación', level: 2 } });
  const rotating = await account({ network: 'instagram', handle: 'c4.oaxaca', kind: 'oficial' });
  const spare = await account({ network: 'youtube', handle: 'C4OaxacaTV', kind: 'oficial' });
  const custody = { custodian: { fullName: 'Luis Gómez Sol', position: 'Diseñador gráfico', area: 'Comunicación Social' }, startedOn: officeTodayIso(), keptIn: 'KeePassXC de Comunicación Social', secondFactorHeldBy: 'Teléfono de la Jefatura', recoveryContact: 'comunicacion@c4oaxaca.gob.mx' };
  const held = await api<AccountView>(page, 'socialAccounts.startCustody', { accountId: rotating.account.id, custody });
  const spareHeld = await api<AccountView>(page, 'socialAccounts.startCustody', { accountId: spare.account.id, custody });
  const custodyId = held.account.custodies[0]!.id;
  await api(page, 'socialAccounts.endCustody', { accountId: rotating.account.id, custodyId, on: officeTodayIso(), reason: 'salida_de_custodio' });
  return { spareId: spare.account.id, spareCustodyId: spareHeld.account.custodies[0]!.id };
}

async function openRelease(page: Page, title: string) {
  await nav(page, 'Difusiones');
  await page.getByRole('row').filter({ hasText: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Difusión CS-/ })).toBeVisible();
}

async function act(page: Page, action: string, fill: Record<string, string> = {}) {
  await page.getByTestId('release-actions').getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  for (const [label, value] of Object.entries(fill)) await dialog.getByRole('textbox', { name: label }).fill(value);
  return dialog;
}

async function submit(dialog: Locator, action: string) {
  await dialog.getByRole('button', { name: action }).click();
  // The save (and an upload with it) can take longer than the default 10 s while the other worker prints.
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

const state = (page: Page) => page.getByRole('heading', { level: 1 }).locator('xpath=..').getByTestId('release-state');

async function answerChecklist(dialog: Locator, yes: Partial<Record<(typeof LEGAL_CHECKS)[number], string>> = {}) {
  for (const c of LEGAL_CHECKS) {
    const group = dialog.getByRole('radiogroup', { name: LEGAL_CHECK_LABELS[c] });
    await group.getByRole('radio', { name: yes[c] ? 'Sí' : 'No' }).check();
    if (yes[c]) await dialog.getByRole('textbox', { name: `Nota: ${LEGAL_CHECK_LABELS[c]}` }).fill(yes[c]);
  }
}

/** Prints the sheet from the detail page, waits for pdf.js, saves it and returns its text. */
async function printSheet(page: Page, file: string) {
  await page.getByRole('button', { name: 'Imprimir formato de autorización' }).click();
  const dialog = page.getByRole('dialog', { name: 'Formato de autorización de difusión' });
  await previewDrawn(dialog);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Guardar PDF' }).click();
  await (await download).saveAs(file);
  readFileSync(file);
  const text = pdfText(file);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return text;
}

async function registerSignature(page: Page, action: string) {
  const dialog = await act(page, action);
  await expect(dialog.getByRole('textbox', { name: 'Nombre de quien firmó' })).toHaveValue(DIRECTOR.fullName);
  await dialog.locator('input[type="file"]').setInputFiles(SCAN);
  await submit(dialog, action);
}

test.describe.configure({ mode: 'serial' });

test('a network release: validated by the area head, returned by Jurídico, corrected, approved, printed, signed and published on an official account', async ({ page, snap: fullPage }, info) => {
  test.setTimeout(240_000);
  const snap = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
    await fullPage(name);
  };
  await prepareOffice(page);
  await switchUser(page, COMMUNICATOR, true);
  await nav(page, 'Difusiones');
  await expect(page.getByRole('heading', { level: 1, name: 'Difusiones' })).toBeVisible();
  await expect(page.getByText('Aún no hay difusiones.')).toBeVisible();

  // The form: material checked by its bytes in the core, its refusal inline; personal and rotation-pending accounts disabled with the reason.
  await page.getByRole('button', { name: 'Nueva difusión' }).click();
  const form = page.getByRole('dialog', { name: 'Nueva difusión' });
  await choose(page, form, 'Tipo de difusión', 'Publicación en redes sociales');
  await choose(page, form, 'Área que proporciona la información', AREA);
  await form.getByRole('textbox', { name: 'Título' }).fill('Simulacro estatal de sismo');
  await form.getByRole('textbox', { name: 'Texto' }).fill('El C4 Oaxaca participa en el simulacro estatal: a las 11:00 sonará la alerta sísmica.');
  await expect(form.getByText('85 de 20,000 caracteres')).toBeVisible();
  await form.locator('input[type="file"]').setInputFiles([
    { name: 'cartel.png', mimeType: 'image/png', buffer: PNG },
    { name: 'cartel-falso.png', mimeType: 'image/png', buffer: Buffer.from('esto no es una imagen') },
  ]);
  await expect(form.getByRole('alert')).toHaveText(`«cartel-falso.png»: ${MATERIAL_SIGNATURE_MISMATCH_MESSAGE}`);
  await expect(form.getByTestId('release-materials')).toContainText('cartel.png');
  const accounts = form.getByTestId('release-accounts');
  await expect(accounts.getByRole('checkbox', { name: 'X · @LauraCruzC4' })).toBeDisabled();
  await expect(accounts).toContainText(PERSONAL_REASON);
  await expect(accounts.getByRole('checkbox', { name: 'Instagram · c4.oaxaca' })).toBeDisabled();
  await expect(accounts).toContainText(/Cambio de contraseña pendiente desde el \d\d\/\d\d\/\d{4}\./);
  await accounts.getByRole('checkbox', { name: 'Facebook · C4Oaxaca' }).check();
  await form.getByRole('textbox', { name: 'Fecha y hora planeadas de publicación' }).fill(tomorrowAt('10:00'));
  await snap('131-nueva-difusion');
  await form.getByRole('button', { name: 'Crear difusión' }).click();
  await expect(form).toBeHidden();
  await expect(state(page)).toHaveText('Borrador');
  await expect(page.getByTestId('release-channels')).toContainText('Facebook · C4Oaxaca (oficial)');
  await snap('132-difusion-borrador');

  // Comunicación Social may not send a network release straight to legal: the machine offers the area's validation only.
  await expect(page.getByTestId('release-actions').getByRole('button', { name: 'Enviar a revisión jurídica' })).toHaveCount(0);
  await submit(await act(page, 'Enviar a validación del área'), 'Enviar a validación del área');
  await expect(state(page)).toHaveText('En validación del área');
  await expect(page.getByTestId('release-no-actions').or(page.getByTestId('release-actions'))).toBeVisible();

  // The area's head (a capturista who heads the area) sees it under Difusiones and validates it.
  await switchUser(page, HEAD, true);
  await openRelease(page, 'Simulacro estatal de sismo');
  await submit(await act(page, 'Validar y aprobar por el área', { 'Observaciones (opcional)': 'La información es correcta.' }), 'Validar y aprobar por el área');
  await expect(state(page)).toHaveText('En revisión jurídica');

  // Jurídico returns it with observations.
  await switchUser(page, LAWYER, true);
  await openRelease(page, 'Simulacro estatal de sismo');
  await submit(await act(page, 'Devolver con observaciones', { Observaciones: 'Indique que se trata de un simulacro y no de un sismo real.' }), 'Devolver con observaciones');
  await expect(state(page)).toHaveText('Devuelta con observaciones');
  await expect(page.getByTestId('release-returned')).toContainText('no de un sismo real');

  // Comunicación Social corrects the text; the area validates the new words again.
  await switchUser(page, COMMUNICATOR);
  await openRelease(page, 'Simulacro estatal de sismo');
  await snap('133-difusion-devuelta');
  await page.getByRole('button', { name: 'Modificar contenido' }).click();
  const edit = page.getByRole('dialog', { name: /^Modificar difusión CS-/ });
  await edit.getByRole('textbox', { name: 'Texto' }).fill('SIMULACRO. El C4 Oaxaca participa en el simulacro estatal: a las 11:00 sonará la alerta sísmica. No es un sismo real.');
  await edit.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('release-body')).toContainText('No es un sismo real.');
  await submit(await act(page, 'Enviar a validación del área'), 'Enviar a validación del área');
  await switchUser(page, HEAD);
  await openRelease(page, 'Simulacro estatal de sismo');
  await submit(await act(page, 'Validar y aprobar por el área'), 'Validar y aprobar por el área');

  // Jurídico approves with the checklist: a «sí» needs its note.
  await switchUser(page, LAWYER);
  await openRelease(page, 'Simulacro estatal de sismo');
  let dialog = await act(page, 'Aprobar revisión jurídica');
  await answerChecklist(dialog, { datos_personales: 'Sólo aparece el nombre del Director General, dato público.' });
  await dialog.getByRole('textbox', { name: 'Opinión y observaciones (opcional)' }).fill('Procede su difusión.');
  await snap('134-revision-juridica');
  await submit(dialog, 'Aprobar revisión jurídica');
  await expect(state(page)).toHaveText('Por autorizar');
  await expect(page.getByTestId('release-checklist')).toContainText('Sólo aparece el nombre del Director General');

  // Comunicación Social prints the sheet; its text is the release's.
  await switchUser(page, COMMUNICATOR);
  await openRelease(page, 'Simulacro estatal de sismo');
  const folio = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Difusión ', '');
  const sheet = await printSheet(page, info.outputPath('hoja-1.pdf'));
  expect(sheet).toContain(folio);
  expect(sheet).toContain('Simulacro estatal de sismo');
  expect(sheet).toContain('No es un sismo real.');
  await expect(page.getByTestId('release-sheet-1')).toContainText('Vigente, por firmar');
  // The preparer may not register the signature (segregation of duties): the Director does.
  await expect(page.getByTestId('release-actions').getByRole('button', { name: 'Registrar autorización del Director(a) General' })).toHaveCount(0);
  await switchUser(page, DIRECTOR, true);
  await openRelease(page, 'Simulacro estatal de sismo');
  await registerSignature(page, 'Registrar autorización del Director(a) General');
  await expect(state(page)).toHaveText('Autorizada');
  await expect(page.getByTestId('release-sheet-1')).toContainText('Firmada');
  // The sheet the Director signed is kept byte for byte: shown again from the vault, identical to what was printed.
  await page.getByTestId('release-sheet-1').getByRole('button', { name: 'Original' }).click();
  const keptDialog = page.getByRole('dialog', { name: /^Hoja 1 de / });
  await previewDrawn(keptDialog);
  const keptDownload = page.waitForEvent('download');
  await keptDialog.getByRole('button', { name: 'Guardar PDF' }).click();
  await (await keptDownload).saveAs(info.outputPath('hoja-1-guardada.pdf'));
  expect(readFileSync(info.outputPath('hoja-1-guardada.pdf')).equals(readFileSync(info.outputPath('hoja-1.pdf')))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(keptDialog).toBeHidden();

  // Published on the official account, with its URL.
  await switchUser(page, COMMUNICATOR);
  await openRelease(page, 'Simulacro estatal de sismo');
  dialog = await act(page, 'Registrar publicación');
  await choose(page, dialog, 'Canal', 'Facebook · C4Oaxaca (oficial)');
  await dialog.getByRole('textbox', { name: 'Dirección de la publicación (URL)' }).fill('https://www.facebook.com/C4Oaxaca/posts/101');
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'captura.png', mimeType: 'image/png', buffer: PNG });
  await submit(dialog, 'Registrar publicación');
  await expect(state(page)).toHaveText('Publicada');
  await expect(page.getByTestId('release-channels')).toContainText('https://www.facebook.com/C4Oaxaca/posts/101');
  await expect(page.getByTestId('release-history')).toContainText('Publicación registrada');
  await snap('135-difusion-publicada');
  await nav(page, 'Difusiones');
  await expect(page.getByTestId(`release-row-${folio}`)).toContainText('Publicada');
  await snap('130-difusiones');
});

/** Creates a release through the form; outlets by name, accounts by their checkbox. */
async function createRelease(page: Page, r: { kind: string; title: string; body: string; plannedAt: string; outlets?: string[]; accounts?: string[]; exception?: string }, snapName?: (name: string) => Promise<void>) {
  await nav(page, 'Difusiones');
  await page.getByRole('button', { name: 'Nueva difusión' }).click();
  const form = page.getByRole('dialog', { name: 'Nueva difusión' });
  await choose(page, form, 'Tipo de difusión', r.kind);
  await choose(page, form, 'Área que proporciona la información', AREA);
  await form.getByRole('textbox', { name: 'Título' }).fill(r.title);
  await form.getByRole('textbox', { name: 'Texto' }).fill(r.body);
  for (const a of r.accounts ?? []) await form.getByTestId('release-accounts').getByRole('checkbox', { name: a }).check();
  for (const o of r.outlets ?? []) {
    await form.getByRole('combobox', { name: 'Medios de comunicación' }).click();
    await page.getByRole('option', { name: o }).click();
    await form.getByRole('textbox', { name: 'Título' }).click();
  }
  await form.getByRole('textbox', { name: 'Fecha y hora planeadas de publicación' }).fill(r.plannedAt);
  if (r.exception) await form.getByTestId('release-blackout').getByRole('radio', { name: r.exception }).check();
  if (snapName) await snapName('');
  await form.getByRole('button', { name: 'Crear difusión' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: /^Difusión CS-/ })).toBeVisible();
}

test('an edit after authorisation voids the signed sheet; an urgent release is published on the spoken word and ratified afterwards', async ({ page, snap: fullPage }, info) => {
  test.setTimeout(240_000);
  const snap = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
    await fullPage(name);
  };
  await prepareOffice(page);
  await switchUser(page, COMMUNICATOR, true);
  await createRelease(page, { kind: 'Boletín de prensa', title: 'Cierre temporal de la carretera federal 175', body: 'Por obras, la carretera federal 175 cierra de 22:00 a 05:00.', plannedAt: tomorrowAt('09:00'), outlets: ['Radio Oaxaca 95.7'] });
  // No network among its channels: straight to legal, no area validation offered.
  await expect(page.getByTestId('release-actions').getByRole('button', { name: 'Enviar a validación del área' })).toHaveCount(0);
  await submit(await act(page, 'Enviar a revisión jurídica'), 'Enviar a revisión jurídica');
  await switchUser(page, LAWYER, true);
  await openRelease(page, 'Cierre temporal');
  let dialog = await act(page, 'Aprobar revisión jurídica');
  await answerChecklist(dialog);
  await submit(dialog, 'Aprobar revisión jurídica');
  await switchUser(page, COMMUNICATOR);
  await openRelease(page, 'Cierre temporal');
  await printSheet(page, info.outputPath('boletin-hoja-1.pdf'));
  await switchUser(page, DIRECTOR, true);
  await openRelease(page, 'Cierre temporal');
  await registerSignature(page, 'Registrar autorización del Director(a) General');
  await expect(state(page)).toHaveText('Autorizada');

  // The edit warns first, then voids the sheet and sends it back to legal.
  await switchUser(page, COMMUNICATOR);
  await openRelease(page, 'Cierre temporal');
  await page.getByRole('button', { name: 'Modificar contenido' }).click();
  const warning = page.getByRole('dialog', { name: '¿Modificar una difusión ya aprobada?' });
  await expect(warning).toContainText('La hoja firmada quedará anulada y la difusión volverá a revisión.');
  await snap('136-aviso-modificar-autorizada');
  await warning.getByRole('button', { name: 'Modificar de todos modos' }).click();
  const edit = page.getByRole('dialog', { name: /^Modificar difusión CS-/ });
  await expect(edit).toContainText('la hoja de autorización quedará anulada');
  await edit.getByRole('textbox', { name: 'Fecha y hora planeadas de publicación' }).fill(tomorrowAt('12:00'));
  await edit.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(edit).toBeHidden();
  await expect(state(page)).toHaveText('En revisión jurídica');
  await expect(page.getByTestId('release-sheet-voided')).toContainText('Cambió el contenido después de la revisión jurídica.');
  await expect(page.getByTestId('release-sheet-1')).toContainText('Anulada');
  await snap('137-hoja-anulada');

  // Urgent: civil protection, published on the Director's spoken word, «pendiente de ratificar» until legal and the signed sheet come.
  await createRelease(page, { kind: 'Boletín de prensa', title: 'Alerta por lluvias intensas', body: 'Protección Civil pide evitar cruzar ríos y arroyos crecidos.', plannedAt: tomorrowAt('08:00'), outlets: ['Radio Oaxaca 95.7'] });
  dialog = await act(page, 'Publicar con autorización verbal', { 'Quién autorizó de palabra': DIRECTOR.fullName });
  await dialog.getByRole('radio', { name: 'Protección civil' }).check();
  await dialog.getByRole('textbox', { name: 'Por qué no puede esperar la revisión y la firma' }).fill('Ríos crecidos en la Cuenca del Papaloapan: la población debe saberlo ya.');
  await snap('138-autorizacion-verbal');
  await submit(dialog, 'Publicar con autorización verbal');
  await expect(state(page)).toHaveText('Autorizada');
  await expect(page.getByTestId('release-ratification')).toContainText('Falta la revisión jurídica.');
  dialog = await act(page, 'Registrar publicación');
  await choose(page, dialog, 'Canal', 'Radio Oaxaca 95.7');
  await submit(dialog, 'Registrar publicación');
  await expect(state(page)).toHaveText('Publicada');
  await expect(page.getByRole('heading', { level: 1 }).locator('xpath=..')).toContainText('Pendiente de ratificar · antes del');
  await expect(page.getByTestId('release-actions').getByRole('button', { name: 'Cerrar difusión' })).toHaveCount(0);
  await snap('139-pendiente-de-ratificar');
  await nav(page, 'Difusiones');
  await expect(page.getByRole('row').filter({ hasText: 'Alerta por lluvias' })).toContainText('Pendiente de ratificar');

  await switchUser(page, LAWYER);
  await openRelease(page, 'Alerta por lluvias');
  dialog = await act(page, 'Ratificar revisión jurídica');
  await answerChecklist(dialog);
  await submit(dialog, 'Ratificar revisión jurídica');
  await expect(page.getByTestId('release-ratification')).toContainText('falta la hoja firmada');
  await switchUser(page, COMMUNICATOR);
  await openRelease(page, 'Alerta por lluvias');
  const sheet = await printSheet(page, info.outputPath('urgente-hoja-1.pdf'));
  expect(sheet).toContain('Alerta por lluvias intensas');
  await switchUser(page, DIRECTOR);
  await openRelease(page, 'Alerta por lluvias');
  await registerSignature(page, 'Ratificar autorización firmada');
  await expect(page.getByTestId('release-ratification')).toHaveCount(0);
  await switchUser(page, COMMUNICATOR);
  await openRelease(page, 'Alerta por lluvias');
  await submit(await act(page, 'Cerrar difusión'), 'Cerrar difusión');
  await expect(state(page)).toHaveText('Cerrada');
});

test('inside a blackout a release needs an exception the blackout admits; an account that stops being usable after it was chosen is refused by the core', async ({ page, snap: fullPage }) => {
  test.setTimeout(180_000);
  const snap = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
    await fullPage(name);
  };
  const { spareId, spareCustodyId } = await prepareOffice(page);
  await api(page, 'blackouts.save', { blackout: { name: 'Veda electoral 2027', from: officeTodayIso(), to: tomorrowIso(), allowedExceptions: ['salud', 'proteccion_civil'] } });
  await switchUser(page, COMMUNICATOR, true);

  // The form says which blackout and offers only its exceptions.
  await createRelease(
    page,
    { kind: 'Publicación en redes sociales', title: 'Campaña de vacunación contra la influenza', body: 'Los módulos de vacunación abren de 8:00 a 15:00.', plannedAt: tomorrowAt('10:00'), accounts: ['YouTube · C4OaxacaTV'], exception: 'Salud' },
    async () => {
      const notice = page.getByRole('dialog', { name: 'Nueva difusión' }).getByTestId('release-blackout');
      await expect(notice).toContainText('La fecha cae en el periodo de veda «Veda electoral 2027»');
      await expect(notice.getByRole('radio')).toHaveCount(2);
      await expect(notice.getByRole('radio', { name: 'Servicios educativos' })).toHaveCount(0);
      await snap('140-difusion-en-veda');
    },
  );
  await expect(page.getByTestId('release-blackout-notice')).toContainText('Se difunde con la excepción «Salud».');

  // The account chosen stops being usable (its custodian left: a password change is owed): shown on the page, and the core refuses to send it on.
  await api(page, 'socialAccounts.endCustody', { accountId: spareId, custodyId: spareCustodyId, on: officeTodayIso(), reason: 'salida_de_custodio' });
  await page.reload();
  await expect(page.getByTestId('release-channels')).toContainText('tiene un cambio de contraseña pendiente');
  const dialog = await act(page, 'Enviar a validación del área');
  await dialog.getByRole('button', { name: 'Enviar a validación del área' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/La cuenta YouTube C4OaxacaTV tiene un cambio de contraseña pendiente desde el \d\d\/\d\d\/\d{4}: no se usa hasta registrarlo\./);
  await snap('141-cuenta-rechazada');
  await dialog.getByRole('button', { name: 'Volver' }).click();
  await page.getByRole('button', { name: 'Modificar contenido' }).click();
  const edit = page.getByRole('dialog', { name: /^Modificar difusión CS-/ });
  await expect(edit.getByTestId('release-accounts')).toContainText('Esta cuenta ya no puede llevar la difusión: quítela.');
  await edit.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(edit.getByRole('alert').filter({ hasText: 'La cuenta' })).toContainText('La cuenta YouTube C4OaxacaTV tiene un cambio de contraseña pendiente');
  await snap('142-modificar-cuenta-rechazada');
  await edit.getByRole('button', { name: 'Cancelar' }).click();

  // A bulletin inside the blackout without an exception: the core refuses even the urgent path, and says which exceptions it admits.
  await createRelease(page, { kind: 'Boletín de prensa', title: 'Corte de agua en el centro', body: 'Por una fuga, el servicio de agua se suspende hasta las 18:00.', plannedAt: tomorrowAt('09:00'), outlets: ['Radio Oaxaca 95.7'] });
  let urgent = await act(page, 'Publicar con autorización verbal', { 'Quién autorizó de palabra': DIRECTOR.fullName });
  await urgent.getByRole('radio', { name: 'Emergencia' }).check();
  await urgent.getByRole('textbox', { name: 'Por qué no puede esperar la revisión y la firma' }).fill('La fuga deja sin agua a 12 colonias del centro.');
  await urgent.getByRole('button', { name: 'Publicar con autorización verbal' }).click();
  await expect(urgent.getByRole('alert').filter({ hasText: 'veda' })).toContainText('elija una de las excepciones que admite (Salud, Protección civil en casos de emergencia) o cambie la fecha.');
  await urgent.getByRole('button', { name: 'Volver' }).click();
  await page.getByRole('button', { name: 'Modificar contenido' }).click();
  const fix = page.getByRole('dialog', { name: /^Modificar difusión CS-/ });
  await fix.getByTestId('release-blackout').getByRole('radio', { name: 'Protección civil en casos de emergencia' }).check();
  await fix.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(fix).toBeHidden();
  urgent = await act(page, 'Publicar con autorización verbal', { 'Quién autorizó de palabra': DIRECTOR.fullName });
  await urgent.getByRole('radio', { name: 'Emergencia' }).check();
  await urgent.getByRole('textbox', { name: 'Por qué no puede esperar la revisión y la firma' }).fill('La fuga deja sin agua a 12 colonias del centro.');
  await submit(urgent, 'Publicar con autorización verbal');
  await expect(state(page)).toHaveText('Autorizada');
  await nav(page, 'Difusiones');
  await expect(page.getByRole('row').filter({ hasText: 'Campaña de vacunación' })).toContainText('En veda');
  await page.getByRole('combobox', { name: 'Estado' }).click();
  await page.getByRole('option', { name: 'Autorizada' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Campaña de vacunación' })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: 'Corte de agua' })).toBeVisible();
  await page.keyboard.press('Escape');
  await snap('143-difusiones-filtradas');
});
