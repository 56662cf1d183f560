/**
 * Child process for the shipments crash soak (run with `node --import tsx`):
 *   work <dir> <world.json>   create shipments, move them, record custody events and write
 *                             checkpoints forever, printing "ack ship <id> <rev>" and
 *                             "ack event <id>" only after each save returned
 *   upgrade <dir>             sign in and open the shipments (which upgrades a format-1 vault),
 *                             printing "upgraded" when done
 */
import { readFileSync } from 'node:fs';
import { createServices } from '../../app-services';
import { TEST_KDF } from '../../vault';
import { ADMIN } from '../../test-support/world';
import { parsed } from '../../test-support/parsed-inputs';

const [mode, dir, worldFile] = process.argv.slice(2);
if (!dir) throw new Error('usage: store-crash-child <mode> <dir> [world.json]');
const s = createServices({ dataDir: dir, version: 't', shell: 'harness', kdf: TEST_KDF });
await s.session.signIn(ADMIN.userName, ADMIN.password);
const { ws, user } = s.session.require();
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'upgrade') {
  say('ready');
  await s.shipments.queries.list(ws, user, parsed.filter({}));
  say('upgraded');
  setInterval(() => undefined, 1000);
} else {
  const world = JSON.parse(readFileSync(worldFile as string, 'utf8')) as { agencyId: string; recipientId: string };
  say('ready');
  for (let n = 0; ; n += 1) {
    const draft = await s.shipments.lifecycle.createDraft(ws, user, parsed.content({
      channel: 'oficio', agencyId: world.agencyId, recipientId: world.recipientId, subject: `Envío ${n}`, classification: 'publica',
      coveringOficio: `C4/${n}/2026`, inventory: [{ description: 'Oficio', type: 'oficio', quantity: 1, sheets: 1 }],
    }));
    say(`ack ship ${draft.id} 1`);
    const sent = await s.shipments.lifecycle.act(ws, user, draft.id, 'enviar_a_revision', parsed.payload('enviar_a_revision', {}));
    say(`ack ship ${sent.id} ${sent.rev}`);
    const event = await s.shipments.custody.record(ws, user, draft.id, parsed.custodyEvent({
      type: 'otro', at: new Date(Date.now() - 1000).toISOString(), from: { name: 'José Pérez' }, to: { name: 'Archivo' }, place: 'Oficialía', purpose: 'Resguardo', seals: [], corrects: null,
    }));
    say(`ack event ${event.id}`);
    if (n % 3 === 2) {
      await s.shipments.upkeep.checkpoint(ws);
      await (await s.shipments.custody.view(ws)).ledger.checkpoint();
    }
  }
}
