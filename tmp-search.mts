import { randomUUID } from 'node:crypto';
import { searchShipments } from '/work/main/electron/services/shipments/search';
import { fold } from '/work/main/electron/services/shipments/shipment-rows';
const states = ['borrador','en_revision','entregado','cancelado','sellado'];
const channels = ['tarjeta_informativa', 'oficio', 'sobre_cerrado', 'medio_magnetico'];
const words = ['Videos de cámaras','Estadística mensual','Extorsión telefónica','Llamadas al 911','Informe de incidencias','Solicitud de información'];
const agencies = new Map(Array.from({ length: 300 }, (_, i) => [`ag-${i}`, { id: `ag-${i}`, acronym: `AGÉ${i}`, name: `Agencia ${i}` } as never]));
const rows: any[] = [];
for (let i = 0; i < 100000; i++) {
  const subject = `${words[i % 6]} ${i} del área número ${i % 97}`;
  const created = new Date(Date.UTC(2017, 0, 1) + i * 3.1e6).toISOString();
  rows.push({ id: randomUUID(), rev: 9, folio: `C4/DG/${String(i % 9999).padStart(4,'0')}/${2017 + Math.floor(i/10000)}`, folioYear: 2017 + Math.floor(i / 10000), folioNumber: i % 10000, state: states[i % 5], channel: channels[i % 4], classification: ['publica','reservada','confidencial'][i%3], subject, agencyId: `ag-${i % 300}`, createdAt: created, updatedAt: created, preparedBy: 'Ana', digest: 'x', sheets: [], period: null, lastMove: null, preparedByIds: [], seals: [], sealed: true, text: `${fold('c4/dg/' + i)}\u0001${fold(subject)}\u0001oficio ${i}`, last: {} });
}
const qs: any[] = [
  { name: 'first', q: { sort: 'createdAt', direction: 'desc', offset: 0, limit: 50 } },
  { name: 'text', q: { sort: 'subject', direction: 'asc', offset: 0, limit: 50, text: 'videos' } },
  { name: 'state', q: { sort: 'folio', direction: 'desc', offset: 1000, limit: 50, states: ['entregado'] } },
  { name: 'agency-sort', q: { sort: 'agency', direction: 'asc', offset: 0, limit: 50 } },
  { name: 'subject-sort', q: { sort: 'subject', direction: 'asc', offset: 0, limit: 50 } },
  { name: 'dates', q: { sort: 'updatedAt', direction: 'asc', offset: 0, limit: 50, from: '2019-03-01', to: '2019-03-28', classifications: ['reservada'] } },
  { name: 'agency', q: { sort: 'state', direction: 'asc', offset: 0, limit: 50, agencyId: 'ag-7' } },
];
for (let rep = 0; rep < 3; rep++) for (const { name, q } of qs) { const t = performance.now(); const r = searchShipments(rows, q, agencies); if (rep === 2) console.log(name.padEnd(14), (performance.now() - t).toFixed(1), r.total); }
