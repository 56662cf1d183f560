import { ActionIcon, Group, Select, Text, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { DriveInfo } from '../../../../shared/domain/media';
import { formatBytes } from '../../../../shared/format/bytes';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';

/** The removable drives the core sees now, with a refresh for the one just plugged in. */
export function DrivePicker({ value, onChange, label = 'Unidad' }: { value: DriveInfo | null; onChange: (drive: DriveInfo | null) => void; label?: string }) {
  const { data: drives, reload, error } = useLoad(() => call('media.drives', {}), []);
  // The chosen drive was unplugged: forget it.
  useEffect(() => {
    if (value && drives && !drives.some((d) => d.mountPath === value.mountPath)) onChange(null);
  }, [drives, value, onChange]);
  return (
    <div>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label={label}
          placeholder={drives && drives.length === 0 ? 'No hay unidades extraíbles conectadas' : 'Elija la unidad'}
          data={(drives ?? []).map((d) => ({ value: d.mountPath, label: `${d.label} · ${d.filesystem.toUpperCase()} · ${formatBytes(d.freeBytes)} libres` }))}
          value={value?.mountPath ?? null}
          onChange={(path) => onChange(drives?.find((d) => d.mountPath === path) ?? null)}
          disabled={!drives || drives.length === 0}
          style={{ flex: 1 }}
          error={error}
        />
        <Tooltip label="Actualizar la lista de unidades">
          <ActionIcon variant="default" size="lg" mb={2} aria-label="Actualizar unidades" onClick={reload}>
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {value && (
        <Text size="xs" c="dimmed" mt={4}>
          {value.mountPath} · {formatBytes(value.sizeBytes)} en total
        </Text>
      )}
    </div>
  );
}
