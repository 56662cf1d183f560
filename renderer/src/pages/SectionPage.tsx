import { Alert, Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { Section } from '../layout/sections';

/**
 * The page of a section whose tools are not available yet: it says plainly
 * what the section is for and what it will offer, so nobody mistakes it for
 * a broken screen.
 */
export function SectionPage({ section }: { section: Section }) {
  return (
    <Stack gap="lg" maw={920}>
      <div>
        <Title order={1} size="h2">
          {section.label}
        </Title>
        <Text c="dimmed" mt={4}>
          {section.summary}
        </Text>
      </div>
      <Card withBorder radius="md" padding="lg">
        <Text fw={600} mb="sm">
          Lo que encontrará en esta sección
        </Text>
        <List
          spacing="sm"
          icon={
            <ThemeIcon size={22} radius="xl" variant="light">
              <IconCircleCheck size={16} />
            </ThemeIcon>
          }
        >
          {section.capabilities.map((capability) => (
            <List.Item key={capability}>{capability}</List.Item>
          ))}
        </List>
      </Card>
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} title="Sección en preparación">
        Esta sección se habilitará en una próxima versión de Valija. Mientras tanto, su información no se ve afectada.
      </Alert>
    </Stack>
  );
}
