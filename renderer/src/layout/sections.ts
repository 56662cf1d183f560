import {
  IconBuildingCommunity,
  IconCalendarDue,
  IconHome,
  IconLink,
  IconMailForward,
  IconSettings,
  IconSend,
  IconSpeakerphone,
  IconUsb,
  type Icon,
} from '@tabler/icons-react';
import type { Role } from '../../../shared/domain/roles';
import { COMMUNICATION, COMMUNICATION_READERS } from '../../../shared/ipc/access';

/** Every section's route. App.tsx's PAGES must give each one (but Inicio) a page. */
export type SectionPath = '/' | '/envios' | '/custodia' | '/dependencias' | '/reportes' | '/medios' | '/solicitudes' | '/comunicacion' | '/administracion';

export interface Section {
  path: SectionPath;
  label: string;
  icon: Icon;
  /** One sentence under the section's card on Inicio. */
  summary: string;
  /** Shown only to users holding one of these roles (the core refuses the others anyway); everyone when absent. */
  roles?: readonly Role[];
  /** The section's own pages, listed under it in the sidebar; the section's link is then their group. A page with `roles` shows only to those. */
  pages?: { path: string; label: string; roles?: readonly Role[] }[];
}

/** The sidebar, in the order the office works. */
export const SECTIONS: Section[] = [
  {
    path: '/',
    label: 'Inicio',
    icon: IconHome,
    summary: 'Lo pendiente del día: convenios por vencer, reportes por entregar y envíos en curso.',
  },
  {
    path: '/envios',
    label: 'Envíos',
    icon: IconMailForward,
    summary: 'Preparación, revisión jurídica, autorización, sellado, despacho y acuse de cada envío de información oficial.',
  },
  {
    path: '/custodia',
    label: 'Cadena de custodia',
    icon: IconLink,
    summary: 'Registro inalterable de quién entregó qué, a quién, cuándo, dónde y en qué estado llegaron los sellos.',
  },
  {
    path: '/dependencias',
    label: 'Dependencias y convenios',
    icon: IconBuildingCommunity,
    summary: 'Directorio de dependencias destinatarias y sus convenios de colaboración.',
  },
  {
    path: '/reportes',
    label: 'Reportes periódicos',
    icon: IconCalendarDue,
    summary: 'Catálogo de reportes analíticos y el calendario de entregas mensuales, trimestrales y semestrales.',
  },
  {
    path: '/medios',
    label: 'Medios extraíbles',
    icon: IconUsb,
    summary: 'Carga de medios magnéticos, exportación de expedientes, respaldo y restauración.',
  },
  {
    path: '/solicitudes',
    label: 'Solicitar difusión',
    icon: IconSend,
    summary: 'Pida a Comunicación Social que difunda información de su área y vea la respuesta a cada solicitud.',
  },
  {
    path: '/comunicacion',
    label: 'Comunicación Social',
    icon: IconSpeakerphone,
    summary: 'Difusiones al público y en redes sociales oficiales; directorio de cuentas y custodia de sus contraseñas, directorio de medios; programa anual, calendario y cumplimiento.',
    pages: [
      { path: '/comunicacion/cuentas', label: 'Cuentas', roles: COMMUNICATION },
      { path: '/comunicacion/solicitudes', label: 'Solicitudes', roles: COMMUNICATION },
      { path: '/comunicacion/medios', label: 'Medios', roles: COMMUNICATION },
      // Jurídico, the Director and the head of a providing area work releases too; the core lists only those each may read.
      { path: '/comunicacion/difusiones', label: 'Difusiones' },
      { path: '/comunicacion/programa', label: 'Programa anual', roles: COMMUNICATION_READERS },
      { path: '/comunicacion/calendario', label: 'Calendario', roles: COMMUNICATION_READERS },
      { path: '/comunicacion/cumplimiento', label: 'Cumplimiento', roles: COMMUNICATION_READERS },
    ],
  },
  {
    path: '/administracion',
    label: 'Administración',
    icon: IconSettings,
    summary: 'Usuarios y roles, áreas de la oficina, periodos de veda, datos de la oficina, bitácora de auditoría y respaldos.',
  },
];


/** The sections a user holding `roles` sees, in the sidebar's order. */
export function visibleSections(roles: readonly Role[]): Section[] {
  const holds = (required?: readonly Role[]) => !required || required.some((r) => roles.includes(r));
  return SECTIONS.filter((s) => holds(s.roles)).map((s) => (s.pages ? { ...s, pages: s.pages.filter((p) => holds(p.roles)) } : s));
}
