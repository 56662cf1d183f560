import { describe, expect, it } from 'vitest';
import type { ReleaseRequest } from '../../../../shared/domain/releases';
import { channelOf, conversionDefaults, titleFrom } from './request-conversion';

const request = (over: Partial<ReleaseRequest> = {}): ReleaseRequest => ({
  id: 'r1',
  folio: 'SD-2026-0001',
  state: 'pendiente',
  areaId: 'area-red',
  what: 'Campaña de prevención del fraude telefónico. Incluye el cartel y el audio para radio.\nSegunda línea.',
  why: 'Aumentaron las denuncias.',
  suggestedOn: '2026-12-05',
  materials: [],
  requestedBy: { id: 'u', userName: 'u', fullName: 'U' },
  requestedAt: '2026-11-23T18:00:00Z',
  releaseId: null,
  declineReason: null,
  decidedBy: null,
  decidedAt: null,
  ...over,
});

describe('converting a request', () => {
  it('starts from the request: its first sentence as title, its words as text, its area and suggested day at 10:00', () => {
    expect(conversionDefaults(request())).toEqual({
      kind: null,
      title: 'Campaña de prevención del fraude telefónico.',
      body: 'Campaña de prevención del fraude telefónico. Incluye el cartel y el audio para radio.\nSegunda línea.',
      areaId: 'area-red',
      plannedAt: '05/12/2026 10:00',
      channels: [],
    });
  });

  it('without a suggested day, plans it a day from now in office time', () => {
    expect(conversionDefaults(request({ suggestedOn: null }), new Date('2026-11-23T18:30:00Z')).plannedAt).toBe('24/11/2026 12:30');
  });

  it('cuts a long title and reads channel values back', () => {
    expect(titleFrom('x'.repeat(300))).toHaveLength(118);
    expect(channelOf('medio:radio-1')).toEqual({ type: 'medio', id: 'radio-1' });
    expect(channelOf('cuenta:a:b')).toEqual({ type: 'cuenta', id: 'a:b' });
  });
});
