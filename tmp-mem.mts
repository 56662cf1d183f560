import { randomUUID, randomBytes, createHash } from 'node:crypto';
import { writeFileSync, readFileSync } from 'node:fs';
import { encodeEncryptedJson, encryptedJsonDecoder } from '/work/main/electron/services/vault/encrypted-json';
import { fold, rowsToColumns, rowsFromColumns } from '/work/main/electron/services/shipments/shipment-rows';
const mb = (n: number) => Math.round(n / 1048576);
const key = randomBytes(32);
if (process.argv[2] === 'write') {
  const words = ['Videos de cámaras de vigilancia','Estadística mensual de incidencia delictiva','Extorsión telefónica reportada','Llamadas al 911 del periodo','Informe de incidencias'];
  const people = Array.from({ length: 40 }, () => randomUUID());
  const rows: any[] = [];
  for (let i = 0; i < 100000; i++) {
    const subject = `${words[i % 5]} número ${i} del área de análisis ${i % 97}`;
    const created = new Date(Date.UTC(2017, 0, 1) + i * 3.1e6).toISOString();
    const folio = `C4/DG/${String(i % 9999).padStart(4, '0')}/${2017 + Math.floor(i / 10000)}`;
    const d = createHash('sha256').update(String(i)).digest('hex');
    rows.push({ id: randomUUID(), rev: 12, folio, folioYear: 2017 + Math.floor(i / 10000), folioNumber: i % 10000, state: 'entregado', channel: 'oficio', classification: 'reservada', subject, agencyId: `ag-${i % 300}`, createdAt: created, updatedAt: created, preparedBy: 'Ana María Pérez', digest: d, sheets: [[d, i % 5 === 0], [createHash('sha256').update('x' + i).digest('hex'), false]], period: null, lastMove: randomUUID(), preparedByIds: [people[i % 40], people[(i + 1) % 40]], seals: [`S-${i}`, `S-${i + 1}`], sealed: true, text: `${fold(folio)}\u0001${fold(subject)}\u0001oficio c4/dg/${i}\u0001s-${i}\u0001s-${i + 1}\u0001`, last: ['2026-01', i % 900, i * 700, 700] });
  }
  const bytes = encodeEncryptedJson(key, 'x', { version: 1, covered: {}, columns: rowsToColumns(rows) });
  writeFileSync('/dev/shm/rows.bin', Buffer.concat([key, bytes]));
  console.log('file', mb(bytes.length), 'MB');
} else {
  const all = readFileSync('/dev/shm/rows.bin');
  const k = all.subarray(0, 32);
  globalThis.gc?.();
  const r0 = process.memoryUsage().rss;
  const data: any = encryptedJsonDecoder(Buffer.from(k), 'x')(all.subarray(32), 'x');
  const rows = new Map();
  for (const row of rowsFromColumns(data.columns)) rows.set(row.id, row);
  const peak1 = process.resourceUsage().maxRSS * 1024;
  globalThis.gc?.();
  const u = process.memoryUsage();
  console.log('start rss', mb(r0), 'peak', mb(peak1), 'after gc rss', mb(u.rss), 'heap', mb(u.heapUsed), 'rows', rows.size);
}
