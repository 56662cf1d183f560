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

  it('every section still in preparation says what it will hold', () => {
    for (const section of SECTIONS.slice(1).filter((s) => !(s.path in PAGES))) {
      const { unmount } = renderAt(section.path);
      for (const capability of section.capabilities) expect(screen.getByText(capability)).toBeTruthy();
      unmount();
    }
  });

  it('Administración is a working page that tells a non-administrator it is not for them', () => {
    renderAt('/administracion');
    expect(screen.getByText('Sólo para administradores')).toBeTruthy();
  });
});
