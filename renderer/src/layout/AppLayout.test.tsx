import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain/roles';
import { AppRoutes, PAGES } from '../App';
import { useSessionStore } from '../stores/session-store';
import { theme } from '../theme';
import { SECTIONS } from './sections';

function signedInAs(roles: Role[]) {
  useSessionStore.setState({
    state: {
      status: 'signed_in',
      office: { institution: 'C4 Oaxaca', unit: 'Dirección General', acronym: 'C4', folioPrefix: 'C4/DG' } as never,
      user: { id: 'u-1', userName: 'rdiaz', fullName: 'Rosa Díaz Peña', position: 'Jefa de Comunicación Social', roles },
      mustChangePassword: false,
      idleMinutes: 10,
    },
  });
}

afterEach(() => useSessionStore.setState({ state: null }));

/** A section whose sidebar entry groups its pages is titled by its first page. */
const TITLES: Partial<Record<string, string>> = { '/comunicacion': 'Cuentas de redes sociales', '/solicitudes': 'Solicitudes de difusión' };

function renderAt(path: string) {
  return render(
    <MantineProvider theme={theme}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('app layout', () => {
  it('lists every section in the sidebar, in Spanish', () => {
    renderAt('/');
    const nav = screen.getByRole('navigation', { name: 'Secciones' });
    const labels = Array.from(nav.querySelectorAll('a')).map((a) => a.textContent);
    expect(labels).toEqual(['Inicio', 'Envíos', 'Cadena de custodia', 'Dependencias y convenios', 'Reportes periódicos', 'Medios extraíbles', 'Solicitar difusión', 'Difusiones', 'Administración']);
  });

  it('marks the current section active and shows its page', () => {
    renderAt('/medios');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Medios extraíbles');
    const active = screen.getByRole('navigation', { name: 'Secciones' }).querySelector('[data-active="true"]');
    expect(active?.textContent).toBe('Medios extraíbles');
  });

  it('routes every section to its own page, titled with the section and active in the sidebar', () => {
    signedInAs(['comunicacion_social', 'capturista']);
    const sections = SECTIONS.slice(1);
    expect(sections.map((s) => s.path).sort()).toEqual(Object.keys(PAGES).sort());
    expect(sections).toHaveLength(8);
    for (const section of sections) {
      const { unmount } = renderAt(section.path);
      expect(screen.getByRole('heading', { level: 1 }).textContent, section.path).toBe(TITLES[section.path] ?? section.label);
      const active = screen.getByRole('navigation', { name: 'Secciones' }).querySelectorAll('a[data-active="true"]');
      expect(Array.from(active).map((a) => a.textContent), section.path).toEqual([section.pages?.[0]?.label ?? section.label]);
      unmount();
    }
  }, 30_000);

  it('shows «Comunicación Social» → «Cuentas», «Solicitudes» and «Medios» only to Comunicación Social and the administrator, the programme also to the Director, «Difusiones» to everyone', () => {
    const labels = () => Array.from(screen.getByRole('navigation', { name: 'Secciones' }).querySelectorAll('a, button')).map((a) => a.textContent);
    for (const roles of [['comunicacion_social'], ['administrador']] as Role[][]) {
      signedInAs(roles);
      const { unmount } = renderAt('/');
      expect(labels(), roles.join()).toEqual(['Inicio', 'Envíos', 'Cadena de custodia', 'Dependencias y convenios', 'Reportes periódicos', 'Medios extraíbles', 'Solicitar difusión', 'Comunicación Social', 'Cuentas', 'Solicitudes', 'Medios', 'Difusiones', 'Programa anual', 'Calendario', 'Cumplimiento', 'Administración']);
      expect(screen.getByRole('link', { name: 'Solicitudes' }).getAttribute('href')).toBe('/comunicacion/solicitudes');
      expect(screen.getByRole('link', { name: 'Cuentas' }).getAttribute('href')).toBe('/comunicacion/cuentas');
      expect(screen.getByRole('link', { name: 'Medios' }).getAttribute('href')).toBe('/comunicacion/medios');
      unmount();
    }
    signedInAs(['director']);
    const director = renderAt('/');
    expect(labels()).toEqual(['Inicio', 'Envíos', 'Cadena de custodia', 'Dependencias y convenios', 'Reportes periódicos', 'Medios extraíbles', 'Solicitar difusión', 'Comunicación Social', 'Difusiones', 'Programa anual', 'Calendario', 'Cumplimiento', 'Administración']);
    director.unmount();
    // Jurídico and an area's head (any role) work releases: they see «Difusiones», not the directories nor the programme.
    for (const roles of [['capturista'], ['juridico']] as Role[][]) {
      signedInAs(roles);
      const { unmount } = renderAt('/');
      expect(labels(), roles.join()).toContain('Comunicación Social');
      expect(labels(), roles.join()).toContain('Difusiones');
      expect(labels(), roles.join()).not.toContain('Cuentas');
      expect(labels(), roles.join()).not.toContain('Programa anual');
      expect(screen.getByRole('link', { name: 'Difusiones' }).getAttribute('href')).toBe('/comunicacion/difusiones');
      // Anyone asks Comunicación Social for a release.
      expect(labels(), roles.join()).toContain('Solicitar difusión');
      unmount();
    }
  }, 30_000);

  it('tells a user without the role, who typed the address, that the accounts are not for them', () => {
    signedInAs(['capturista']);
    renderAt('/comunicacion/cuentas');
    expect(screen.getByRole('alert').textContent).toContain('Su usuario no tiene el rol de Comunicación Social ni de administrador.');
    expect(screen.queryByRole('button', { name: 'Registrar cuenta' })).toBeNull();
  });

  it('Administración is a working page that tells a non-administrator it is not for them', () => {
    renderAt('/administracion');
    expect(screen.getByRole('alert').textContent).toContain('Su usuario no tiene el rol de administrador.');
    // ...and shows none of the administrator's tools.
    expect(screen.queryAllByRole('tab')).toEqual([]);
    expect(screen.queryByText('Usuarios')).toBeNull();
  });
});
