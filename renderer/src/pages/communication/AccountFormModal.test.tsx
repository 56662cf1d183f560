import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HOLDER_LEVEL_MESSAGE } from '../../../../shared/domain/social-accounts';
import { theme } from '../../theme';

// jsdom has no FontFaceSet; the autosizing Notas box listens to it.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() } });

const calls: Array<[string, unknown]> = [];
vi.mock('../../api/client', () => ({
  call: vi.fn(async (channel: string, input: { account: unknown }) => {
    calls.push([channel, input]);
    return { account: { id: 'a-1', ...(input.account as object) } };
  }),
  errorMessage: (e: unknown) => String(e),
}));
const { AccountFormModal } = await import('./AccountFormModal');

function show(onSaved = vi.fn()) {
  render(
    <MantineProvider theme={theme}>
      <ModalsProvider>
        <AccountFormModal onClose={vi.fn()} onSaved={onSaved} />
      </ModalsProvider>
    </MantineProvider>,
  );
  return onSaved;
}

describe('«Registrar cuenta»', () => {
  it('asks for the holder and the level only for a personal account, and refuses level 5 with the rule before sending', async () => {
    show();
    expect(screen.getByTestId('password-policy').textContent).toContain('Valija no guarda contraseñas');
    expect(screen.queryByRole('textbox', { name: /Nivel jerárquico/ })).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'Personal registrada' }));
    const level = await screen.findByRole('textbox', { name: /Nivel jerárquico/ });
    expect(screen.getByText(/0 es el titular de la institución; 1 a 4, los niveles por debajo de él/)).toBeTruthy();
    fireEvent.change(level, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrar cuenta' }));
    await waitFor(() => expect(screen.getByText(HOLDER_LEVEL_MESSAGE)).toBeTruthy());
    expect(calls).toEqual([]);

    // Back to official: the holder's fields go away, and so does their error.
    fireEvent.click(screen.getByRole('radio', { name: 'Oficial' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /Nivel jerárquico/ })).toBeNull());
  }, 30_000);

  it('sends an official account to the core without a holder', async () => {
    const onSaved = show();
    fireEvent.click(screen.getByRole('combobox', { name: /Red social/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Instagram' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Usuario o nombre de la cuenta/ }), { target: { value: 'c4oaxaca' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Personal administrada por el área (cuenta oficial)' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /^Nombre completo/ }), { target: { value: 'Rosa Díaz Peña' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Oficial' }));
    fireEvent.click(screen.getByRole('button', { name: 'Registrar cuenta' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls).toHaveLength(1);
    const [channel, input] = calls[0]!;
    expect(channel).toBe('socialAccounts.create');
    expect(input).toMatchObject({ account: { network: 'instagram', handle: 'c4oaxaca', kind: 'oficial', holder: null, listedPublicly: false, rotationEveryDays: null, area: 'Comunicación Social' } });
  }, 30_000);
});
