import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { readAccessOf, READ_ACCESS_LABELS } from '../../../../shared/domain/read-access';
import type { User } from '../../../../shared/domain/users';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';

/**
 * The «Acceso a clasificada» cell of a user's row: what they may read of
 * reservada and confidencial shipments besides what they prepared, and the
 * administrator's way to change it. Legal, the Director General and
 * administrators read it by their role: there is nothing to grant them.
 */
export function ReadAccessCell({ user, onChange }: { user: User; onChange: (user: User) => void }) {
  const access = readAccessOf(user);
  const label = READ_ACCESS_LABELS[access];
  return (
    <Group gap={6} wrap="nowrap" data-testid={`read-access-${user.userName}`}>
      {access === 'rol' ? (
        <Tooltip label="Jurídico, Director(a) General y Administrador leen la información clasificada por su función." withArrow multiline w={260}>
          <Badge variant="outline" color="gray" tt="none" styles={BADGE_FULL_WIDTH}>
            {label}
          </Badge>
        </Tooltip>
      ) : access === 'ninguno' ? (
        <Text size="sm" c="dimmed" px={4}>
          {label}
        </Text>
      ) : (
        <Badge variant="light" color="grape" tt="none" styles={BADGE_FULL_WIDTH}>
          {label}
        </Badge>
      )}
      {user.active && access !== 'rol' && (
        <Tooltip label="Cambiar acceso" withArrow>
          <ActionIcon size="sm" variant="subtle" onClick={() => onChange(user)} aria-label={`Cambiar el acceso a información clasificada de ${user.fullName}`}>
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
