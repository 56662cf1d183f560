import { Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

export function HomePanel({ title, icon, color, count, empty, children, testId }: { title: string; icon: ReactNode; color: string; count: number; empty: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color={color} size={34} radius="md">
            {icon}
          </ThemeIcon>
          <Text fw={600}>{title}</Text>
        </Group>
        <Badge color={count > 0 ? color : 'gray'} variant={count > 0 ? 'filled' : 'light'} size="lg" circle>
          {count}
        </Badge>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={6}>{children}</Stack>
      )}
    </Card>
  );
}
