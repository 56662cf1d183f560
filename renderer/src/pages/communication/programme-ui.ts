/**
 * What the programme's pages share that is not a component: who may change
 * it, the office's current year and month, the month choices and the
 * confirmation before removing something.
 */
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { MONTH_NAMES } from '../../../../shared/domain/programme';
import type { Role } from '../../../../shared/domain/roles';
import { COMMUNICATION } from '../../../../shared/ipc/access';
import { errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { officeTodayIso } from './account-form-values';

/** The Director reads the programme; only Comunicación Social and the administrator change it (the core refuses the rest anyway). */
export function mayChangeProgramme(roles: readonly Role[]): boolean {
  return COMMUNICATION.some((r) => roles.includes(r));
}

export function officeYearMonth(now = new Date()): { year: number; month: number } {
  const [y, m] = officeTodayIso(now).split('-').map(Number) as [number, number];
  return { year: y, month: m };
}

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

export const MONTH_OPTIONS = MONTH_NAMES.map((name, i) => ({ value: String(i + 1), label: capital(name) }));

export function monthLabel(month: number): string {
  return capital(MONTH_NAMES[month - 1] ?? '');
}

/** Asks before removing; the core call runs only on «Eliminar». */
export function confirmRemoval(title: string, text: string, remove: () => Promise<unknown>, done: () => void): void {
  modals.openConfirmModal({
    title,
    children: text,
    labels: { confirm: 'Eliminar', cancel: 'Cancelar' },
    confirmProps: { color: 'red' },
    onConfirm: () => {
      remove().then(done, (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }));
    },
  });
}

/** Runs a download from the core and saves it; a refusal is shown, not thrown. */
export async function saveDownload(fetch: () => Promise<{ fileName: string; mediaType: string; base64: string }>): Promise<void> {
  try {
    const file = await fetch();
    downloadBase64(file.fileName, file.mediaType, file.base64);
  } catch (e) {
    notifications.show({ color: 'red', message: errorMessage(e) });
  }
}
