/**
 * How `format1-vault/` was made (kept out of typecheck and lint: it imports the old code it ran with): this script, run with the code of the last
 * format-1 release (commit 2bb3ce4, before revisions became changes):
 *
 *   git worktree add /tmp/format1 2bb3ce4 && cp this file there
 *   npx tsx make-format1-vault.ts <out-dir>
 *
 * It writes a small vault through the real services of that version and
 * `expected.json`: what the upgraded vault must still hold. It cannot run
 * against today's code (which writes format 2); it is kept as the record of
 * how the fixture came to be.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from './electron/services/integrity/canonical-json';
import { ShipmentStore } from './electron/services/shipments/shipment-store';
import { envelopeContent, mediaContent, oficioContent, shipmentIn, testWorld } from './electron/services/test-support/world';
import { parsed } from '../../test-support/parsed-inputs';

const out = path.resolve(process.argv[2] ?? 'format1-vault');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const vaultDir = path.join(out, 'vault');

const w = await testWorld(Date.parse('2026-10-20T16:00:00Z'), vaultDir);
const tick = (minutes: number) => (w.clock.now += minutes * 60_000);
const payload = (place: string, from: string, to: string, seals: Array<{ number: string; intact: boolean }> = []) => ({
  at: new Date(w.clock.now - 60_000).toISOString(),
  from: { name: from },
  to: { name: to, identification: 'INE 1234' },
  place,
  purpose: 'Entrega del envío',
  seals,
});

// October: one oficio delivered, with a relay between couriers.
const a = await shipmentIn(w, 'autorizado', oficioContent(w, 'Informe de incidencia delictiva de septiembre'));
tick(5);
await w.s.shipments.lifecycle.act(w.ws, w.clerk, a.id, 'sellar', payload('Oficialía del C4', 'José Pérez', 'José Pérez'));
tick(5);
await w.s.shipments.lifecycle.act(w.ws, w.clerk, a.id, 'despachar', payload('Ventanilla del C4', 'José Pérez', 'Pedro Gómez'));
tick(30);
await w.s.shipments.custody.record(w.ws, w.clerk, a.id, { ...payload('Caseta de vigilancia', 'Pedro Gómez', 'Luis Mora'), type: 'entrega_mensajero', corrects: null });
tick(30);
await w.s.shipments.lifecycle.act(w.ws, w.clerk, a.id, 'registrar_acuse', payload('Oficialía de partes del CNI', 'Luis Mora', 'Carlos Núñez'));

// A sealed envelope delivered, and a draft left as it is.
tick(60);
const seals = ['C4-S-000123', 'C4-S-000124'];
const intact = seals.map((number) => ({ number, intact: true }));
const b = await shipmentIn(w, 'autorizado', envelopeContent(w, seals, 'Estadística de llamadas 911'));
await w.s.shipments.lifecycle.act(w.ws, w.clerk, b.id, 'sellar', payload('Oficialía del C4', 'José Pérez', 'José Pérez', intact));
tick(5);
await w.s.shipments.lifecycle.act(w.ws, w.clerk, b.id, 'despachar', payload('Ventanilla del C4', 'José Pérez', 'Pedro Gómez', intact));
tick(5);
await w.s.shipments.lifecycle.act(w.ws, w.clerk, b.id, 'registrar_acuse', payload('Oficialía de partes del CNI', 'Pedro Gómez', 'Carlos Núñez', intact));
tick(10);
const draft = await shipmentIn(w, 'borrador', oficioContent(w, 'Borrador sin enviar'));

// November: returned by legal once, then signed; edited after the sheet (voids it), signed again.
w.clock.now = Date.parse('2026-11-05T17:00:00Z');
let c = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, oficioContent(w, 'Solicitud de videos de cámaras'));
c = await w.s.shipments.lifecycle.act(w.ws, w.clerk, c.id, 'enviar_a_revision', {});
tick(5);
c = await w.s.shipments.lifecycle.act(w.ws, w.lawyer, c.id, 'devolver', { observations: 'Falta el fundamento legal.' });
tick(5);
c = await w.s.shipments.lifecycle.update(w.ws, w.clerk, c.id, { ...oficioContent(w, 'Solicitud de videos de cámaras'), legalBasis: 'Art. 113 fracc. V LFTAIP' });
c = await w.s.shipments.lifecycle.act(w.ws, w.clerk, c.id, 'enviar_a_revision', {});
c = await w.s.shipments.lifecycle.act(w.ws, w.lawyer, c.id, 'aprobar_revision', {});
c = await w.s.shipments.lifecycle.act(w.ws, w.clerk, c.id, 'generar_hoja', {});
await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: c.id, form: 'approval' }));
tick(5);
c = await w.s.shipments.lifecycle.update(w.ws, w.clerk, c.id, { ...oficioContent(w, 'Solicitud de videos de cámaras (corregida)'), legalBasis: 'Art. 113 fracc. V LFTAIP' });
c = await w.s.shipments.lifecycle.act(w.ws, w.lawyer, c.id, 'aprobar_revision', {});
c = await w.s.shipments.lifecycle.act(w.ws, w.clerk, c.id, 'generar_hoja', {});
c = await w.s.shipments.lifecycle.act(w.ws, w.clerk2, c.id, 'registrar_firma', { signerName: 'Lic. Dora García', signerPosition: 'Directora General', signedOn: '2026-11-05' });

// A cancelled one and a magnetic-media one reviewed.
tick(20);
const e = await shipmentIn(w, 'en_revision_juridica', oficioContent(w, 'Envío que se cancela'));
await w.s.shipments.lifecycle.act(w.ws, w.clerk, e.id, 'cancelar', { reason: 'Se duplicó con otro envío.' });
tick(20);
await shipmentIn(w, 'revisado', mediaContent(w, [{ name: 'video.mp4', bytes: Buffer.from('video') }]));

const sha = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');
const shipments = [];
const view = await w.s.shipments.custody.view(w.ws);
const store = await ShipmentStore.open(w.ws.vault);
for (const summary of (await w.s.shipments.queries.list(w.ws, w.admin, parsed.filter({ limit: 100 }))).items) {
  const detail = await w.s.shipments.queries.get(w.ws, w.admin, summary.id);
  const s = detail.shipment;
  shipments.push({
    id: s.id,
    folio: s.folio,
    state: s.state,
    rev: s.rev,
    digest: s.digest,
    historyEntries: s.history.length,
    sheets: s.sheets.map((x) => ({ version: x.version, digest: x.digest, voided: x.voidedAt !== null })),
    custodyEvents: detail.custody.length,
    custodyHead: detail.custodyHead,
    shipmentSha256: sha(s),
    revisionSha256: (await store.revisions(s.id)).map(sha),
  });
}
const audit = await w.ws.audit.verify();
writeFileSync(
  path.join(out, 'expected.json'),
  JSON.stringify({ madeWith: '2bb3ce4', adminUserName: 'mlopez', adminPassword: 'Valija-Segura-2026', draftId: draft.id, shipments, custodyEvents: view.ledger.size, auditEntries: audit.checked }, null, 2),
);
await w.s.session.close();
console.log(`wrote ${out}: ${shipments.length} shipments, ${view.ledger.size} custody events, ${audit.checked} audit entries`);
