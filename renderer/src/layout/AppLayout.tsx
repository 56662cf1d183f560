import { AppShell, Badge, Group, Menu, Modal, NavLink, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconBriefcase, IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ChangePasswordForm } from '../session/ChangePasswordForm';
import { useAppStore } from '../stores/app-store';
import { useSessionStore, useSignedIn } from '../stores/session-store';
import { visibleSections } from './sections';

function isActive(sectionPath: string, currentPath: string): boolean {
  return sectionPath === '/' ? currentPath === '/' : currentPath.startsWith(sectionPath);
}

export function AppLayout() {
  const location = useLocation();
  const info = useAppStore((state) => state.info);
  const session = useSignedIn();
  const signOut = useSessionStore((s) => s.signOut);
  const [changingPassword, setChangingPassword] = useState(false);

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
                {session ? `${session.office.institution} · ${session.office.unit}` : 'Oficina sin configurar'}
              </Text>
            </div>
          </Group>
          {session && (
            <Menu position="bottom-end" width={240}>
              <Menu.Target>
                <UnstyledButton c="white" aria-label="Menú del usuario" data-testid="current-user">
                  <Group gap="xs" wrap="nowrap">
                    <IconUserCircle size={24} />
                    <div>
                      <Text size="sm" fw={600} lh={1.2}>
                        {session.user.fullName}
                      </Text>
                      <Text size="xs" c="guinda.1" lh={1.2}>
                        {session.user.position}
                      </Text>
                    </div>
                    <IconChevronDown size={16} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChangingPassword(true)}>
                  Cambiar contraseña
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
                  Cerrar sesión
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Secciones">
        <Stack gap={4} style={{ flex: 1 }}>
          {visibleSections(session?.user.roles ?? []).map((section) =>
            section.pages ? (
              <NavLink
                key={section.path}
                component="button"
                label={section.label}
                leftSection={<section.icon size={20} stroke={1.6} />}
                defaultOpened
                fw={500}
                childrenOffset={32}
              >
                {section.pages.map((page) => (
                  <NavLink key={page.path} component={Link} to={page.path} label={page.label} active={isActive(page.path, location.pathname)} variant="light" fw={500} />
                ))}
              </NavLink>
            ) : (
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
            ),
          )}
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

      <Modal opened={changingPassword} onClose={() => setChangingPassword(false)} title="Cambiar contraseña" centered>
        {session && <ChangePasswordForm userName={session.user.userName} onDone={() => setChangingPassword(false)} />}
      </Modal>
    </AppShell>
  );
}
