import { Badge, Group } from '@mantine/core';
import { ROLE_LABELS, type Role } from '../../../../shared/domain/roles';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';

export function RoleBadges({ roles }: { roles: Role[] }) {
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} size="sm" variant="light" tt="none" styles={BADGE_FULL_WIDTH}>
          {ROLE_LABELS[role]}
        </Badge>
      ))}
    </Group>
  );
}
