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

export interface Section {
  path: string;
  label: string;
  icon: Icon;
  /** One sentence under the title of the section's page. */
  summary: string;
  /** What the section lets the office do, shown while it is being built. */
  capabilities: string[];
}

/** The sidebar, in the order the office works. */
export const SECTIONS: Section[] = [
  {
    path: '/',
    label: 'Inicio',
    icon: IconHome,
    summary: 'Lo pendiente del día: convenios por vencer, reportes por entregar y envíos en curso.',
    capabilities: [
      'Convenios de colaboración vigentes, por vencer y vencidos.',
      'Reportes periódicos del mes y los que ya están vencidos.',
      'Envíos por estado: en revisión, por firmar, sellados, en tránsito y entregados.',
    ],
  },
  {
    path: '/envios',
    label: 'Envíos',
    icon: IconMailForward,
    summary: 'Preparación, revisión jurídica, autorización, sellado, despacho y acuse de cada envío de información oficial.',
    capabilities: [
      'Los cuatro canales oficiales: tarjeta informativa, oficio, sobre cerrado y medio magnético.',
      'Revisión del área jurídica y autorización del Director General con formato firmado.',
      'Folio consecutivo por oficina y año, sin huecos, que nunca se reutiliza.',
      'Búsqueda por folio, asunto, dependencia, número de sello o serie del medio, también con lector de código QR.',
    ],
  },
  {
    path: '/custodia',
    label: 'Cadena de custodia',
    icon: IconLink,
    summary: 'Registro inalterable de quién entregó qué, a quién, cuándo, dónde y en qué estado llegaron los sellos.',
    capabilities: [
      'Entregas en ventanilla con captura rápida: mensajero, destinatario, lugar y sellos observados.',
      'Cadena de registros encadenados por huella digital (SHA-256): cualquier alteración se detecta.',
      'Verificación de integridad por envío o de toda la bóveda.',
      'Exportación de la bitácora a CSV para Excel.',
    ],
  },
  {
    path: '/dependencias',
    label: 'Dependencias y convenios',
    icon: IconBuildingCommunity,
    summary: 'Directorio de dependencias destinatarias y sus convenios de colaboración.',
    capabilities: [
      'Datos de cada dependencia y sus destinatarios autorizados.',
      'Convenios con vigencia: sólo se envía información a quien tiene un convenio vigente en la fecha de despacho.',
      'Avisos de convenios por vencer.',
      'Importación del directorio desde un archivo CSV.',
    ],
  },
  {
    path: '/reportes',
    label: 'Reportes periódicos',
    icon: IconCalendarDue,
    summary: 'Catálogo de reportes analíticos y el calendario de entregas mensuales, trimestrales y semestrales.',
    capabilities: [
      'Catálogo de reportes internos y externos con sus beneficiarios.',
      'Obligaciones por periodo: pendiente, entregado o vencido.',
      'Cada periodo se cumple con un envío registrado.',
    ],
  },
  {
    path: '/medios',
    label: 'Medios extraíbles',
    icon: IconUsb,
    summary: 'Carga de medios magnéticos, exportación de expedientes, respaldo y restauración.',
    capabilities: [
      'Carga de archivos en USB, CD o DVD con manifiesto verificable (BagIt y SHA-256).',
      'Cifrado opcional de la carga con clave de apertura que viaja por otro canal.',
      'Verificación de medios recibidos, archivo por archivo.',
      'Respaldo cifrado de la bóveda y restauración en otro equipo.',
    ],
  },
  {
    path: '/administracion',
    label: 'Administración',
    icon: IconSettings,
    summary: 'Usuarios y roles, datos de la oficina, bitácora de auditoría y respaldos.',
    capabilities: [
      'Usuarios con roles: capturista, jurídico, dirección, comunicación social y administrador.',
      'Bitácora de auditoría de cada acción, con filtros.',
      'Bloqueo automático por inactividad y cambio de contraseñas.',
    ],
  },
];

