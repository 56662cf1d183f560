import { renderRecoverySheet } from '../documents/render-on-demand';
import type { Workspace } from './workspace';

/** The «Hoja de recuperación» of a new recovery code, as base64 for the screen to print once. */
export async function recoverySheetPdf(clock: () => Date, ws: Workspace, recoveryCode: string, createdBy: { fullName: string; position: string }): Promise<string> {
  const office = ws.office.data;
  const pdf = await renderRecoverySheet({
    office: { institution: office.institution, unit: office.unit, acronym: office.acronym, address: office.address, ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) },
    recoveryCode,
    vaultId: ws.meta.data.vaultId,
    createdAt: clock().toISOString(),
    createdBy,
  });
  return pdf.toString('base64');
}
