import type { ApprovalSheet } from '../../../shared/domain/shipments';
import { AppError } from '../../../shared/errors';
import { formatCivilDate } from '../../../shared/format/date';
import { todayInOffice } from '../agencies/rules';

/**
 * The Director General signs the printed approval sheet by hand (docs/DOMAIN.md,
 * "The signature"): so the sheet must have been printed or saved, and the signature
 * dated no earlier than the day the sheet was generated and no later than
 * today, both as civil days in the office.
 */
export function checkSignature(sheet: ApprovalSheet, printed: boolean, signedOn: string, now: Date): void {
  if (!printed) {
    throw new AppError('SIGNATURE_REFUSED', `La hoja de autorización ${sheet.folio} no se ha impreso ni guardado: imprímala («Formatos» → «Hoja de autorización»), recabe la firma y después regístrela.`);
  }
  const generatedOn = todayInOffice(new Date(sheet.generatedAt));
  const today = todayInOffice(now);
  if (signedOn < generatedOn) {
    throw new AppError('SIGNATURE_REFUSED', `La fecha de la firma (${formatCivilDate(signedOn)}) es anterior a la hoja de autorización, generada el ${formatCivilDate(generatedOn)}: nadie pudo firmarla antes.`);
  }
  if (signedOn > today) {
    throw new AppError('SIGNATURE_REFUSED', `La fecha de la firma (${formatCivilDate(signedOn)}) todavía no llega; hoy es ${formatCivilDate(today)}.`);
  }
}
