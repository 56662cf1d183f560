import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { MATERIAL_SIGNATURE_MISMATCH_MESSAGE } from '../../shared/domain/file-signature';
import { verifyBag } from '../../electron/services/media/bagit-verifier';
import { expect, test } from './support/fixtures';
import { ADMIN, completeSetup } from './support/flows';
import { api, nav, officeTodayIso, switchUser } from './support/shipment-flows';

const COMMUNICATOR = { fullName: 'Rosa Díaz Peña', position: 'Jefa de Comunicación Social', userName: 'rdiaz', temporary: 'Temporal-Inicio-55', own: 'Clave-Comunicacion-26' };
const REQUESTER = { fullName: 'Elena Vargas Soto', position: 'Coordinadora del Centro Estatal de Emergencias', userName: 'evargas', temporary: 'Temporal-Inicio-66', own: 'Clave-Emergencias-26' };
const LAWYER = { fullName: 'Lucía Hernández Mora', position: 'Abogada de la Unidad Jurídica', userName: 'lhernandez', temporary: 'Temporal-Inicio-88', own: 'Clave-Juridico-2026' };
const ADMIN_LOGIN = { userName: ADMIN.userName, own: ADMIN.password };
const CEE = 'Centro Estatal de Emergencias';
const PNG = Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR cartel de la campaña contra el fraude telefónico', 'latin1');
const SCAN = Buffer.from('%PDF-1.4\n% hoja firmada por la Directora General\n', 'latin1');
const WHAT = 'Campaña contra el fraude telefónico. Recomendaciones para no caer en llamadas de falsos secuestros y cómo denunciar al 089.';
const DECLINE_REASON = 'La información ya se difundió la semana pasada en el boletín semanal; la repetiremos en diciembre.';

async function choose(page: Page, within: ReturnType<Page['getByRole']>, label: string, option: string) {
  await within.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an area asks for a release; Comunicación Social declines one and converts another; the admin keeps the vedas; Inicio lists what waits; a release’s dossier is exported and verified', async ({ page, drive, snap: fullPage }) => {
  test.setTimeout(300_000);
  const snap = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
    await fullPage(name);
  };
  await completeSetup(page);
  // The starting point through the calls the screens make: an area, an outlet, the people.
  const area = await api<{ id: string }>(page, 'areas.create', { area: { name: CEE, headName: REQUESTER.fullName, headPosition: REQUESTER.position } });
  const outlet = await api<{ id: string }>(page, 'outlets.create', { outlet: { name: 'Radio Oaxaca', kind: 'radio' } });
  await api(page, 'users.create', { fullName: COMMUNICATOR.fullName, position: COMMUNICATOR.position, userName: COMMUNICATOR.userName, roles: ['comunicacion_social'], temporaryPassword: COMMUNICATOR.temporary });
  await api(page, 'users.create', { fullName: REQUESTER.fullName, position: REQUESTER.position, userName: REQUESTER.userName, roles: ['capturista'], temporaryPassword: REQUESTER.temporary, areaId: area.id });
  await api(page, 'users.create', { fullName: LAWYER.fullName, position: LAWYER.position, userName: LAWYER.userName, roles: ['juridico'], temporaryPassword: LAWYER.temporary });

  // 1. A user of the area asks for two releases; a file whose bytes are not what its name says is refused with the core's words.
  await switchUser(page, REQUESTER, true);
  await nav(page, 'Solicitar difusión');
  await expect(page.getByRole('heading', { level: 1, name: 'Solicitudes de difusión' })).toBeVisible();
  await expect(page.getByText('Aún no ha enviado solicitudes.')).toBeVisible();
  await snap('160-solicitudes-vacias');
  await page.getByRole('button', { name: 'Nueva solicitud' }).click();
  let dialog = page.getByRole('dialog', { name: 'Solicitar una difusión' });
  // The user's own area comes chosen.
  await expect(dialog.getByRole('combobox', { name: 'Área que solicita' })).toHaveValue(CEE);
  await dialog.getByRole('textbox', { name: '¿Qué se quiere difundir?' }).fill(WHAT);
  await dialog.getByRole('textbox', { name: '¿Para qué o por qué?' }).fill('Aumentaron 40 % las denuncias de extorsión telefónica en noviembre.');
  await dialog.getByRole('textbox', { name: 'Fecha sugerida de publicación' }).fill('15/01/2027');
  await dialog.getByRole('textbox', { name: 'Fecha sugerida de publicación' }).press('Tab');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'cartel.png', mimeType: 'image/png', buffer: Buffer.from('esto no es una imagen') });
  await dialog.getByRole('button', { name: 'Enviar solicitud' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`«cartel.png»: ${MATERIAL_SIGNATURE_MISMATCH_MESSAGE}`);
  await snap('161-solicitud-archivo-rechazado');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'cartel.png', mimeType: 'image/png', buffer: PNG });
  await dialog.getByRole('button', { name: 'Enviar solicitud' }).click();
  await expect(dialog).toBeHidden();
  const first = page.locator('[data-testid^="my-request-SD-"]');
  await expect(first).toHaveCount(1);
  const folio1 = ((await first.getAttribute('data-testid')) ?? '').replace('my-request-', '');
  expect(folio1).toMatch(/^SD-\d{4}-0001$/);
  const folio2 = folio1.replace(/0001$/, '0002');
  await page.getByRole('button', { name: 'Nueva solicitud' }).click();
  dialog = page.getByRole('dialog', { name: 'Solicitar una difusión' });
  await dialog.getByRole('textbox', { name: '¿Qué se quiere difundir?' }).fill('Horario de atención del 911 durante las fiestas decembrinas.');
  await dialog.getByRole('textbox', { name: '¿Para qué o por qué?' }).fill('Evitar llamadas de broma.');
  await dialog.getByRole('button', { name: 'Enviar solicitud' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`my-request-${folio2}`)).toContainText('Pendiente');
  await expect(page.getByTestId(`my-request-${folio1}`)).toContainText('cartel.png');
  await snap('162-mis-solicitudes');

  // 2. Comunicación Social: Inicio lists the pending requests; the queue; one declined with a reason, after a confirmation.
  await switchUser(page, COMMUNICATOR, true);
  await expect(page.getByTestId('home-release-requests')).toContainText(folio1);
  await expect(page.getByTestId('home-release-requests')).toContainText(folio2);
  await snap('163-inicio-solicitudes-pendientes');
  await nav(page, 'Solicitudes');
  await expect(page.getByRole('heading', { level: 1, name: 'Solicitudes de difusión' })).toBeVisible();
  await expect(page.getByTestId(`queue-${folio1}`)).toContainText(CEE);
  await snap('164-solicitudes-por-atender');
  await page.getByTestId(`queue-${folio2}`).getByRole('button', { name: 'Ver' }).click();
  dialog = page.getByRole('dialog', { name: `Solicitud de difusión ${folio2}` });
  await expect(dialog).toContainText('Evitar llamadas de broma.');
  await snap('165-solicitud-detalle');
  await dialog.getByRole('button', { name: 'Declinar' }).click();
  dialog = page.getByRole('dialog', { name: `Declinar la solicitud ${folio2}` });
  await dialog.getByRole('button', { name: 'Declinar' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Escriba el motivo');
  await dialog.getByRole('textbox', { name: 'Motivo' }).fill(DECLINE_REASON);
  await dialog.getByRole('button', { name: 'Declinar' }).click();
  const confirm = page.getByRole('dialog', { name: `¿Declinar la solicitud ${folio2}?` });
  await expect(confirm).toContainText('Quien la envió verá el motivo.');
  await snap('166-declinar-confirmacion');
  await confirm.getByRole('button', { name: 'Declinar' }).click();
  await expect(page.getByText(`Se declinó la solicitud ${folio2}.`)).toBeVisible();
  await expect(page.getByTestId(`queue-${folio2}`)).toHaveCount(0);

  // ...and the other converted into a release, from a form prefilled with the request.
  await page.getByTestId(`queue-${folio1}`).getByRole('button', { name: 'Ver' }).click();
  await page.getByRole('dialog', { name: `Solicitud de difusión ${folio1}` }).getByRole('button', { name: 'Convertir en difusión' }).click();
  dialog = page.getByRole('dialog', { name: `Convertir la solicitud ${folio1} en difusión` });
  await expect(dialog.getByRole('textbox', { name: 'Título' })).toHaveValue('Campaña contra el fraude telefónico.');
  await expect(dialog.getByRole('textbox', { name: 'Texto' })).toHaveValue(WHAT);
  await expect(dialog.getByRole('textbox', { name: 'Fecha y hora planeadas' })).toHaveValue('15/01/2027 10:00');
  await expect(dialog.getByRole('combobox', { name: 'Área que proporciona la información' })).toHaveValue(CEE);
  await dialog.getByRole('button', { name: 'Crear la difusión' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Elija el tipo de difusión.');
  await choose(page, dialog, 'Tipo de difusión', 'Boletín de prensa');
  await dialog.getByLabel('Canales').click();
  await page.getByRole('option', { name: 'Radio Oaxaca' }).click();
  await dialog.getByRole('textbox', { name: 'Título' }).click();
  await snap('167-convertir-en-difusion');
  await dialog.getByRole('button', { name: 'Crear la difusión' }).click();
  await expect(page).toHaveURL(/#\/comunicacion\/difusiones\/[0-9a-f-]{36}$/);
  const releaseId = /difusiones\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';

  // 3. The requester sees both outcomes.
  await switchUser(page, REQUESTER);
  await nav(page, 'Solicitar difusión');
  await expect(page.getByTestId(`my-request-${folio1}`)).toContainText('Convertida en difusión');
  await expect(page.getByTestId(`my-request-${folio1}`)).toContainText('Comunicación Social la preparó como difusión.');
  await expect(page.getByTestId(`my-request-${folio2}`)).toContainText(`Declinada: ${DECLINE_REASON}`);
  await snap('168-mis-solicitudes-respondidas');

  // 4. The administrator keeps the vedas: one registered, an overlapping one refused with the core's message, another removed after a confirmation.
  await switchUser(page, ADMIN_LOGIN);
  await nav(page, 'Administración');
  await page.getByRole('tab', { name: 'Vedas' }).click();
  await expect(page.getByText('No hay periodos de veda registrados.')).toBeVisible();
  const blackout = async (name: string, from: string, to: string, exceptions: string[]) => {
    await page.getByRole('button', { name: 'Nuevo periodo' }).click();
    const form = page.getByRole('dialog', { name: 'Nuevo periodo de veda' });
    await form.getByRole('textbox', { name: 'Nombre' }).fill(name);
    for (const [label, value] of [['Desde', from], ['Hasta', to]] as const) {
      await form.getByRole('textbox', { name: label }).fill(value);
      await form.getByRole('textbox', { name: label }).press('Tab');
    }
    for (const e of exceptions) await form.getByRole('checkbox', { name: e }).check();
    return form;
  };
  dialog = await blackout('Proceso electoral local 2027', '01/04/2027', '06/06/2027', ['Salud', 'Protección civil en casos de emergencia']);
  await snap('169-nueva-veda');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('blackout-Proceso electoral local 2027')).toContainText('01/04/2027 al 06/06/2027');
  await expect(page.getByTestId('blackout-Proceso electoral local 2027')).toContainText('Protección civil en casos de emergencia');
  dialog = await blackout('Consulta popular', '01/06/2027', '30/06/2027', []);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Las fechas se traslapan con el periodo de veda «Proceso electoral local 2027».');
  await snap('170-veda-traslapada');
  await dialog.getByRole('textbox', { name: 'Desde' }).fill('01/08/2027');
  await dialog.getByRole('textbox', { name: 'Desde' }).press('Tab');
  await dialog.getByRole('textbox', { name: 'Hasta' }).fill('01/08/2027');
  await dialog.getByRole('textbox', { name: 'Hasta' }).press('Tab');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('blackout-Consulta popular').getByRole('button', { name: 'Retirar' }).click();
  const retire = page.getByRole('dialog', { name: '¿Retirar el periodo de veda «Consulta popular»?' });
  await snap('171-retirar-veda');
  await retire.getByRole('button', { name: 'Retirar' }).click();
  await expect(page.getByTestId('blackout-Consulta popular')).toContainText('Retirada');
  await expect(page.getByTestId('blackout-Consulta popular').getByRole('button', { name: 'Retirar' })).toHaveCount(0);
  await snap('172-vedas');

  // 5. The converted release through the core (its screens are another page's): to legal review, which Jurídico sees on Inicio.
  await api(page, 'releases.act', { releaseId, action: 'enviar_a_revision', payload: {} });
  await switchUser(page, LAWYER, true);
  await expect(page.getByTestId('home-releases')).toContainText('Espera revisión jurídica');
  await snap('173-inicio-difusion-espera-juridico');
  const NO = { answer: 'no' };
  await api(page, 'releases.act', { releaseId, action: 'aprobar_revision', payload: { checklist: { datos_personales: NO, victimas_o_menores: NO, investigaciones_en_curso: NO, informacion_reservada: NO }, observations: 'Sin observaciones.' } });

  // The administrator (who did not prepare it) prints, registers the signature, publishes with a capture; an urgent one owes its ratification.
  await switchUser(page, ADMIN_LOGIN);
  await api(page, 'releases.printSheet', { releaseId });
  await api(page, 'releases.act', { releaseId, action: 'autorizar', payload: { signerName: 'Dora García Ruiz', signerPosition: 'Directora General', signedOn: officeTodayIso(), scan: { fileName: 'autorizacion-firmada.pdf', mediaType: 'application/pdf', base64: SCAN.toString('base64') } } });
  await api(page, 'releases.act', { releaseId, action: 'publicar', payload: { channel: { type: 'medio', id: outlet.id }, at: new Date().toISOString(), note: 'Noticiero de las 14:00', capture: { fileName: 'captura.png', mediaType: 'image/png', base64: PNG.toString('base64') } } });
  const urgent = await api<{ release: { id: string; folio: string } }>(page, 'releases.create', {
    content: { kind: 'boletin_prensa', title: 'Cierre de la carretera federal 175 por deslave', body: 'Tome vías alternas.', providingAreaId: area.id, channels: [{ type: 'medio', id: outlet.id }], plannedAt: new Date().toISOString() },
  });
  await api(page, 'releases.act', { releaseId: urgent.release.id, action: 'autorizar_urgente', payload: { authorizedBy: 'Dora García Ruiz', at: new Date().toISOString(), category: 'proteccion_civil', reason: 'Deslave con riesgo para quienes circulan por la carretera.' } });
  await page.reload();
  await expect(page.getByTestId(`release-attention-${urgent.release.folio}`)).toContainText('Difusión urgente pendiente de ratificar');
  await expect(page.getByTestId(`release-attention-${urgent.release.folio}`)).toContainText('ratificar antes del');
  await snap('174-inicio-difusiones');

  // 6. The dossier of the converted release, from its request: written on the drive, verified before it says so.
  await nav(page, 'Solicitudes');
  await page.getByText(/^Todas \(\d+\)$/).click();
  await page.getByTestId(`queue-${folio1}`).getByRole('button', { name: 'Ver' }).click();
  await page.getByRole('dialog', { name: `Solicitud de difusión ${folio1}` }).getByRole('button', { name: 'Exportar expediente' }).click();
  dialog = page.getByRole('dialog', { name: 'Exportar el expediente de la difusión' });
  await dialog.getByRole('button', { name: 'Grabar expediente' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Elija la unidad extraíble donde se grabará el expediente.');
  await dialog.getByRole('combobox', { name: 'Unidad' }).click();
  await page.getByRole('option').first().click();
  await snap('175-exportar-expediente');
  await dialog.getByRole('button', { name: 'Grabar expediente' }).click();
  await expect(dialog.getByTestId('dossier-result')).toContainText('Expediente grabado y verificado');
  await expect(dialog.getByTestId('dossier-result')).toContainText('data/material/cartel.png');
  await snap('176-expediente-grabado');

  const bags = readdirSync(drive).filter((n) => n.startsWith('valija-difusion-'));
  expect(bags).toHaveLength(1);
  const bag = path.join(drive, bags[0] as string);
  const verification = await verifyBag(bag);
  expect(verification.errors).toEqual([]);
  expect(verification.valid).toBe(true);
  expect(readFileSync(path.join(bag, 'data/material/cartel.png'))).toEqual(PNG);
  expect(readFileSync(path.join(bag, 'data/firma/autorizacion-firmada.pdf'))).toEqual(SCAN);
  expect(readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toMatch(/^External-Identifier: CS-\d{4}-0001$/m);
  expect(readFileSync(path.join(bag, 'LEEME.txt'), 'utf8')).toContain('sha256sum -c manifest-sha256.txt');
  const manifest = readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8');
  for (const f of ['data/texto.txt', 'data/revision-juridica.json', 'data/hojas.json', 'data/publicaciones.json', 'data/capturas/captura.png', 'data/historial.csv']) expect(manifest).toContain(f);
});
