import type { AccountView } from '../../shared/domain/social-accounts';
import { expect, test } from './support/fixtures';
import { completeSetup } from './support/flows';
import { api, nav } from './support/shipment-flows';

/** The day `months` before today in the office's zone, as `yyyy-mm-dd` (day clamped to 28 so every month has it). */
function monthsAgoIso(months: number): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1 - months, Math.min(d, 28)));
  return at.toISOString().slice(0, 10);
}

test('the administrator sets how often accounts are revalidated, and an account past the new period goes «En revisión» and to Inicio', async ({ page, snap }) => {
  await completeSetup(page);
  // Validated four months ago: within the default six months, past a period of three.
  await api<AccountView>(page, 'socialAccounts.create', { account: { network: 'youtube', handle: 'C4OaxacaTV', url: 'https://www.youtube.com/@C4OaxacaTV', kind: 'oficial', area: 'Comunicación Social', addedOn: monthsAgoIso(4) } });
  await nav(page, 'Cuentas');
  await expect(page.getByTestId('account-row-C4OaxacaTV')).toContainText('Activa');

  await nav(page, 'Administración');
  await page.getByRole('tab', { name: 'Plazos' }).click();
  const months = page.getByLabel('Meses tras la última validación para que una cuenta pase a «En revisión»');
  await expect(months).toHaveValue('6');
  const card = months.locator('xpath=ancestor::div[contains(@class,"mantine-Card-root")]');
  // Nonsense is refused with its reason and nothing changes.
  await months.fill('');
  await card.getByRole('button', { name: 'Guardar' }).click();
  await expect(card).toContainText('La revalidación de cuentas debe ser de al menos 1 mes.');
  await months.fill('3');
  await card.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Las cuentas se revalidarán cada 3 meses.')).toBeVisible();
  await expect(page.getByLabel('Días tras la fecha planeada en que vence una difusión autorizada y no publicada')).toHaveValue('3');
  await snap('126-plazos');

  await nav(page, 'Cuentas');
  await expect(page.getByTestId('account-row-C4OaxacaTV')).toContainText('En revisión');
  await nav(page, 'Inicio');
  await expect(page.getByTestId('home-social-accounts')).toContainText('C4OaxacaTV');
});
