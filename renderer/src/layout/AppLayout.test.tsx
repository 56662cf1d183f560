import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppRoutes, PAGES } from '../App';
import { theme } from '../theme';
import { SECTIONS } from './sections';

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
    expect(labels).toEqual(['Inicio', 'Envíos', 'Cadena de custodia', 'Dependencias y convenios', 'Reportes periódicos', 'Medios extraíbles', 'Administración']);
  });

  it('marks the current section active and shows its page', () => {
    renderAt('/medios');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Medios extraíbles');
    const active = screen.getByRole('navigation', { name: 'Secciones' }).querySelector('[data-active="true"]');
    expect(active?.textContent).toBe('Medios extraíbles');
  });

  it('routes every section to its own page, titled with the section and active in the sidebar', () => {
    const sections = SECTIONS.slice(1);
    expect(sections.map((s) => s.path).sort()).toEqual(Object.keys(PAGES).sort());
    expect(sections).toHaveLength(6);
    for (const section of sections) {
      const { unmount } = renderAt(section.path);
      expect(screen.getByRole('heading', { level: 1 }).textContent, section.path).toBe(section.label);
      const active = screen.getByRole('navigation', { name: 'Secciones' }).querySelectorAll('a[data-active="true"]');
      expect(Array.from(active).map((a) => a.textContent), section.path).toEqual([section.label]);
      unmount();
    }
  });

  it('Administración is a working page that tells a non-administrator it is not for them', () => {
    renderAt('/administracion');
    expect(screen.getByRole('alert').textContent).toContain('Su usuario no tiene el rol de administrador.');
    // ...and shows none of the administrator's tools.
    expect(screen.queryAllByRole('tab')).toEqual([]);
    expect(screen.queryByText('Usuarios')).toBeNull();
  });
});
