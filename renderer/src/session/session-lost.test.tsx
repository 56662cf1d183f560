import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HomeDashboard } from '../../../shared/domain/directory-views';
import type { SessionState } from '../../../shared/domain/session';
import type { ErrorCode } from '../../../shared/errors';
import type { Channel } from '../../../shared/ipc/channels';
import type { ValijaApi } from '../../../shared/ipc/contract';
import { App } from '../App';

const OFFICE = { institution: 'C4 Oaxaca', unit: 'Dirección General', acronym: 'C4', folioPrefix: 'C4/DG', address: '' };
const SIGNED_IN: SessionState = {
  status: 'signed_in',
  office: OFFICE,
  user: { id: 'u1', userName: 'jperez', fullName: 'José Pérez', position: 'Capturista', roles: ['capturista'] },
  mustChangePassword: false,
  idleMinutes: 10,
};
const LOCKED_IDLE: SessionState = { status: 'locked', office: { institution: OFFICE.institution, unit: OFFICE.unit, acronym: OFFICE.acronym }, reason: 'idle' };
const DASHBOARD: HomeDashboard = {
  today: '2026-11-23',
  agreementsExpiring: [],
  agreementsExpired: [],
  dueThisMonth: [],
  overdue: [],
  agencies: { total: 0, withValidAgreement: 0 },
  shipmentsByState: {},
  waiting: [],
  damage: { months: [], shipments: [] },
};

/**
 * A stand-in for the core behind window.api: open until the test locks it
 * the way the idle guard does (the next call is refused as signed out and
 * the session reads locked for inactivity).
 */
function fakeCore(refusal: { code: ErrorCode; message: string }) {
  const core = { open: true, asked: [] as Channel[] };
  const api: ValijaApi = {
    invoke: (async (channel: Channel) => {
      core.asked.push(channel);
      if (channel === 'session.state') return { ok: true, value: core.open ? SIGNED_IN : LOCKED_IDLE };
      if (channel === 'app.info') return { ok: true, value: { productName: 'Valija', version: 't', shell: 'harness', dataDir: '/tmp' } };
      if (!core.open) return { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Debe iniciar sesión para realizar esta operación.' } };
      if (channel === 'home.dashboard') return { ok: true, value: DASHBOARD };
      return { ok: false, error: refusal };
    }) as ValijaApi['invoke'],
  };
  window.api = api;
  return core;
}

afterEach(() => {
  delete window.api;
  window.location.hash = '';
});

// Rendering the whole app is slow on a loaded two-core machine: generous waits, never a sleep.
const WAIT = { timeout: 10_000 };

describe('when the core locks the session', { timeout: 30_000 }, () => {
  it('the next refused call brings the sign-in screen, saying the session locked for inactivity', async () => {
    const core = fakeCore({ code: 'INTERNAL', message: 'x' });
    render(<App />);
    expect(await screen.findByTestId('current-user', {}, WAIT)).toHaveProperty('textContent', expect.stringContaining('José Pérez'));

    // The core's idle guard locks it; the screen does not know until its next call.
    core.open = false;
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Secciones' })).getByRole('link', { name: 'Envíos' }));
    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' }, WAIT)).toBeTruthy();
    expect(screen.getByText('La sesión se bloqueó por inactividad. Escriba su contraseña para continuar.')).toBeTruthy();
    expect(screen.queryByText('Debe iniciar sesión para realizar esta operación.')).toBeNull();
    expect(screen.queryByTestId('current-user')).toBeNull();
  });

  it('any other refusal stays on the page and does not ask for the session again', async () => {
    const core = fakeCore({ code: 'FORBIDDEN', message: 'El envío es de información reservada: su usuario no tiene acceso.' });
    render(<App />);
    await screen.findByTestId('current-user', {}, WAIT);
    const asksBefore = core.asked.filter((c) => c === 'session.state').length;
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Secciones' })).getByRole('link', { name: 'Envíos' }));
    expect(await screen.findByText(/su usuario no tiene acceso/, {}, WAIT)).toBeTruthy();
    expect(core.asked).toContain('shipments.list');
    expect(core.asked.filter((c) => c === 'session.state').length).toBe(asksBefore);
    expect(screen.getByTestId('current-user')).toBeTruthy();
  });
});
