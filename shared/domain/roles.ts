/** The people of the office (docs/DOMAIN.md, "Roles"). One user may hold several roles. */
export const ROLES = ['capturista', 'juridico', 'director', 'comunicacion_social', 'administrador'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  capturista: 'Capturista',
  juridico: 'Jurídico',
  director: 'Director(a) General',
  comunicacion_social: 'Comunicación Social',
  administrador: 'Administrador',
};
