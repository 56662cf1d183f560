import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBriefcase } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The frame of the screens shown before the office is at work: setup, sign-in, password change. */
export function AuthFrame({ title, subtitle, width = 460, children }: { title: string; subtitle?: ReactNode; width?: number; children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.1" py={48}>
      <Center>
        <Stack gap="lg" w={width} maw="94vw">
          <Group gap="sm" justify="center">
            <ThemeIcon size={44} radius="md" color="guinda.9">
              <IconBriefcase size={28} stroke={1.8} />
            </ThemeIcon>
            <Title order={2} c="guinda.9">
              Valija
            </Title>
          </Group>
          <Paper withBorder shadow="sm" radius="md" p="xl">
            <Stack gap="md">
              <div>
                <Title order={1} size="h3">
                  {title}
                </Title>
                {subtitle && (
                  <Text c="dimmed" size="sm" mt={4} component="div">
                    {subtitle}
                  </Text>
                )}
              </div>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
