import { describe, expect, it } from 'vitest';
import { actionLabel, actionPayload, emptyChecklist, mayPrintSheet, offeredActions } from './release-actions';

describe('release actions on the detail page', () => {
  it('offers exactly what the state machine allows, the urgent path and the cancellation last', () => {
    expect(offeredActions({ actions: ['cancelar', 'autorizar_urgente', 'enviar_a_validacion'] })).toEqual(['enviar_a_validacion', 'autorizar_urgente', 'cancelar']);
    expect(offeredActions({ actions: [] })).toEqual([]);
    expect(actionLabel('autorizar_urgente')).toBe('Publicar con autorización verbal');
    expect(actionLabel('validar_area')).toBe('Validar y aprobar por el área');
  });

  it('prints the sheet for Comunicación Social once legal approved it, or on the urgent path once legal ratified', () => {
    const urgent = (reviewedAt: string | null, ratifiedAt: string | null) => ({ reviewedAt, ratifiedAt }) as never;
    expect(mayPrintSheet({ state: 'por_autorizar', urgent: null }, ['comunicacion_social'])).toBe(true);
    expect(mayPrintSheet({ state: 'por_autorizar', urgent: null }, ['juridico', 'director'])).toBe(false);
    expect(mayPrintSheet({ state: 'en_revision_juridica', urgent: null }, ['administrador'])).toBe(false);
    expect(mayPrintSheet({ state: 'publicada', urgent: urgent(null, null) }, ['comunicacion_social'])).toBe(false);
    expect(mayPrintSheet({ state: 'publicada', urgent: urgent('2026-11-24T16:00:00Z', null) }, ['comunicacion_social'])).toBe(true);
    expect(mayPrintSheet({ state: 'publicada', urgent: urgent('2026-11-24T16:00:00Z', '2026-11-24T18:00:00Z') }, ['comunicacion_social'])).toBe(false);
  });

  it('builds the payload of each step, and asks for what is required before sending', () => {
    const values = (text: Record<string, string>) => ({ text, checklist: emptyChecklist() });
    expect(actionPayload('devolver', values({})).errors).toEqual({ observations: 'Escriba las observaciones para Comunicación Social.' });
    expect(actionPayload('devolver', values({ observations: ' Corrija el texto. ' })).payload).toEqual({ observations: 'Corrija el texto.' });
    expect(actionPayload('aprobar_revision', values({})).errors).toEqual({
      'checklist.datos_personales': 'Responda «sí» o «no».',
      'checklist.victimas_o_menores': 'Responda «sí» o «no».',
      'checklist.investigaciones_en_curso': 'Responda «sí» o «no».',
      'checklist.informacion_reservada': 'Responda «sí» o «no».',
    });
    const checklist = emptyChecklist();
    for (const c of Object.keys(checklist) as (keyof typeof checklist)[]) checklist[c] = { answer: 'no', note: '' };
    checklist.datos_personales = { answer: 'si', note: ' Se retiró el nombre. ' };
    expect(actionPayload('aprobar_revision', { text: {}, checklist }).payload).toMatchObject({ checklist: { datos_personales: { answer: 'si', note: 'Se retiró el nombre.' }, informacion_reservada: { answer: 'no', note: '' } }, observations: '' });
    expect(actionPayload('publicar', values({ channel: 'cuenta:acc-1', at: '24/11/2026 10:05', url: 'https://x.com/C4/1' })).payload).toEqual({ channel: { type: 'cuenta', id: 'acc-1' }, at: '2026-11-24T16:05:00.000Z', url: 'https://x.com/C4/1', note: '' });
    expect(actionPayload('publicar', values({ channel: 'medio:r', at: 'ayer' })).errors).toEqual({ at: 'Escriba la fecha y la hora como dd/mm/aaaa hh:mm.' });
  });

  it('sends «now» (the current minute) as the instant itself, so a step taken seconds after the last is not earlier than it', () => {
    const now = new Date('2026-11-24T16:05:42.500Z');
    expect(actionPayload('autorizar_urgente', { text: { authorizedBy: 'Mtro. Héctor Ruiz', at: '24/11/2026 10:05', category: 'emergencia', reason: 'Inundación en curso.' }, checklist: emptyChecklist() }, now).payload).toMatchObject({ at: '2026-11-24T16:05:42.500Z' });
    expect(actionPayload('autorizar_urgente', { text: { authorizedBy: 'Mtro. Héctor Ruiz', at: '24/11/2026 09:50', category: 'emergencia', reason: 'Inundación en curso.' }, checklist: emptyChecklist() }, now).payload).toMatchObject({ at: '2026-11-24T15:50:00.000Z' });
  });
});
