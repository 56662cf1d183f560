/**
 * Rendering in this thread, with react-pdf loaded only when a form is first
 * rendered here. The main process prints through the worker (render-pool),
 * so it never pays for react-pdf's modules (about 50 MB of memory) unless the
 * worker cannot start; tests and the harness render here and load it then.
 */
import type { FormInputs, FormName } from './forms';
import type { RecoverySheetInput } from './forms/recovery-sheet';

export async function renderForm<N extends FormName>(name: N, input: FormInputs[N]): Promise<Buffer> {
  const forms = await import('./forms');
  return forms.renderForm(name, input);
}

export async function renderRecoverySheet(input: RecoverySheetInput): Promise<Buffer> {
  const sheet = await import('./forms/recovery-sheet');
  return sheet.renderRecoverySheet(input);
}
