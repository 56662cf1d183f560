import { afterEach, describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../../shared/domain/custody';
import { createHandlers, createServices, type Services } from '../app-services';
import { ADMIN as admin, envelopeContent, shipmentIn, testWorld } from '../test-support/world';
import { parsed } from '../test-support/parsed-inputs';
import { dispatch } from '../ipc/dispatch';
import { TEST_KDF } from '../vault';
import { tamperStream } from '../vault/test-support';
import type { CustodyFrame } from './custody-ledger';
import { chainEvent, verifyChain } from './custody-chain';
import { CustodyLedger } from './custody-ledger';

const SEALS = ['S-0001', 'S-0002'];
const opened: Services[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.session.close();
});

function body(n: number, shipmentId = 'sh-1'): Omit<CustodyEvent, 'hash' | 'prevHash'> {
  return {
    id: `ev-${n}`, shipmentId, folio: 'C4/DG/0001/2026', seq: n, type: 'otro', at: '2026-11-23T18:00:00.000Z',
    from: { name: `Entrega ${n}`, position: '', institution: '', identification: '' }, to: { name: `Recibe ${n}`, position: '', institution: '', identification: 'INE' },
    place: 'Ventanilla', purpose: '', seals: [{ number: 'S-1', intact: true, description: '' }], remarks: '', corrects: null, courierId: null,
    transition: null, brokenSeal: false, document: null, recordedBy: { id: 'u', userName: 'u', fullName: 'U' }, recordedAt: '2026-11-23T18:00:00.000Z',
  };
}

function chainOf(count: number): CustodyEvent[] {
  const events: CustodyEvent[] = [];
  for (let n = 1; n <= count; n += 1) events.push(chainEvent(body(n), events.at(-1)));
  return events;
}

describe('custody chain', () => {
  it('links each event to the previous one of its shipment and verifies', () => {
    const events = chainOf(5);
    expect(events[0]?.prevHash).toBe('0'.repeat(64));
    expect(events[3]?.prevHash).toBe(events[2]?.hash);
    expect(verifyChain(events)).toMatchObject({ checked: 5, brk: null, head: events[4]?.hash });
  });

  it('finds an edited field at exactly that event', () => {
    const events = chainOf(5);
    events[2] = { ...events[2]!, to: { ...events[2]!.to, name: 'Otra persona' } };
    expect(verifyChain(events).brk).toMatchObject({ index: 2, reason: expect.stringContaining('alterado') });
  });

  it('finds a removed event and a reordered pair', () => {
    const removed = chainOf(5).filter((_, i) => i !== 1);
    expect(verifyChain(removed).brk).toMatchObject({ index: 1, reason: expect.stringContaining('no sigue al anterior') });
    const swapped = chainOf(5);
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(verifyChain(swapped).brk?.index).toBe(2);
  });
});

/** A sealed envelope authorised by the Director General, ready for its handoffs. */
async function world() {
  const w = await testWorld();
  opened.push(w.s);
  const shipment = await shipmentIn(w, 'autorizado', envelopeContent(w, SEALS));
  const handoff = (from: string, to: string, seals: { number: string; intact: boolean; description?: string }[]) => ({ at: '2026-11-23T17:30:00.000Z', from: { name: from }, to: { name: to, identification: 'INE 99' }, place: 'Ventanilla del C4', purpose: 'Entrega', seals });
  return { ...w, shipment, handoff };
}

describe('custody in the shipment life cycle', () => {
  it('records the physical handoffs as the custody events that move the shipment, flags a broken seal, and accepts corrections', async () => {
    const { s, ws, clerk, shipment, handoff } = await world();
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'sellar', parsed.payload('sellar', handoff('José Pérez', 'José Pérez', SEALS.map((number) => ({ number, intact: true })))));
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'despachar', parsed.payload('despachar', handoff('José Pérez', 'Pedro Gómez', SEALS.map((number) => ({ number, intact: true })))));
    const relay = await s.shipments.custody.record(ws, clerk, shipment.id, parsed.custodyEvent({ ...handoff('Pedro Gómez', 'Luis Mora', []), type: 'entrega_mensajero', remarks: 'Relevo de mensajero' }));
    const received = await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'registrar_acuse', parsed.payload('registrar_acuse', handoff('Luis Mora', 'Carlos Núñez', [{ number: 'S-0001', intact: true }, { number: 'S-0002', intact: false, description: 'Sello rasgado en la solapa' }])));
    expect(received.state).toBe('entregado');
    const correction = await s.shipments.custody.record(ws, clerk, shipment.id, parsed.custodyEvent({ ...handoff('Pedro Gómez', 'Luis Mora Díaz', []), type: 'entrega_mensajero', corrects: relay.id, remarks: 'El nombre completo del mensajero es Luis Mora Díaz' }));
    expect(correction.corrects).toBe(relay.id);

    const detail = await s.shipments.queries.get(ws, clerk, shipment.id);
    expect(detail.custody.map((e) => [e.seq, e.type, e.transition?.to ?? null])).toEqual([
      [1, 'sellado', 'sellado'], [2, 'entrega_mensajero', 'en_transito'], [3, 'entrega_mensajero', null], [4, 'recepcion_destino', 'entregado'], [5, 'entrega_mensajero', null],
    ]);
    expect(detail.brokenSeal).toBe(true);
    expect(detail.custodyHead).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    // the shipment's history points at the events, not at a copy of them
    expect(detail.shipment.history.filter((h) => h.details.eventoCustodia).map((h) => h.action)).toEqual(['sellar', 'despachar', 'registrar_acuse']);
    expect(verifyChain(detail.custody).brk).toBeNull();
    // an event about a seal the shipment never had is refused, and a correction must name an event of this shipment
    await expect(s.shipments.custody.record(ws, clerk, shipment.id, parsed.custodyEvent({ ...handoff('A', 'B', [{ number: 'Z-1', intact: true }]), type: 'otro' }))).rejects.toMatchObject({ code: 'SEALS_MISMATCH' });
    await expect(s.shipments.custody.record(ws, clerk, shipment.id, parsed.custodyEvent({ ...handoff('A', 'B', []), type: 'otro', corrects: 'ev-ajeno' }))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('catches the shipment up from its custody event if the program stopped between the two writes', async () => {
    const { dir, s, ws, clerk, shipment, handoff } = await world();
    // Simulate the crash: append only the event, as the handoff would have, then reopen.
    const ledger = await CustodyLedger.open(ws.vault);
    await ledger.append(
      {
        ...body(0, shipment.id), type: 'sellado', seals: SEALS.map((number) => ({ number, intact: true, description: '' })),
        transition: { action: 'sellar', from: 'autorizado', to: 'sellado' }, recordedBy: { id: clerk.id, userName: clerk.userName, fullName: clerk.fullName },
      },
      new Date(),
    );
    await s.session.close();
    const again = createServices({ dataDir: dir, version: 't', shell: 'harness', kdf: TEST_KDF });
    opened.push(again);
    await again.session.signIn(admin.userName, admin.password);
    const reopened = again.session.require();
    const detail = await again.shipments.queries.get(reopened.ws, reopened.user, shipment.id);
    expect(detail.shipment.state).toBe('sellado');
    expect(detail.custody).toHaveLength(1);
    void handoff;
  });

  it('verification finds an event edited inside the encrypted vault at exactly that event, and the audit log stays checked too', async () => {
    const { dir, s, ws, clerk, shipment, handoff } = await world();
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'sellar', parsed.payload('sellar', handoff('José Pérez', 'José Pérez', SEALS.map((number) => ({ number, intact: true })))));
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'despachar', parsed.payload('despachar', handoff('José Pérez', 'Pedro Gómez', [])));
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'registrar_acuse', parsed.payload('registrar_acuse', handoff('Pedro Gómez', 'Carlos Núñez', [])));
    expect(await s.custody.verify(ws, clerk, shipment.id)).toMatchObject({ ok: true, checked: 3, firstBad: null, head: expect.stringMatching(/^[0-9A-F-]{19}$/) });
    expect(await s.custody.verify(ws, clerk)).toMatchObject({ ok: true, checked: 3, shipments: 1, audit: { ok: true } });

    // Someone with the real key changes who received the package from the courier (same length, re-encrypted).
    const changed = await tamperStream<CustodyFrame>(ws.vault, 'custody-events', (frame) =>
      frame.event.seq === 2 ? { event: { ...frame.event, to: { ...frame.event.to, name: 'Pedro Gámez' } } } : undefined,
    );
    expect(changed).toBe(1);
    await s.session.close();
    const again = createServices({ dataDir: dir, version: 't', shell: 'harness', kdf: TEST_KDF });
    opened.push(again);
    await again.session.signIn(admin.userName, admin.password);
    const { ws: ws2, user } = again.session.require();
    const one = await again.custody.verify(ws2, user, shipment.id);
    expect(one).toMatchObject({ ok: false, firstBad: { shipmentId: shipment.id, folio: shipment.folio, seq: 2, reason: expect.stringContaining('alterado') } });
    expect((await again.custody.verify(ws2, user)).firstBad?.seq).toBe(2);
  });

  it('lists the global log with filters and exports it as CSV that Excel opens with its accents', async () => {
    const { s, ws, clerk, shipment, handoff } = await world();
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'sellar', parsed.payload('sellar', handoff('José Pérez', 'José Pérez', SEALS.map((number) => ({ number, intact: true })))));
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'despachar', parsed.payload('despachar', handoff('José Pérez', 'Pedro Gómez', [])));
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'registrar_acuse', parsed.payload('registrar_acuse', handoff('Pedro Gómez', 'Carlos Núñez', [{ number: 'S-0001', intact: false, description: 'Rasgado, con cinta "nueva"' }])));
    expect((await s.custody.list(ws, clerk, parsed.custodyFilter({}))).items.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect((await s.custody.list(ws, clerk, parsed.custodyFilter({ brokenSealOnly: true }))).items.map((e) => e.type)).toEqual(['recepcion_destino']);
    expect((await s.custody.list(ws, clerk, parsed.custodyFilter({ person: 'gomez' }))).total).toBe(2);
    expect((await s.custody.list(ws, clerk, parsed.custodyFilter({ from: '2026-11-24' }))).total).toBe(0);
    expect((await s.custody.list(ws, clerk, parsed.custodyFilter({ agencyId: 'otra' }))).total).toBe(0);
    const file = await s.custody.exportCsv(ws, clerk, parsed.custodyFilter({}));
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Pedro Gómez');
    expect(text).toContain('Recepción en destino');
    expect(text).toContain('"S-0001 (dañado: Rasgado, con cinta ""nueva"")"');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(file.fileName).toMatch(/^cadena-de-custodia-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('registers couriers, refuses duplicates and lists the usual ones and frequent people first', async () => {
    const { s, ws, clerk, shipment, handoff } = await world();
    const pedro = await s.custody.saveCourier(ws, clerk, undefined, parsed.courier({ kind: 'interno', fullName: 'Pedro Gómez', organisation: 'Mensajería interna', identification: 'Gafete 0042' }));
    await s.custody.saveCourier(ws, clerk, undefined, parsed.courier({ kind: 'externo', fullName: 'Ana Ruiz', organisation: 'Estafeta', identification: 'INE 7788' }));
    await expect(s.custody.saveCourier(ws, clerk, undefined, parsed.courier({ kind: 'interno', fullName: 'pedro gomez', organisation: 'Mensajeria Interna', identification: 'X' }))).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('ya está registrado') });
    // What the schema refuses is refused at the boundary, as a screen would meet it.
    expect(await dispatch(createHandlers(s), 'couriers.save', { courier: { kind: 'interno', fullName: 'Sin identificación', organisation: 'Interna', identification: '' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('identificación') } });
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'sellar', parsed.payload('sellar', handoff('José Pérez', 'José Pérez', SEALS.map((number) => ({ number, intact: true })))));
    await s.shipments.lifecycle.act(ws, clerk, shipment.id, 'despachar', parsed.payload('despachar', { ...handoff('José Pérez', 'Pedro Gómez', []), courierId: pedro.id }));
    await s.custody.noteCourierUse(ws, pedro.id);
    const known = await s.custody.knownParties(ws);
    expect(known.couriers.map((c) => c.fullName)).toEqual(['Pedro Gómez', 'Ana Ruiz']);
    expect(known.parties[0]?.name).toBe('José Pérez');
    expect(known.places).toEqual(['Ventanilla del C4']);
  });
});
