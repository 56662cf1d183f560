import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AccountIncident } from '../../../../shared/domain/social-accounts';
import { theme } from '../../theme';

// jsdom has no FontFaceSet; the autosizing Nota box listens to it.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() } });

const calls: Array<[string, unknown]> = [];
vi.mock('../../api/client', () => ({
  call: vi.fn(async (channel: string, input: unknown) => {
    calls.push([channel, input]);
    return {};
  }),
  errorMessage: (e: unknown) => String(e),
}));
const { IncidentItem } = await import('./IncidentItem');
const { IncidentStepModal } = await import('./IncidentStepModal');

// Detected at 10:00 in Mexico City (UTC−6), the password already changed.
const incident: AccountIncident = {
  id: 'i-1',
  kind: 'extravio',
  description: 'Se extravió el teléfono que recibe el segundo factor.',
  openedBy: 'Rosa Díaz Peña',
  steps: {
    detectado: { at: '2026-11-30T16:00:00.000Z', note: '', recordedBy: 'Rosa Díaz Peña' },
    contrasena_cambiada: { at: '2026-11-30T17:30:00.000Z', note: 'Entrada nueva en KeePassXC.', recordedBy: 'Luis Gómez Sol' },
  },
};

function wrap(node: React.ReactNode) {
  return render(<MantineProvider theme={theme}>{node}</MantineProvider>);
}

describe('an incident’s protocol', () => {
  it('shows each recorded step with its time and who recorded it, and offers to record only the pending ones', () => {
    const onStep = vi.fn();
    wrap(<IncidentItem incident={incident} number={1} printing={false} onStep={onStep} onPrint={vi.fn()} />);
    const changed = screen.getByTestId('incident-step-contrasena_cambiada');
    expect(changed.textContent).toContain('30/11/2026 11:30');
    expect(changed.textContent).toContain('Luis Gómez Sol');
    expect(changed.textContent).toContain('Entrada nueva en KeePassXC.');
    expect(screen.getByTestId('incident-step-plataforma_notificada').textContent).toContain('Pendiente');
    const buttons = screen.getAllByRole('button', { name: /^Registrar «/ }).map((b) => b.getAttribute('aria-label'));
    expect(buttons).toEqual(['Registrar «Informado a la jefatura del área»', 'Registrar «Plataforma notificada»', 'Registrar «Publicaciones revisadas»']);
    fireEvent.click(screen.getByRole('button', { name: 'Cerrar incidente' }));
    expect(onStep).toHaveBeenCalledWith('cerrado');
  });

  it('a closed incident offers no step, only its report', () => {
    const closed: AccountIncident = { ...incident, steps: { ...incident.steps, cerrado: { at: '2026-12-01T16:00:00.000Z', note: '', recordedBy: 'Rosa Díaz Peña' } } };
    wrap(<IncidentItem incident={closed} number={2} printing={false} onStep={vi.fn()} onPrint={vi.fn()} />);
    expect(screen.getByTestId('incident-status').textContent).toBe('Cerrado');
    expect(screen.queryAllByRole('button', { name: /^Registrar/ })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Cerrar incidente' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Imprimir reporte' })).toBeTruthy();
  });

  it('refuses a step dated before the detection without calling the core, and sends the office time as UTC', async () => {
    calls.length = 0;
    const onDone = vi.fn();
    wrap(<IncidentStepModal accountId="a-1" incident={incident} step="plataforma_notificada" onClose={vi.fn()} onDone={onDone} />);
    const when = screen.getByRole('textbox', { name: /Fecha y hora/ });
    fireEvent.change(when, { target: { value: '30/11/2026 09:59' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrar paso' }));
    expect(await screen.findByText('El paso no puede ser anterior a la detección del incidente.')).toBeTruthy();
    expect(calls).toHaveLength(0);

    fireEvent.change(when, { target: { value: '30/11/2026 12:15' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Nota/ }), { target: { value: 'Reporte 8841-22.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrar paso' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls).toEqual([['socialAccounts.recordIncidentStep', { accountId: 'a-1', incidentId: 'i-1', step: { step: 'plataforma_notificada', at: '2026-11-30T18:15:00.000Z', note: 'Reporte 8841-22.' } }]]);
  });
});
