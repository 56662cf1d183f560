import {
  IconBuildingCommunity,
  IconCalendarDue,
  IconHome,
  IconLink,
  IconMailForward,
  IconSettings,
  IconUsb,
  type Icon,
} from '@tabler/icons-react';

/** Every section's route. App.tsx's PAGES must give each one (but Inicio) a page. */
export type SectionPath = '/' | '/envios' | '/custodia' | '/dependencias' | '/reportes' | '/medios' | '/administracion';

export interface Section {
  path: SectionPath;
  label: string;
  icon: Icon;
  /** One sentence under the section's card on Inicio. */
  summary: string;
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
    path: '/administracion',
    label: 'Administración',
    icon: IconSettings,
    summary: 'Usuarios y roles, datos de la oficina, bitácora de auditoría y respaldos.',
  },
];

