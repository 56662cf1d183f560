import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { SECTIONS } from '../layout/sections';

/** Inicio: where each kind of work lives, until the dashboard has data to show. */
export function HomePage() {
  const [home, ...others] = SECTIONS;
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          Inicio
        </Title>
        <Text c="dimmed" mt={4}>
          {home?.summary}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md">
        {others.map((section) => (
          <UnstyledButton key={section.path} component={Link} to={section.path} aria-label={section.label}>
            <Card withBorder radius="md" padding="lg" h="100%">
              <Group gap="sm" mb="xs" wrap="nowrap">
                <ThemeIcon size={36} radius="md" variant="light">
                  <section.icon size={22} stroke={1.6} />
                </ThemeIcon>
                <Text fw={600}>{section.label}</Text>
              </Group>
              <Text size="sm" c="dimmed">
                {section.summary}
              </Text>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
