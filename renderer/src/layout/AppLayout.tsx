import { AppShell, Badge, Group, NavLink, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBriefcase, IconUserCircle } from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { useAppStore } from '../stores/app-store';
import { SECTIONS } from './sections';

function isActive(sectionPath: string, currentPath: string): boolean {
  return sectionPath === '/' ? currentPath === '/' : currentPath.startsWith(sectionPath);
}

export function AppLayout() {
  const location = useLocation();
  const info = useAppStore((state) => state.info);

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 264, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header bg="guinda.9" c="white" px="lg">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={38} radius="sm" color="white" variant="white" c="guinda.9">
              <IconBriefcase size={24} stroke={1.8} />
            </ThemeIcon>
            <div>
              <Title order={3} c="white" lh={1.1}>
                Valija
              </Title>
              <Text size="xs" c="guinda.1" data-testid="office-name">
                Oficina sin configurar
              </Text>
            </div>
          </Group>
          <Group gap="xs" wrap="nowrap" data-testid="current-user">
            <IconUserCircle size={22} />
            <Text size="sm">Sin sesión iniciada</Text>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Secciones">
        <Stack gap={4} style={{ flex: 1 }}>
          {SECTIONS.map((section) => (
            <NavLink
              key={section.path}
              component={Link}
              to={section.path}
              label={section.label}
              leftSection={<section.icon size={20} stroke={1.6} />}
              active={isActive(section.path, location.pathname)}
              variant="light"
              fw={500}
            />
          ))}
        </Stack>
        <Group justify="space-between" px="xs" pt="sm">
          <Text size="xs" c="dimmed">
            Versión {info?.version ?? '—'}
          </Text>
          {info?.shell === 'harness' && (
            <Badge size="xs" variant="outline" color="gray">
              Navegador de pruebas
            </Badge>
          )}
        </Group>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
