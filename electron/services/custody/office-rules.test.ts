import { afterEach, describe, expect, it } from 'vitest';
import { sealKey } from '../../../shared/domain/seals';
import { createServices, type Services } from '../app-services';
import { ADMIN, envelopeContent, mediaContent, oficioContent, shipmentIn, testWorld, type TestWorld } from '../test-support/world';
import { parsed } from '../test-support/parsed-inputs';
import { TEST_KDF } from '../vault';
import { CustodyLedger } from './custody-ledger';
import { checkEventTime, findOutOfOrder } from './custody-order';

/**
 * The office rules of docs/DOMAIN.md: what the records must not accept, enforced in the core and
 * explained in Spanish. The world's clock stands at 23/11/2026 12:00 in the
 * office (18:00 UTC).
 */
const opened: Services[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.session.close();
});

async function world(): Promise<TestWorld> {
  const w = await testWorld();
  opened.push(w.s);
  return w;
}

/** A handoff at a time of the office's day (UTC−6). */
function at(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(2026, 10, 23, h + 6, m)).toISOString();
}
const handoff = (time: string, from: string, to: string, seals: string[] = []) => ({ at: at(time), from: { name: from }, to: { name: to, identification: 'INE 42' }, place: 'Ventanilla del C4', purpose: 'Entrega', seals: seals.map((number) => ({ number, intact: true })) });

describe('custody events keep the time order of their chain', () => {
  it('refuses a receipt dated before the dispatch it follows, and one in the future, saying why in Spanish', async () => {
    const w = await world();
    w.clock.now = Date.parse(at('14:00'));
    const s = await shipmentIn(w, 'autorizado', envelopeContent(w, ['C4-S-000123']));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'sellar', parsed.payload('sellar', handoff('12:50', 'José Pérez', 'José Pérez', ['C4-S-000123'])));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'despachar', parsed.payload('despachar', handoff('13:02', 'José Pérez', 'Pedro Gómez')));
    await expect(w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'registrar_acuse', parsed.payload('registrar_acuse', handoff('10:00', 'Pedro Gómez', 'Carlos Núñez')))).rejects.toMatchObject({
      code: 'CUSTODY_OUT_OF_ORDER',
      message: 'La fecha y hora del movimiento (23/11/2026 10:00) es anterior al evento 2 (Entrega a mensajero, 23/11/2026 13:02), al que sigue en la cadena de custodia. Revise la hora; si la del evento 2 está mal, registre una corrección de ese evento.',
    });
    // Beyond the five-minute clock tolerance is the future.
    await expect(w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'registrar_acuse', parsed.payload('registrar_acuse', handoff('14:06', 'Pedro Gómez', 'Carlos Núñez')))).rejects.toMatchObject({ code: 'CUSTODY_OUT_OF_ORDER', message: expect.stringContaining('todavía no llega') });
    expect((await w.s.shipments.queries.get(w.ws, w.clerk, s.id)).custody).toHaveLength(2);
    // A relay that is not a transition obeys the same order.
    await expect(w.s.shipments.custody.record(w.ws, w.clerk, s.id, parsed.custodyEvent({ ...handoff('12:00', 'Pedro Gómez', 'Luis Mora'), type: 'entrega_mensajero' }))).rejects.toMatchObject({ code: 'CUSTODY_OUT_OF_ORDER' });
    // Same minute, or within the tolerance, is fine.
    expect((await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'registrar_acuse', parsed.payload('registrar_acuse', handoff('14:04', 'Pedro Gómez', 'Carlos Núñez')))).state).toBe('entregado');
  });

  it('fixes a wrong time with a correction event: the corrected time counts from then on', async () => {
    const w = await world();
    w.clock.now = Date.parse(at('14:00'));
    const s = await shipmentIn(w, 'autorizado', envelopeContent(w, ['C4-S-7']));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'sellar', parsed.payload('sellar', handoff('08:30', 'José Pérez', 'José Pérez', ['C4-S-7'])));
    const moved = await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'despachar', parsed.payload('despachar', handoff('13:02', 'José Pérez', 'Pedro Gómez')));
    const dispatch = (await w.s.shipments.queries.get(w.ws, w.clerk, moved.id)).custody[1]!;
    // The dispatch really was at 09:00: a correction says so; the original stays as it was.
    await w.s.shipments.custody.record(w.ws, w.clerk, s.id, parsed.custodyEvent({ ...handoff('09:00', 'José Pérez', 'Pedro Gómez'), type: 'entrega_mensajero', corrects: dispatch.id, remarks: 'La entrega fue a las 09:00' }));
    expect((await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'registrar_acuse', parsed.payload('registrar_acuse', handoff('10:00', 'Pedro Gómez', 'Carlos Núñez')))).state).toBe('entregado');
    const events = (await w.s.shipments.queries.get(w.ws, w.clerk, s.id)).custody;
    expect(events.map((e) => e.at)).toEqual([at('08:30'), at('13:02'), at('09:00'), at('10:00')]);
    expect(findOutOfOrder(events)).toEqual([]);
    expect((await w.s.custody.verify(w.ws, w.clerk, s.id)).ok).toBe(true);
  });

  it('checks the order as a pure rule too: corrections may carry another past time that keeps the order', () => {
    const chain = [{ id: 'a', seq: 1, type: 'sellado' as const, at: at('12:00'), corrects: null }];
    const now = new Date(at('13:00'));
    expect(() => checkEventTime(chain, { at: at('11:59'), corrects: null }, now)).toThrow(/anterior al evento 1 \(Sellado, 23\/11\/2026 12:00\)/);
    expect(() => checkEventTime(chain, { at: at('11:00'), corrects: 'a' }, now)).not.toThrow();
    expect(() => checkEventTime(chain, { at: at('13:30'), corrects: 'a' }, now)).toThrow(/todavía no llega/);
    // A correction may not put its event out of order with the ones around it.
    const three = [...chain, { id: 'b', seq: 2, type: 'entrega_mensajero' as const, at: at('12:30'), corrects: null }];
    expect(() => checkEventTime(three, { at: at('12:45'), corrects: 'a' }, now)).toThrow(/quedaría fuera de orden: El evento 2 \(Entrega a mensajero, 23\/11\/2026 12:30\) tiene fecha anterior al evento 1/);
    expect(() => checkEventTime(three, { at: at('12:10'), corrects: 'a' }, now)).not.toThrow();
  });

  it('verification of an existing vault reports an out-of-order pair stored before the rule as a finding', async () => {
    const w = await world();
    w.clock.now = Date.parse(at('14:00'));
    const s = await shipmentIn(w, 'en_transito', oficioContent(w, 'Oficio en tránsito'));
    // Written straight into the ledger, as an older version of Valija did: a receipt at 10:00 after the dispatch at 13:59.
    const ledger = await CustodyLedger.open(w.ws.vault);
    const [last] = await ledger.of(s.id).then((e) => e.slice(-1));
    await ledger.append({ ...last!, id: 'recibo-viejo', type: 'recepcion_destino', at: at('10:00'), transition: null, corrects: null, recordedAt: new Date(w.clock.now).toISOString() }, new Date(w.clock.now));
    await w.s.session.close();

    const again = createServices({ dataDir: w.dir, version: 't', shell: 'harness', kdf: TEST_KDF, clock: () => new Date(w.clock.now) });
    opened.push(again);
    await again.session.signIn(ADMIN.userName, ADMIN.password);
    const { ws, user } = again.session.require();
    const result = await again.custody.verify(ws, user);
    expect(result).toMatchObject({ ok: false, firstBad: null, audit: { ok: true } });
    expect(result.findings).toEqual([
      {
        shipmentId: s.id, folio: s.folio, seq: 3, eventId: 'recibo-viejo',
        reason: 'El evento 3 (Recepción en destino, 23/11/2026 10:00) tiene fecha anterior al evento 2 (Entrega a mensajero, 23/11/2026 13:59), al que sigue. Registre una corrección con la hora correcta.',
      },
    ]);
    const entry = (await ws.audit.list({ offset: 0, limit: 1 })).entries[0];
    expect(entry).toMatchObject({ action: 'custody.verified', details: { resultado: 'con hallazgos', hallazgos: 1 } });
  });
});

describe('a seal number belongs to one shipment', () => {
  it('compares seal numbers as a person reads them', () => {
    expect(sealKey(' c4-s 000123 ')).toBe(sealKey('C4S000123'));
    expect(sealKey('C4–S–000123')).toBe('C4S000123');
    expect(sealKey('C4-S-000124')).not.toBe(sealKey('C4-S-000123'));
  });

  it('refuses a seal already on a delivered shipment, naming its folio, at the draft and at sealing', async () => {
    const w = await world();
    const delivered = await shipmentIn(w, 'entregado', envelopeContent(w, ['C4-S-000123', 'C4-S-000124']));
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelopeContent(w, ['c4 s 000123'], 'Otro envío')))).rejects.toMatchObject({
      code: 'SEAL_IN_USE',
      message: `El sello c4 s 000123 ya está registrado en el envío ${delivered.folio} (Entregado). Cada sello se usa una sola vez: use otro sello o corrija el número.`,
    });
    // An oficio has no recorded seals: the ones placed at sealing are checked the same way.
    const oficio = await shipmentIn(w, 'autorizado', oficioContent(w, 'Oficio con sello'));
    await expect(w.s.shipments.lifecycle.act(w.ws, w.clerk, oficio.id, 'sellar', parsed.payload('sellar', handoff('11:00', 'José Pérez', 'José Pérez', ['C4S000124'])))).rejects.toMatchObject({ code: 'SEAL_IN_USE', message: expect.stringContaining(delivered.folio!) });
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, oficio.id, 'sellar', parsed.payload('sellar', handoff('11:00', 'José Pérez', 'José Pérez', ['C4-O-1'])));
    // ...and once placed, that seal is taken too.
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelopeContent(w, ['c4-o-1'], 'Tercero')))).rejects.toMatchObject({ code: 'SEAL_IN_USE', message: expect.stringContaining(oficio.folio!) });
    // Editing a draft keeps its own seals; taking another draft's is refused, named by its subject while it has no folio.
    const draft = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelopeContent(w, ['C4-S-5'], 'Borrador con sello')));
    expect((await w.s.shipments.lifecycle.update(w.ws, w.clerk, draft.id, parsed.content(envelopeContent(w, ['C4-S-5'], 'Borrador corregido')))).content.subject).toBe('Borrador corregido');
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelopeContent(w, ['C4-S-5'], 'Cuarto')))).rejects.toMatchObject({ message: expect.stringContaining('el envío sin folio «Borrador corregido»') });
  });

  it('frees the seals of a shipment cancelled before it was sealed, not of one cancelled after', async () => {
    const w = await world();
    const cancelled = await shipmentIn(w, 'autorizado', envelopeContent(w, ['C4-S-900']));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, cancelled.id, 'cancelar', parsed.payload('cancelar', { reason: 'Se envió por otro medio' }));
    expect((await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelopeContent(w, ['C4-S-900'], 'Reutiliza el sello sin usar')))).state).toBe('borrador');
    const sealed = await shipmentIn(w, 'sellado', envelopeContent(w, ['C4-S-901']));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, sealed.id, 'cancelar', parsed.payload('cancelar', { reason: 'Se abrió el sobre' }));
    await expect(w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, parsed.content(envelopeContent(w, ['C4-S-901'], 'No')))).rejects.toMatchObject({ code: 'SEAL_IN_USE' });
  });
});

describe("the Director General's signature", () => {
  it('needs the printed sheet and a date between its generation and today', async () => {
    const w = await world();
    const s = await shipmentIn(w, 'por_firmar', envelopeContent(w, ['F-1']));
    const sign = (signedOn: string) => w.s.shipments.lifecycle.act(w.ws, w.clerk2, s.id, 'registrar_firma', parsed.payload('registrar_firma', { signerName: 'Lic. Dora García', signerPosition: 'Directora General', signedOn }));
    await expect(sign('2026-11-23')).rejects.toMatchObject({ code: 'SIGNATURE_REFUSED', message: expect.stringContaining(`La hoja de autorización ${s.folio} no se ha impreso ni guardado`) });
    await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: s.id, form: 'approval' }));
    await expect(sign('2026-11-22')).rejects.toMatchObject({ code: 'SIGNATURE_REFUSED', message: 'La fecha de la firma (22/11/2026) es anterior a la hoja de autorización, generada el 23/11/2026: nadie pudo firmarla antes.' });
    await expect(sign('2026-11-24')).rejects.toMatchObject({ code: 'SIGNATURE_REFUSED', message: 'La fecha de la firma (24/11/2026) todavía no llega; hoy es 23/11/2026.' });
    expect((await w.s.shipments.queries.get(w.ws, w.clerk2, s.id)).shipment.state).toBe('por_firmar');
    // The next day the Director signs: the date of the signature may be any day from the sheet to today.
    w.clock.now += 86_400_000;
    expect((await sign('2026-11-23')).state).toBe('autorizado');
  });

  it('a new sheet after an edit must be printed again', async () => {
    const w = await world();
    const s = await shipmentIn(w, 'autorizado', envelopeContent(w, ['F-2']));
    await w.s.shipments.lifecycle.update(w.ws, w.clerk, s.id, parsed.content(envelopeContent(w, ['F-2'], 'Asunto cambiado')));
    await w.s.shipments.lifecycle.act(w.ws, w.lawyer, s.id, 'aprobar_revision', parsed.payload('aprobar_revision', {}));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'generar_hoja', parsed.payload('generar_hoja', {}));
    await expect(w.s.shipments.lifecycle.act(w.ws, w.clerk2, s.id, 'registrar_firma', parsed.payload('registrar_firma', { signerName: 'Lic. Dora García', signerPosition: 'Directora General', signedOn: '2026-11-23' }))).rejects.toMatchObject({ message: expect.stringContaining('no se ha impreso') });
  });
});

describe('who acts next', () => {
  it('says what a shipment waits for and who may do it, and lists it on Inicio for those people only', async () => {
    const w = await world();
    const director = { ...(await w.s.users.create(w.ws, w.admin, { fullName: 'Dora García', position: 'Directora General', userName: 'dgarcia', roles: ['director'], temporaryPassword: 'Temporal-Inicio-77' })), mustChangePassword: false };
    const s = await shipmentIn(w, 'por_firmar', envelopeContent(w, ['P-1']));
    const forDirector = await w.s.shipments.queries.get(w.ws, director, s.id);
    expect(forDirector.pending).toMatchObject({
      text: 'Imprimir la hoja de autorización, recabar la firma del Director(a) General y registrarla.',
      roles: ['Capturista', 'Administrador', 'Director(a) General'],
      notByPreparer: true,
      // José Pérez prepared it: segregation of duties leaves him out.
      people: ['Dora García', 'Lucía Ruiz', 'María López'],
      you: true,
    });
    expect(forDirector.allowedActions).toEqual(['registrar_firma']);
    expect(forDirector.signer).toEqual({ name: 'Dora García', position: 'Directora General' });
    expect((await w.s.shipments.queries.get(w.ws, w.clerk, s.id)).pending?.you).toBe(false);
    expect((await w.s.shipments.queries.waitingFor(w.ws, director)).map((x) => x.id)).toEqual([s.id]);
    expect(await w.s.shipments.queries.waitingFor(w.ws, w.clerk)).toEqual([]);
    expect(await w.s.shipments.queries.waitingFor(w.ws, w.lawyer)).toEqual([]);
    const review = await shipmentIn(w, 'en_revision_juridica', envelopeContent(w, ['P-2'], 'Para Jurídico'));
    expect(await w.s.shipments.queries.waitingFor(w.ws, w.lawyer)).toMatchObject([{ id: review.id, folio: null, subject: 'Para Jurídico', step: expect.stringContaining('Revisión jurídica') }]);
  });

  it('asks for the media load before sealing a magnetic-media shipment', async () => {
    const w = await world();
    const s = await shipmentIn(w, 'autorizado', mediaContent(w, [{ name: 'a.bin', bytes: Buffer.from('a') }]));
    expect((await w.s.shipments.queries.get(w.ws, w.clerk, s.id)).pending?.text).toMatch(/^Cargar el medio magnético/);
  });
});
