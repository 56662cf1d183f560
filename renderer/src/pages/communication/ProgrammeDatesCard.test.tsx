import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ProgrammeView } from '../../../../shared/domain/programme-views';
import { theme } from '../../theme';

// jsdom has no FontFaceSet; the autosizing text boxes listen to it.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() } });

const calls: Array<[string, unknown]> = [];
vi.mock('../../api/client', () => ({
  call: vi.fn(async (channel: string, input: unknown) => {
    calls.push([channel, input]);
    return {};
  }),
  errorMessage: (e: unknown) => String(e),
}));
const { ProgrammeDatesCard } = await import('./ProgrammeDatesCard');

const view: ProgrammeView = {
  programme: {
    year: 2021,
    title: 'Programa 2021',
    activities: [],
    goals: [],
    updatedAt: null,
    dates: [{ id: 'd-1', title: 'Día de la Bandera', note: 'Asistencia a eventos conmemorativos', rule: { kind: 'anual', month: 2, day: 24 }, example: true }],
  },
  exists: true,
  years: [2021],
  exampleLoaded: true,
  ruleTexts: { 'd-1': 'Cada año, 24 de febrero' },
};

function wrap(node: React.ReactNode) {
  return render(<MantineProvider theme={theme}>{node}</MantineProvider>);
}

describe('the programme’s dates card', () => {
  it('shows the Director the dates and their rules, with nothing to change', () => {
    wrap(<ProgrammeDatesCard view={view} canChange={false} onChanged={vi.fn()} />);
    expect(screen.getByText('Día de la Bandera')).toBeTruthy();
    expect(screen.getByText('Cada año, 24 de febrero')).toBeTruthy();
    expect(screen.getByText('Ejemplo')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Agregar fecha' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Eliminar/ })).toBeNull();
  });

  it('refuses 30 February with the core’s sentence before calling, then saves the edit under the same id', async () => {
    calls.length = 0;
    const onChanged = vi.fn();
    wrap(<ProgrammeDatesCard view={view} canChange onChanged={onChanged} />);
    fireEvent.click(screen.getByRole('button', { name: 'Modificar la fecha Día de la Bandera' }));
    const day = await screen.findByRole('textbox', { name: 'Día' });
    fireEvent.change(day, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar fecha' }));
    expect(await screen.findByText('Ese día no existe en ese mes.')).toBeTruthy();
    expect(calls).toEqual([]);
    fireEvent.change(day, { target: { value: '24' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Nombre de la fecha/ }), { target: { value: 'Día de la Bandera (acto cívico)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar fecha' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls).toEqual([['programme.saveDate', { year: 2021, dateId: 'd-1', date: { title: 'Día de la Bandera (acto cívico)', note: 'Asistencia a eventos conmemorativos', rule: { kind: 'anual', month: 2, day: 24 } } }]]);
  });
});
