import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { ADMIN, previewDrawn, signIn, signOut } from './flows';

export const CLERK = { fullName: 'José Ángel Pérez Núñez', position: 'Capturista', userName: 'jperez', temporary: 'Temporal-Inicio-77', own: 'Clave-Capturista-26' };
export const LAWYER = { fullName: 'Lucía Hernández Mora', position: 'Abogada de la Unidad Jurídica', userName: 'lhernandez', temporary: 'Temporal-Inicio-88', own: 'Clave-Juridico-2026' };

export async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name }).click();
}

export async function createUser(page: Page, user: typeof CLERK, role: string) {
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nuevo usuario' });
  await dialog.getByLabel('Nombre completo').fill(user.fullName);
  await dialog.getByLabel('Cargo').fill(user.position);
  await dialog.getByLabel('Usuario').fill(user.userName);
  await dialog.getByLabel('Capturista').setChecked(role === 'Capturista');
  if (role !== 'Capturista') await dialog.getByLabel(role).check();
  await dialog.getByLabel('Contraseña temporal').fill(user.temporary);
  await dialog.getByRole('button', { name: 'Dar de alta' }).click();
  await expect(page.getByTestId(`user-row-${user.userName}`)).toBeVisible();
}

export async function switchUser(page: Page, user: { userName: string; own: string; temporary?: string }, first = false) {
  await signOut(page);
  await signIn(page, user.userName, first && user.temporary ? user.temporary : user.own);
  if (first && user.temporary) {
    await page.getByLabel('Contraseña actual').fill(user.temporary);
    await page.getByLabel('Nueva contraseña', { exact: true }).fill(user.own);
    await page.getByLabel('Confirme la nueva contraseña').fill(user.own);
    await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
  }
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function openShipment(page: Page, subject: string) {
  await nav(page, 'Envíos');
  await page.getByRole('row').filter({ hasText: subject }).click();
}

export async function act(page: Page, action: string, fill: Record<string, string> = {}) {
  await page.getByTestId('shipment-actions').getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  for (const [label, value] of Object.entries(fill)) {
    const box = dialog.getByRole('textbox', { name: label, exact: true });
    await box.fill(value);
    await box.press('Tab');
  }
  await dialog.getByRole('button', { name: action }).click();
  await expect(dialog).toBeHidden();
}

export const actions = (page: Page) => page.getByTestId('shipment-actions');

/** Today in the office (Mexico City) as `YYYY-MM-DD`: a signature may not be dated before its sheet, which the tests generate today. */
export function officeTodayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
/** The same day as the office writes it, `dd/mm/yyyy`. */
export function officeToday(): string {
  const [y, m, d] = officeTodayIso().split('-');
  return `${d}/${m}/${y}`;
}

/** Prints the approval sheet through the print dialog, as the clerk does before the Director signs it. */
export async function printApprovalSheet(page: Page) {
  await page.getByRole('button', { name: 'Imprimir formatos' }).click();
  const dialog = page.getByRole('dialog', { name: 'Imprimir formato' });
  await dialog.getByRole('button', { name: 'Generar' }).click();
  await previewDrawn(dialog);
  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  await expect(dialog).toBeHidden();
}

/** The administrator registers the recipient agency (CNI, with a current agreement) and the clerk and lawyer who will work the shipments. */
export async function registerAgencyAndStaff(page: Page) {
  await nav(page, 'Dependencias y convenios');
  await page.getByRole('button', { name: 'Nueva dependencia' }).click();
  const agencyDialog = page.getByRole('dialog', { name: 'Nueva dependencia' });
  await agencyDialog.getByRole('textbox', { name: 'Nombre', exact: true }).fill('Centro Nacional de Información');
  await agencyDialog.getByRole('textbox', { name: 'Siglas' }).fill('CNI');
  await agencyDialog.getByRole('combobox', { name: 'Tipo' }).click();
  await page.getByRole('option', { name: 'Federal', exact: true }).click();
  await agencyDialog.getByRole('button', { name: 'Agregar destinatario' }).click();
  await agencyDialog.getByRole('textbox', { name: 'Nombre completo' }).fill('Ing. Ramón Salinas Ortega');
  await agencyDialog.getByRole('textbox', { name: 'Cargo' }).fill('Director de Estadística');
  await agencyDialog.getByRole('button', { name: 'Guardar dependencia' }).click();
  await page.getByRole('button', { name: 'Registrar convenio' }).click();
  const agreement = page.getByRole('dialog', { name: 'Registrar convenio' });
  await agreement.getByLabel('Número de convenio').fill('CNI/C4/2025-01');
  await agreement.getByLabel('Alcance').fill('Estadística de los servicios de emergencia.');
  for (const [label, value] of [['Fecha de firma', '10/01/2025'], ['Vigente desde', '10/01/2025']] as const) {
    await agreement.getByRole('textbox', { name: label }).fill(value);
    await agreement.getByRole('textbox', { name: label }).press('Tab');
  }
  await agreement.getByLabel('Vigencia indefinida').check();
  await agreement.getByRole('button', { name: 'Guardar convenio' }).click();
  await expect(page.getByTestId('agreement-row-CNI/C4/2025-01')).toContainText('Vigente');
  await nav(page, 'Administración');
  await createUser(page, CLERK, 'Capturista');
  await createUser(page, LAWYER, 'Jurídico');

}

interface PartyFill {
  name?: string;
  position?: string;
  institution?: string;
  identification?: string;
}

/**
 * A physical handoff through the custody form (from the shipment page, or at
 * the counter when `within` is given): the parties, the place and any seal
 * found damaged; everything else keeps the form's defaults (now, seals intact).
 */
export async function handoff(page: Page, action: string, fill: { from?: PartyFill; to?: PartyFill; place?: string; courier?: string; damaged?: Record<string, string>; reason?: string }, within?: ReturnType<Page['getByTestId']>) {
  let form = within;
  if (!form) {
    await page.getByTestId('shipment-actions').getByRole('button', { name: action }).click();
    form = page.getByRole('dialog', { name: action });
  }
  if (fill.courier) {
    await form.getByRole('combobox', { name: 'Mensajero registrado' }).click();
    await page.getByRole('option', { name: new RegExp(fill.courier) }).click();
  }
  for (const [side, legend] of [['from', 'Entrega'], ['to', 'Recibe']] as const) {
    const party = fill[side];
    if (!party) continue;
    const group = form.getByRole('group', { name: legend });
    const fields: [keyof PartyFill, string][] = [['name', 'Nombre'], ['position', 'Cargo'], ['institution', 'Institución'], ['identification', 'Identificación que presentó']];
    // Name and place are autocompletes (combobox); the rest plain text boxes.
    for (const [key, label] of fields) if (party[key] !== undefined) await group.getByRole(key === 'name' ? 'combobox' : 'textbox', { name: label }).fill(party[key]);
  }
  if (fill.place !== undefined) await form.getByRole('combobox', { name: 'Lugar' }).fill(fill.place);
  for (const [seal, description] of Object.entries(fill.damaged ?? {})) {
    await form.getByTestId(`seal-${seal}`).getByRole('checkbox', { name: 'Íntegro' }).uncheck();
    await form.getByRole('textbox', { name: `Estado del sello ${seal}` }).fill(description);
  }
  if (fill.reason !== undefined) await form.getByRole('textbox', { name: /^Motivo del/ }).fill(fill.reason);
  await form.getByRole('button', { name: action }).click();
  if (!within) await expect(form).toBeHidden();
}

/** Calls the core the way the screens do (window.api): for setting up a test's starting point quickly. */
export async function api<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([c, i]) => {
      const bridge = (globalThis as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } }).api;
      return bridge.invoke(c as string, i);
    },
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? 'error'}`);
  return result.value as T;
}

/**
 * The starting point: a sealed-envelope shipment authorised by the Director
 * General. Its preparation is clicked through in shipments.spec.ts; here it
 * is set up through the same calls the screens make, as each user in turn.
 */
export async function authorisedEnvelope(
  page: Page,
  options: { subject: string; seals: string[]; stopAt?: 'por_firmar' | 'autorizado'; mediaFiles?: { name: string; size: number; sha256: string }[]; passwordsChanged?: boolean },
): Promise<{ id: string; folio: string }> {
  const as = async (user: { userName: string; own: string; temporary?: string }, once = false) => {
    // The clerk and the lawyer replace their temporary passwords the first time only.
    const first = once && !options.passwordsChanged;
    await api(page, 'session.signOut', {});
    await api(page, 'session.signIn', { userName: user.userName, password: first && user.temporary ? user.temporary : user.own });
    if (first && user.temporary) await api(page, 'session.changePassword', { currentPassword: user.temporary, newPassword: user.own });
  };
  const agencies = await api<{ agency: { id: string; acronym: string; recipients: { id: string }[] } }[]>(page, 'agencies.list', {});
  const cni = agencies.find((a) => a.agency.acronym === 'CNI')?.agency;
  await as(CLERK, true);
  const created = await api<{ id: string }>(page, 'shipments.create', {
    content: {
      channel: 'sobre_cerrado', agencyId: cni?.id, recipientId: cni?.recipients[0]?.id, subject: options.subject, classification: 'reservada', legalBasis: 'Artículo 110, fracción I, LFTAIP',
      inventory: [{ description: 'Informe impreso', type: 'oficio', quantity: 1, sheets: 8 }],
      ...(options.mediaFiles
        ? {
            channel: 'medio_magnetico',
            media: {
              kind: 'USB', brand: 'Kingston', model: 'DataTraveler', serial: 'KT-7781-0042', capacity: '32 GB',
              sanitisation: { method: 'purge', tool: 'nwipe 0.34', date: '2026-11-20', performedBy: 'José Ángel Pérez Núñez', verifiedBy: 'Ing. Sofía Ramírez' },
              files: options.mediaFiles,
            },
          }
        : { envelope: { envelopeSize: 'Oficio', sheets: 8, seals: options.seals, packingNotes: '' } }),
    },
  });
  await api(page, 'shipments.act', { shipmentId: created.id, action: 'enviar_a_revision', payload: {} });
  await as(LAWYER, true);
  await api(page, 'shipments.act', { shipmentId: created.id, action: 'aprobar_revision', payload: {} });
  await as(CLERK);
  const withSheet = await api<{ folio: string }>(page, 'shipments.act', { shipmentId: created.id, action: 'generar_hoja', payload: {} });
  if (options.stopAt === 'por_firmar') return { id: created.id, folio: withSheet.folio };
  await api(page, 'documents.print', { shipmentId: created.id, form: 'approval' });
  await as({ userName: ADMIN.userName, own: ADMIN.password });
  await api(page, 'shipments.act', { shipmentId: created.id, action: 'registrar_firma', payload: { signerName: 'Ing. Enrique Quinto Ceballos', signerPosition: 'Director General', signedOn: officeTodayIso() } });
  return { id: created.id, folio: withSheet.folio };
}

