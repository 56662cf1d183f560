import type { ReleaseChannel, ReleaseKind, ReleaseRequest } from '../../../../shared/domain/releases';
import { nowInOffice } from '../../forms/office-datetime';

/** What the «Convertir en difusión» form starts from: the request's words, area, date and material. */
export interface ConversionValues {
  kind: ReleaseKind | null;
  title: string;
  body: string;
  areaId: string | null;
  /** «dd/mm/aaaa hh:mm», office time */
  plannedAt: string;
  /** `cuenta:<id>` or `medio:<id>` */
  channels: string[];
}

/** Where the release a request becomes is shown (Comunicación Social → Difusiones). */
export function releasePath(releaseId: string): string {
  return `/comunicacion/difusiones/${releaseId}`;
}

/** The first line (or sentence) of what was asked, as a title of at most 120 characters. */
export function titleFrom(what: string): string {
  const first = what.trim().split(/\r?\n/)[0]?.trim() ?? '';
  const sentence = /^(.{10,}?[.!?])\s/.exec(first)?.[1] ?? first;
  return sentence.length > 120 ? `${sentence.slice(0, 117).trimEnd()}…` : sentence;
}

export function conversionDefaults(request: ReleaseRequest, now = new Date()): ConversionValues {
  const [d, m, y] = [request.suggestedOn?.slice(8, 10), request.suggestedOn?.slice(5, 7), request.suggestedOn?.slice(0, 4)];
  return {
    kind: null,
    title: titleFrom(request.what),
    body: request.what.trim(),
    areaId: request.areaId,
    // The suggested day at 10:00; with none, a day's notice from now.
    plannedAt: request.suggestedOn ? `${d}/${m}/${y} 10:00` : nowInOffice(new Date(now.getTime() + 86_400_000)),
    channels: [],
  };
}

export function channelOf(value: string): ReleaseChannel {
  const [type, ...rest] = value.split(':');
  return { type: type === 'medio' ? 'medio' : 'cuenta', id: rest.join(':') };
}
