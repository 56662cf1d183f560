/**
 * The office's areas (docs/DOMAIN.md, «Áreas y medios»): the catalogue the
 * administrator keeps of the units that provide information. Who may call
 * each operation is declared per channel in the contract; the rules that
 * depend on the record (a unique name, a head who is an active Valija user,
 * a deactivated area no longer changed nor assigned) are here. Every change
 * is audited.
 */
import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import { foldName, type Area, type ParsedAreaInput } from '../../../shared/domain/areas';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { areasDoc } from '../vault/documents';

type AreasDoc = Low<{ areas: Area[] }>;

export class AreaService {
  constructor(private readonly clock: () => Date) {}

  private open(ws: Workspace): Promise<AreasDoc> {
    // vault.doc hands out one shared instance per name, so no cache is needed here.
    return areasDoc(ws.vault);
  }

  private static find(doc: AreasDoc, areaId: string): Area {
    const area = doc.data.areas.find((a) => a.id === areaId);
    if (!area) throw new AppError('NOT_FOUND', 'El área no existe.');
    return area;
  }

  /** Active areas first, then by name. */
  async list(ws: Workspace): Promise<Area[]> {
    const doc = await this.open(ws);
    return [...doc.data.areas].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'es-MX'));
  }

  async create(ws: Workspace, actor: User, input: ParsedAreaInput): Promise<Area> {
    const doc = await this.open(ws);
    this.check(ws, doc, null, input);
    const area: Area = { id: randomUUID(), ...input, active: true, createdAt: this.clock().toISOString() };
    await doc.update((d) => void d.areas.push(area));
    await ws.audit.record('area.created', actorOf(actor), area.name, this.auditDetails(ws, area));
    return area;
  }

  async update(ws: Workspace, actor: User, areaId: string, input: ParsedAreaInput): Promise<Area> {
    const doc = await this.open(ws);
    const area = AreaService.find(doc, areaId);
    if (!area.active) throw new AppError('CONFLICT', `El área «${area.name}» está dada de baja; ya no se modifica.`);
    this.check(ws, doc, areaId, input);
    const before = area.name;
    await doc.update(() => {
      Object.assign(area, input);
    });
    await ws.audit.record('area.updated', actorOf(actor), area.name, { ...this.auditDetails(ws, area), ...(before !== area.name ? { nombre_anterior: before } : {}) });
    return area;
  }

  /** Its users keep the area in their record (it is history); it is no longer offered nor assignable. */
  async deactivate(ws: Workspace, actor: User, areaId: string): Promise<Area> {
    const doc = await this.open(ws);
    const area = AreaService.find(doc, areaId);
    if (!area.active) return area;
    await doc.update(() => {
      area.active = false;
      area.deactivatedAt = this.clock().toISOString();
    });
    const members = ws.users.data.users.filter((u) => u.active && u.areaId === areaId).length;
    await ws.audit.record('area.deactivated', actorOf(actor), area.name, { usuarios_del_area: members });
    return area;
  }

  /** A user may be put in an area only while it is active (users.create, users.update); answers its name. */
  async assertAssignable(ws: Workspace, areaId: string): Promise<string> {
    const area = AreaService.find(await this.open(ws), areaId);
    if (!area.active) throw new AppError('CONFLICT', `El área «${area.name}» está dada de baja; elija un área activa.`);
    return area.name;
  }

  private check(ws: Workspace, doc: AreasDoc, areaId: string | null, input: ParsedAreaInput): void {
    const clash = doc.data.areas.find((a) => a.id !== areaId && a.active && foldName(a.name) === foldName(input.name));
    if (clash) throw new AppError('CONFLICT', `Ya existe un área activa llamada «${clash.name}».`);
    if (input.headUserId !== null) {
      const head = ws.users.data.users.find((u) => u.id === input.headUserId);
      if (!head) throw new AppError('NOT_FOUND', 'El usuario elegido como titular del área no existe.');
      if (!head.active) throw new AppError('USER_INACTIVE', `El usuario de Valija de ${head.fullName} está dado de baja; no puede ser titular del área.`);
    }
  }

  private auditDetails(ws: Workspace, area: Area): Record<string, string> {
    const head = area.headUserId ? ws.users.data.users.find((u) => u.id === area.headUserId) : undefined;
    return { titular: `${area.headName}, ${area.headPosition}`, usuario_titular: head ? head.userName : 'ninguno' };
  }
}
