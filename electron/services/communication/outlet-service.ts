/**
 * Comunicación Social's directory of media outlets (docs/DOMAIN.md, «Áreas y
 * medios»): the radio, television, press, digital media and news agencies
 * releases are sent to (directive 6.1.4, section B), with their contacts.
 * Who may call each operation is declared per channel in the contract; a
 * unique name among active outlets and a deactivated outlet no longer
 * changed are checked here. Every change is audited.
 */
import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import { foldName, OUTLET_KIND_LABELS, type MediaOutlet, type ParsedOutletInput } from '../../../shared/domain/areas';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { countOf } from '../../../shared/format/plural';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { outletsDoc } from '../vault/documents';

type OutletsDoc = Low<{ outlets: MediaOutlet[] }>;

export class OutletService {
  constructor(private readonly clock: () => Date) {}

  private open(ws: Workspace): Promise<OutletsDoc> {
    return outletsDoc(ws.vault);
  }

  private static find(doc: OutletsDoc, outletId: string): MediaOutlet {
    const outlet = doc.data.outlets.find((o) => o.id === outletId);
    if (!outlet) throw new AppError('NOT_FOUND', 'El medio de comunicación no existe.');
    return outlet;
  }

  /** Active outlets first, then by name. */
  async list(ws: Workspace): Promise<MediaOutlet[]> {
    const doc = await this.open(ws);
    return [...doc.data.outlets].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'es-MX'));
  }

  async create(ws: Workspace, actor: User, input: ParsedOutletInput): Promise<MediaOutlet> {
    const doc = await this.open(ws);
    OutletService.checkName(doc, null, input.name);
    const outlet: MediaOutlet = { id: randomUUID(), ...input, active: true, createdAt: this.clock().toISOString() };
    await doc.update((d) => void d.outlets.push(outlet));
    await ws.audit.record('outlet.created', actorOf(actor), outlet.name, OutletService.auditDetails(outlet));
    return outlet;
  }

  async update(ws: Workspace, actor: User, outletId: string, input: ParsedOutletInput): Promise<MediaOutlet> {
    const doc = await this.open(ws);
    const outlet = OutletService.find(doc, outletId);
    if (!outlet.active) throw new AppError('CONFLICT', `El medio «${outlet.name}» está dado de baja; ya no se modifica.`);
    OutletService.checkName(doc, outletId, input.name);
    await doc.update(() => {
      Object.assign(outlet, input);
    });
    await ws.audit.record('outlet.updated', actorOf(actor), outlet.name, OutletService.auditDetails(outlet));
    return outlet;
  }

  async deactivate(ws: Workspace, actor: User, outletId: string): Promise<MediaOutlet> {
    const doc = await this.open(ws);
    const outlet = OutletService.find(doc, outletId);
    if (!outlet.active) return outlet;
    await doc.update(() => {
      outlet.active = false;
      outlet.deactivatedAt = this.clock().toISOString();
    });
    await ws.audit.record('outlet.deactivated', actorOf(actor), outlet.name, { tipo: OUTLET_KIND_LABELS[outlet.kind] });
    return outlet;
  }

  private static checkName(doc: OutletsDoc, outletId: string | null, name: string): void {
    const clash = doc.data.outlets.find((o) => o.id !== outletId && o.active && foldName(o.name) === foldName(name));
    if (clash) throw new AppError('CONFLICT', `Ya está en el directorio un medio activo llamado «${clash.name}».`);
  }

  /** Contacts are named in the audit by name only: their e-mails and phones are in the directory, not in the log. */
  private static auditDetails(outlet: MediaOutlet): Record<string, string> {
    return { tipo: OUTLET_KIND_LABELS[outlet.kind], contactos: countOf(outlet.contacts.length, 'contacto', 'contactos'), nombres: outlet.contacts.map((c) => c.name).join(', ') || 'ninguno' };
  }
}
