import { Card, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { MAINTENANCE_LABELS, type MaintenanceStatus } from '../../../shared/domain/maintenance';
import { call } from '../api/client';

/**
 * Shown while a screen waits for its first data: if the core is upgrading
 * the records or rebuilding an index (rare, and long at ten years of
 * records), says so with a progress bar instead of a silent wait. Shows
 * nothing otherwise.
 */
export function MaintenanceProgress({ poll = 500 }: { poll?: number }) {
  const [status, setStatus] = useState<MaintenanceStatus | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () => void call('vault.maintenance', {}).then((next) => live && setStatus(next), () => undefined);
    ask();
    const timer = setInterval(ask, poll);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [poll]);
  if (!status) return null;
  const percent = status.total > 0 ? Math.min(100, (status.done / status.total) * 100) : 0;
  return (
    <Card withBorder padding="md" data-testid="maintenance-progress">
      <Stack gap={6}>
        <Text fw={600}>{MAINTENANCE_LABELS[status.task]}…</Text>
        <Progress value={percent} animated aria-label={MAINTENANCE_LABELS[status.task]} />
        <Text size="sm" c="dimmed">
          {status.done} de {status.total} {status.total === 1 ? 'paso' : 'pasos'}. Se hace una sola vez; no cierre Valija mientras tanto.
        </Text>
      </Stack>
    </Card>
  );
}
