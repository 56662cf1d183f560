import { afterEach, describe, expect, it } from 'vitest';
import { outletInputSchema, type OutletInput } from '../../../shared/domain/areas';
import { contract } from '../../../shared/ipc/contract';
import { createHandlers, createServices, type Services } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { ADMIN, testWorld, type TestWorld } from '../test-support/world';
import { TEST_KDF } from '../vault';

let world: TestWorld | null = null;
const reopened: Services[] = [];
afterEach(async () => {
  for (const s of reopened.splice(0)) await s.session.close();
  await world?.s.session.close();
  world = null;
});

const RADIO: OutletInput = {
  name: 'Radio Oaxaca Noticias',
  kind: 'radio',
  contacts: [{ name: 'Patricia Ramos Gil', position: 'Jefa de información', email: 'pramos@radiooaxaca.example.mx', phone: '951 501 5000 ext. 1234' }],
};

describe('the directory of media outlets on a real vault', () => {
  it('keeps outlets and their contacts across a reopening, refuses a repeated name among active ones and audits each change', async () => {
    const w = (world = await testWorld());
    const radio = await w.s.outlets.create(w.ws, w.admin, outletInputSchema.parse(RADIO));
    expect(radio).toMatchObject({ name: RADIO.name, kind: 'radio', active: true, contacts: RADIO.contacts });
    await expect(w.s.outlets.create(w.ws, w.admin, outletInputSchema.parse({ ...RADIO, name: 'radio oaxaca  NOTICIAS' }))).rejects.toMatchObject({ code: 'CONFLICT', message: 'Ya está en el directorio un medio activo llamado «Radio Oaxaca Noticias».' });
    const tv = await w.s.outlets.create(w.ws, w.admin, outletInputSchema.parse({ name: 'Canal 9 Televisión', kind: 'television' }));
    const edited = await w.s.outlets.update(w.ws, w.admin, tv.id, outletInputSchema.parse({ name: 'Canal 9 Televisión', kind: 'television', contacts: [{ name: 'Mario Sosa', phone: '(951) 123-4567' }] }));
    expect(edited.contacts).toEqual([{ name: 'Mario Sosa', position: '', email: '', phone: '(951) 123-4567' }]);
    await w.s.outlets.deactivate(w.ws, w.admin, radio.id);
    await expect(w.s.outlets.update(w.ws, w.admin, radio.id, outletInputSchema.parse(RADIO))).rejects.toMatchObject({ code: 'CONFLICT', message: 'El medio «Radio Oaxaca Noticias» está dado de baja; ya no se modifica.' });

    await w.s.session.close();
    const s = createServices({ dataDir: w.dir, version: 't', shell: 'harness', clock: () => new Date(w.clock.now), kdf: TEST_KDF });
    reopened.push(s);
    await s.session.signIn(ADMIN.userName, ADMIN.password);
    const { ws } = s.session.require();
    expect((await s.outlets.list(ws)).map((o) => [o.name, o.active, o.contacts.length])).toEqual([
      ['Canal 9 Televisión', true, 1],
      ['Radio Oaxaca Noticias', false, 1],
    ]);
    const audit = await ws.audit.list({ offset: 0, limit: 500 });
    const entries = audit.entries.filter((e) => e.action.startsWith('outlet.'));
    expect(entries.map((e) => e.action).sort()).toEqual(['outlet.created', 'outlet.created', 'outlet.deactivated', 'outlet.updated']);
    // Contacts are named in the log, their e-mails and phones are not.
    expect(JSON.stringify(entries)).not.toContain('pramos@');
    expect(entries.find((e) => e.action === 'outlet.updated')?.details).toMatchObject({ tipo: 'Televisión', contactos: '1 contacto', nombres: 'Mario Sosa' });
  });

  it('refuses an invalid e-mail or phone, or a contact with neither, with Spanish messages', () => {
    const issues = (contact: Record<string, string>) => {
      const r = contract['outlets.create'].input.safeParse({ outlet: { name: 'El Imparcial', kind: 'prensa', contacts: [contact] } });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ name: 'Ana Cruz', email: 'ana.cruz@', phone: '' })).toEqual(['outlet.contacts.0.email: El correo electrónico del contacto no es válido.']);
    expect(issues({ name: 'Ana Cruz', email: '', phone: '12-34' })).toEqual(['outlet.contacts.0.phone: El teléfono no es válido: use dígitos, espacios, guiones o paréntesis, al menos 7 dígitos (por ejemplo, 951 501 5000 ext. 1234).']);
    expect(issues({ name: 'Ana Cruz', email: '', phone: 'llamar a recepción' })).toHaveLength(1);
    expect(issues({ name: 'Ana Cruz' })).toEqual(['outlet.contacts.0.email: Escriba el correo electrónico o el teléfono del contacto.']);
    expect(issues({ name: 'Ana Cruz', email: 'ana@imparcial.example.mx', phone: '+52 951 514 0000' })).toEqual([]);
    const kind = contract['outlets.create'].input.safeParse({ outlet: { name: 'El Imparcial', kind: 'revista' } });
    expect(kind.error?.issues.map((i) => i.message)).toEqual(['Elija el tipo de medio.']);
  });

  it('is kept by Comunicación Social and the administrator, and refused to a capturista with the rule in Spanish', async () => {
    const w = (world = await testWorld());
    const comms = await w.s.users.create(w.ws, w.admin, { fullName: 'Laura Méndez', position: 'Comunicación Social', userName: 'lmendez', roles: ['comunicacion_social'], temporaryPassword: 'Temporal-Inicio-77' });
    const { handlers } = createHandlers(w.s);
    const as = (user: typeof comms) => ({ handlers, gate: { firstRun: async () => false, signedIn: () => ({ ws: w.ws, user: { ...user, mustChangePassword: false } }) } });
    const created = await dispatch(as(comms), 'outlets.create', { outlet: RADIO });
    expect(created).toMatchObject({ ok: true, value: { name: RADIO.name } });
    expect(await dispatch(as(w.clerk), 'outlets.list', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Sólo un usuario con el rol Comunicación Social o Administrador puede consultar el directorio de medios.' } });
    // The areas are read by anybody signed in.
    expect(await dispatch(as(w.clerk), 'areas.list', {})).toEqual({ ok: true, value: [] });
  });
});
