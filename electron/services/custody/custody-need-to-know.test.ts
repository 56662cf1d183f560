import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/users';
import { envelopeContent, shipmentIn, testWorld, type TestWorld } from '../test-support/world';
import { parsed } from '../test-support/parsed-inputs';

let world: TestWorld | null = null;
afterEach(async () => {
  await world?.s.session.close();
  world = null;
});

const csvOf = (file: { base64: string }) => Buffer.from(file.base64, 'base64').toString('utf8');

describe('need-to-know in the custody log, on a real vault', () => {
  it('lists every handoff to everyone but withholds the content of shipments the viewer may not read; verification covers every chain', async () => {
    const w = (world = await testWorld());
    const reserved = await shipmentIn(w, 'entregado', { ...envelopeContent(w, ['R-0001'], 'Informe de inteligencia sobre el penal'), classification: 'reservada', legalBasis: 'Art. 110 fracc. I LFTAIP' });
    const confidential = await shipmentIn(w, 'sellado', { ...envelopeContent(w, ['C-0001'], 'Datos personales de víctimas'), classification: 'confidencial', legalBasis: 'Art. 113 LFTAIP' });
    const open = await shipmentIn(w, 'sellado', envelopeContent(w, ['P-0001'], 'Estadística mensual de llamadas'));
    expect([reserved.state, confidential.state, open.state]).toEqual(['entregado', 'sellado', 'sellado']);

    // Lucía prepared none of them: every event is listed, the classified subjects are not.
    const lucia = w.clerk2;
    const page = await w.s.custody.list(w.ws, lucia, parsed.custodyFilter({}));
    expect(page.total).toBe(5);
    const subjectOf = (id: string) => [...new Set(page.items.filter((e) => e.shipmentId === id).map((e) => e.subject))];
    expect(subjectOf(reserved.id)).toEqual(['Contenido reservado']);
    expect(subjectOf(confidential.id)).toEqual(['Contenido confidencial']);
    expect(subjectOf(open.id)).toEqual(['Estadística mensual de llamadas']);
    // The register of handoffs itself stays whole: folio, parties, times, seals, hashes.
    const delivered = page.items.find((e) => e.shipmentId === reserved.id && e.type === 'recepcion_destino')!;
    expect(delivered).toMatchObject({ folio: reserved.folio, from: { name: 'Pedro Gómez' }, to: { name: 'Carlos Núñez' }, agencyAcronym: 'CNI' });
    expect(delivered.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(page.items)).not.toContain('inteligencia');
    expect(JSON.stringify(page.items)).not.toContain('víctimas');

    // The preparer and legal read them.
    const ownView = await w.s.custody.list(w.ws, w.clerk, parsed.custodyFilter({ shipmentId: reserved.id }));
    expect(new Set(ownView.items.map((e) => e.subject))).toEqual(new Set(['Informe de inteligencia sobre el penal']));
    expect((await w.s.custody.list(w.ws, w.lawyer, parsed.custodyFilter({ shipmentId: confidential.id }))).items[0]?.subject).toBe('Datos personales de víctimas');

    // The CSV she exports: every event, no classified subject.
    const csv = csvOf(await w.s.custody.exportCsv(w.ws, lucia, parsed.custodyFilter({})));
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(6);
    expect(csv).toContain('Contenido reservado');
    expect(csv).toContain('Contenido confidencial');
    expect(csv).toContain('Estadística mensual de llamadas');
    expect(csv).not.toContain('inteligencia');
    expect(csv).not.toContain('víctimas');
    expect(csv).toContain(reserved.folio!);

    // Verification, which shows no content, walks every chain for her too.
    expect(await w.s.custody.verify(w.ws, lucia)).toMatchObject({ ok: true, checked: 5, shipments: 3, firstBad: null, audit: { ok: true } });
    expect(await w.s.custody.verify(w.ws, lucia, reserved.id)).toMatchObject({ ok: true, checked: 3, head: expect.stringMatching(/^[0-9A-F-]{19}$/) });

    // Granted reservada by name, she reads that subject, still not the confidential one.
    await w.s.users.setReadGrants(w.ws, w.admin, lucia.id, ['reservada']);
    const granted = w.ws.users.data.users.find((u) => u.id === lucia.id) as User;
    const after = await w.s.custody.list(w.ws, granted, parsed.custodyFilter({}));
    expect(new Set(after.items.filter((e) => e.shipmentId === reserved.id).map((e) => e.subject))).toEqual(new Set(['Informe de inteligencia sobre el penal']));
    expect(new Set(after.items.filter((e) => e.shipmentId === confidential.id).map((e) => e.subject))).toEqual(new Set(['Contenido confidencial']));
  });
});
