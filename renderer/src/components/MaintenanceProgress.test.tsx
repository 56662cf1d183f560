import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MaintenanceStatus } from '../../../shared/domain/maintenance';
import { theme } from '../theme';

let status: MaintenanceStatus | null = null;
vi.mock('../api/client', () => ({ call: vi.fn(async (channel: string) => (channel === 'vault.maintenance' ? status : null)) }));
const { MaintenanceProgress } = await import('./MaintenanceProgress');

const show = () =>
  render(
    <MantineProvider theme={theme}>
      <MaintenanceProgress poll={20} />
    </MantineProvider>,
  );

afterEach(() => {
  status = null;
});

describe('maintenance progress', () => {
  it('says in Spanish what the core is doing and how far it got, and goes away when it ends', async () => {
    status = { task: 'upgrade', done: 3, total: 13 };
    const { unmount } = show();
    await waitFor(() => expect(screen.getByTestId('maintenance-progress').textContent).toContain('Actualizando los registros de la bóveda al formato actual'));
    expect(screen.getByTestId('maintenance-progress').textContent).toContain('3 de 13 pasos');
    status = null;
    await waitFor(() => expect(screen.queryByTestId('maintenance-progress')).toBeNull());
    unmount();
  });

  it('shows nothing when nothing runs', async () => {
    show();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(screen.queryByTestId('maintenance-progress')).toBeNull();
  });
});
