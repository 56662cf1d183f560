/**
 * Releases as the annual programme's calendar and its planned-versus-done
 * report count them (programme-service's `ReleaseCalendarSource`): those
 * planned or published on the civil days asked for, in the office's time
 * zone. A cancelled release is no longer planned, so it is left out.
 */
import type { ProgrammeReleaseKind } from '../../../shared/domain/programme';
import type { Release, ReleaseKind } from '../../../shared/domain/releases';
import { todayInOffice } from '../agencies/rules/civil-date';
import type { ReleaseCalendarEntry } from './programme-service';

/** The programme's goals count by their own kinds (from the SLP 2021 programme); a release's kind maps onto one. */
export const PROGRAMME_KIND_OF: Record<ReleaseKind, ProgrammeReleaseKind> = {
  boletin_prensa: 'boletin',
  postura_institucional: 'postura',
  campana_medios: 'campana',
  redes_sociales: 'redes',
  sitio_web: 'otro',
};

export function calendarEntries(releases: readonly Release[], from: string, to: string): ReleaseCalendarEntry[] {
  const within = (at: string | null) => at !== null && todayInOffice(new Date(at)) >= from && todayInOffice(new Date(at)) <= to;
  return releases
    .filter((r) => r.state !== 'cancelada')
    .map((r) => {
      const first = [...r.publications].sort((a, b) => a.at.localeCompare(b.at))[0];
      return { id: r.id, folio: r.folio, title: r.title, kind: PROGRAMME_KIND_OF[r.kind], plannedAt: r.plannedAt, publishedAt: first?.at ?? null, state: r.state };
    })
    .filter((e) => within(e.plannedAt) || within(e.publishedAt))
    .sort((a, b) => (a.publishedAt ?? a.plannedAt ?? '').localeCompare(b.publishedAt ?? b.plannedAt ?? ''));
}
