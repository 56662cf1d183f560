import type { Agency } from '../../../shared/domain/agencies';
import type { CustodyEvent } from '../../../shared/domain/custody';
import type { Shipment } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import type { Workspace } from '../accounts/workspace';
import type { FormInputs, FormName } from '../documents/forms';
import type { OfficeInfo } from '../documents/components';
import { type FormContext } from '../shipments/shipment-forms';
import { agenciesDoc } from '../vault/documents';

/**
 * What the media services need to print a shipment's forms outside the
 * print dialog: the same FormContext the print path builds (shipment-forms.ts
 * maps it onto each form), so a form on a drive says exactly what the same
 * form on paper says.
 */

/** Renders a paper form; the app passes the worker pool, tests render in this thread. */
export type FormRenderer = <N extends FormName>(name: N, input: FormInputs[N]) => Promise<Buffer>;

export function officeInfo(ws: Workspace): OfficeInfo {
  const office = ws.office.data;
  return { institution: office.institution, unit: office.unit, acronym: office.acronym, address: office.address, ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) };
}

/**
 * The agencies as the shipment service keeps them. `vault.doc` hands out the
 * one shared instance, so this reads the same data the service writes.
 */
export async function agencyLookup(ws: Workspace): Promise<(id: string) => Agency | null> {
  const doc = await agenciesDoc(ws.vault);
  const byId = new Map(doc.data.agencies.map((a) => [a.id, a]));
  return (id) => byId.get(id) ?? null;
}

export function formContext(ws: Workspace, shipment: Shipment, agency: Agency | null, custody: readonly CustodyEvent[], user: User, now: Date): FormContext {
  return { office: officeInfo(ws), shipment, agency, custody, users: ws.users.data.users, now, printedBy: user };
}

/** The folder name of a shipment on a drive: its folio with «/» as «-» (C4/DG-0042/2026 → C4-DG-0042-2026), else its id. */
export function shipmentFolderName(shipment: Pick<Shipment, 'folio' | 'id'>): string {
  // eslint-disable-next-line no-control-regex -- control characters are not portable in names
  return (shipment.folio ?? shipment.id).replaceAll('/', '-').replace(/[<>:"\\|?*\u0000-\u001f]/g, '_');
}
