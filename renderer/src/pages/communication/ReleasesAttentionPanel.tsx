import { Anchor, Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconNews } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ReleaseAttention } from '../../../../shared/domain/releases';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { releasePath } from './request-conversion';

const REASON_COLORS: Record<ReleaseAttention['reason'], string> = { urgente_sin_ratificar: 'red', vencida: 'orange', espera_mi_accion: 'blue' };
const REASON_LABELS: Record<ReleaseAttention['reason'], string> = { urgente_sin_ratificar: 'Urgente', vencida: 'Vencida', espera_mi_accion: 'Espera su acción' };

/** When an item's date says: the ratification's due time, the last day of a lapsed authorisation, or since when a step waits. */
function when(item: ReleaseAttention): string {
  if (!item.since) return '';
  if (item.reason === 'urgente_sin_ratificar') return `ratificar antes del ${formatDateTime(item.since)}`;
  if (item.reason === 'vencida') return `válida hasta el ${formatCivilDate(item.since)}`;
  return `desde el ${formatDateTime(item.since)}`;
}

/**
 * Inicio, for everyone: the releases that need this user — urgent ones not
 * ratified (with their due time), lapsed authorisations, and the steps
 * (area validation, legal review, signature, publication) waiting for them.
 * Shown only when there is something, so it does not crowd the page of
 * whoever has nothing to do with releases.
 */
export function ReleasesAttentionPanel() {
  const { data, error } = useLoad(() => call('releases.attention', {}), []);
  const items = data ?? [];
  if (!error && items.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="home-releases">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="grape" size={34} radius="md">
            <IconNews size={20} />
          </ThemeIcon>
          <Text fw={600}>Difusiones que requieren atención</Text>
        </Group>
        <Badge color="grape" variant="filled" size="lg" circle>
          {items.length}
        </Badge>
      </Group>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      <Stack gap={8}>
        {items.map((item) => (
          <Group key={`${item.releaseId}:${item.reason}`} gap="xs" wrap="wrap" data-testid={`release-attention-${item.folio}`}>
            <Badge color={REASON_COLORS[item.reason]} variant="light" tt="none">
              {REASON_LABELS[item.reason]}
            </Badge>
            <Anchor component={Link} to={releasePath(item.releaseId)} size="sm" fw={600}>
              {item.folio}
            </Anchor>
            <Text size="sm">· {item.title} —</Text>
            <Text size="sm" c={item.reason === 'espera_mi_accion' ? undefined : REASON_COLORS[item.reason]}>
              {item.label}
            </Text>
            <Text size="xs" c="dimmed">
              {when(item)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
