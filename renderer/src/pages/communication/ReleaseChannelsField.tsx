import { Checkbox, MultiSelect, Stack, Text } from '@mantine/core';
import type { MediaOutlet } from '../../../../shared/domain/areas';
import type { AccountView } from '../../../../shared/domain/social-accounts';
import { accountChoices, outletChoices } from './release-form-values';

/**
 * Where the release goes: the official accounts of the directory (an
 * account that may not carry it is shown disabled, with the reason; one the
 * release already names stays checked so it can be taken off, and the core
 * refuses it with its own sentence if it is kept) and the media outlets.
 */
export function ReleaseChannelsField({
  accounts,
  outlets,
  accountIds,
  outletIds,
  onAccounts,
  onOutlets,
  error,
}: {
  accounts: readonly AccountView[];
  outlets: readonly MediaOutlet[];
  accountIds: string[];
  outletIds: string[];
  onAccounts: (ids: string[]) => void;
  onOutlets: (ids: string[]) => void;
  error?: string;
}) {
  const choices = accountChoices(accounts, accountIds);
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={500}>
          Canales <span style={{ color: 'var(--mantine-color-red-6)' }}>*</span>
        </Text>
        <Text size="xs" c="dimmed">
          Cuentas oficiales del directorio de redes sociales y medios de comunicación del catálogo.
        </Text>
      </div>
      <Stack gap={6} data-testid="release-accounts">
        {choices.length === 0 && (
          <Text size="sm" c="dimmed">
            No hay cuentas en el directorio.
          </Text>
        )}
        {choices.map((c) => {
          const checked = accountIds.includes(c.id);
          return (
            <Checkbox
              key={c.id}
              label={c.label}
              description={c.disabledReason ?? 'Cuenta oficial en uso'}
              checked={checked}
              disabled={c.disabledReason !== null && !checked}
              error={c.disabledReason !== null && checked ? 'Esta cuenta ya no puede llevar la difusión: quítela.' : undefined}
              onChange={(e) => onAccounts(e.currentTarget.checked ? [...accountIds, c.id] : accountIds.filter((id) => id !== c.id))}
            />
          );
        })}
      </Stack>
      <MultiSelect label="Medios de comunicación" placeholder={outletIds.length === 0 ? 'Elija medios del catálogo' : undefined} data={outletChoices(outlets, outletIds)} value={outletIds} onChange={onOutlets} searchable clearable />
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
