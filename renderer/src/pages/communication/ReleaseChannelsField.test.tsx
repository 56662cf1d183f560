import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../../shared/domain/social-accounts';
import { theme } from '../../theme';
import { ReleaseChannelsField } from './ReleaseChannelsField';

function view(id: string, handle: string, over: Partial<AccountView> = {}, kind: AccountView['account']['kind'] = 'oficial'): AccountView {
  return { account: { id, network: 'facebook', handle, kind, incidents: [] } as unknown as AccountView['account'], status: 'activa', countsAsOfficial: kind !== 'personal_registrada', revalidationDueOn: '2027-05-01', pendingRotation: null, usable: kind !== 'personal_registrada', ...over };
}

const ACCOUNTS = [view('a-1', 'C4Oaxaca'), view('a-2', '@LauraCruz', {}, 'personal_registrada'), view('a-3', 'c4.tv', { pendingRotation: { since: '2026-11-20' } as AccountView['pendingRotation'], usable: false })];

function show(accountIds: string[], onAccounts = vi.fn()) {
  render(
    <MantineProvider theme={theme}>
      <ReleaseChannelsField accounts={ACCOUNTS} outlets={[]} accountIds={accountIds} outletIds={[]} onAccounts={onAccounts} onOutlets={vi.fn()} />
    </MantineProvider>,
  );
  return onAccounts;
}

describe('the release channels', () => {
  it('lets an official account in use be chosen and disables a personal one and one owing a password change, saying why', () => {
    const onAccounts = show([]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Facebook · C4Oaxaca' }));
    expect(onAccounts).toHaveBeenCalledWith(['a-1']);
    expect((screen.getByRole('checkbox', { name: 'Facebook · @LauraCruz' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Facebook · c4.tv' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Cambio de contraseña pendiente desde el 20/11/2026.')).toBeTruthy();
    expect(screen.getByText(/Cuenta personal \(Personal registrada\)/)).toBeTruthy();
  });

  it('keeps an account chosen before it stopped being usable checked, so it can be taken off, and says so', () => {
    const onAccounts = show(['a-1', 'a-3']);
    const stale = screen.getByRole('checkbox', { name: 'Facebook · c4.tv' }) as HTMLInputElement;
    expect(stale.disabled).toBe(false);
    expect(stale.checked).toBe(true);
    expect(screen.getByText('Esta cuenta ya no puede llevar la difusión: quítela.')).toBeTruthy();
    fireEvent.click(stale);
    expect(onAccounts).toHaveBeenCalledWith(['a-1']);
  });
});
