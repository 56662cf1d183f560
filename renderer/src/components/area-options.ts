import type { Area } from '../../../shared/domain/areas';

/** The areas a person may be put in (active ones), plus the one they already belong to even if it was deactivated. */
export function areaOptions(areas: readonly Area[], current: string | null): { value: string; label: string }[] {
  return areas.filter((a) => a.active || a.id === current).map((a) => ({ value: a.id, label: a.active ? a.name : `${a.name} (dada de baja)` }));
}

/** How a person's area reads in a list: its name, «—» for none. */
export function areaName(areas: readonly Area[], areaId: string | null | undefined): string {
  if (!areaId) return '—';
  const area = areas.find((a) => a.id === areaId);
  return area ? (area.active ? area.name : `${area.name} (dada de baja)`) : '—';
}
