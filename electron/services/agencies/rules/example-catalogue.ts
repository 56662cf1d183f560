/**
 * «Cargar catálogo de ejemplo»: the agencies, agreements, analytical reports
 * and report obligations of C4 Oaxaca directive 1.2.8 (seed 001), so a new
 * office can see the directory working before typing its own data.
 *
 * Agencies and reports come from the seed; contact data, people and agreement
 * numbers are fictitious (reserved `.example` domains, 951 000 xxxx phones)
 * and say so in their notes. Dates are relative to `today` so that, whenever
 * the catalogue is loaded, one agreement shows «Vencido», one «Por vencer»
 * and some report periods are already overdue.
 */
import {
  type AgencyInput,
  type AgreementInput,
  type CivilDate,
  type Frequency,
  type ReportInput,
  type ShipmentChannel,
} from '../../../../shared/domain/agencies';
import { addDays, addMonths, civilDate, civilParts } from './civil-date';
import { periodContaining } from './report-periods';

export type ExampleAgreement = Omit<AgreementInput, 'agencyId'> & { agencyAcronym: string };

export interface ExampleObligation {
  reportName: string;
  beneficiaryAcronym: string;
  frequency: Frequency;
  dueDay: number;
  usualChannel: ShipmentChannel;
  startsOn: CivilDate;
}

export interface ExampleCatalogue {
  agencies: AgencyInput[];
  agreements: ExampleAgreement[];
  reports: ReportInput[];
  obligations: ExampleObligation[];
}

const FICTITIOUS = 'Datos de contacto y destinatarios ficticios del catálogo de ejemplo: sustitúyalos por los reales.';

/** Acronyms of the example agencies. */
export const EXAMPLE_ACRONYMS = {
  cni: 'CNI',
  imo: 'IMO',
  policiaEstatal: 'PEO',
  policiaVial: 'PVE',
  repuve: 'REPUVE',
  guardiaNacional: 'GN-DC',
  conurbados: 'MUN-CONURBADOS',
  organizacionCivil: 'OCIGO',
} as const;

const A = EXAMPLE_ACRONYMS;

const AGENCIES: AgencyInput[] = [
  {
    name: 'Centro Nacional de Información',
    acronym: A.cni,
    kind: 'federal',
    address: 'Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública, Ciudad de México (domicilio de ejemplo).',
    phone: '55 0000 0100',
    email: 'enlace.fese@cni.example',
    notes: `Recibe cada mes el FESE (Formato Estadístico de los Servicios de Emergencia) por oficio y cada trimestre la estadística de la Policía Cibernética. La directiva 1.2.8 también lo nombra «Centro Nacional de Inteligencia». ${FICTITIOUS}`,
    recipients: [{ fullName: 'Mtra. Laura Elena Castañeda Ríos', position: 'Titular del Centro Nacional de Información', identification: '' }],
  },
  {
    name: 'Instituto de la Mujer Oaxaqueña',
    acronym: A.imo,
    kind: 'estatal',
    address: 'Oaxaca de Juárez, Oax. (domicilio de ejemplo).',
    phone: '951 000 0200',
    email: 'estadistica@imo.example',
    notes: `Recibe los mapas de calor de violencia contra la mujer en los municipios con declaratoria de alerta de violencia de género. ${FICTITIOUS}`,
    recipients: [{ fullName: 'Lic. Guadalupe Martínez Santiago', position: 'Directora de Planeación y Estadística', identification: '' }],
  },
  {
    name: 'Policía Estatal de Oaxaca',
    acronym: A.policiaEstatal,
    kind: 'estatal',
    address: 'Oaxaca de Juárez, Oax. (domicilio de ejemplo).',
    phone: '951 000 0300',
    email: 'analisis@policiaestatal.example',
    notes: `Recibe los mapas de calor de incidencia delictiva. ${FICTITIOUS}`,
    recipients: [],
  },
  {
    name: 'Policía Vial Estatal',
    acronym: A.policiaVial,
    kind: 'estatal',
    address: 'Oaxaca de Juárez, Oax. (domicilio de ejemplo).',
    phone: '951 000 0400',
    email: 'operaciones@policiavial.example',
    notes: `Recibe los mapas de calor de incidencia delictiva. ${FICTITIOUS}`,
    recipients: [],
  },
  {
    name: 'Registro Público Vehicular',
    acronym: A.repuve,
    kind: 'federal',
    address: 'Oficina estatal, Oaxaca de Juárez, Oax. (domicilio de ejemplo).',
    phone: '951 000 0500',
    email: 'oaxaca@repuve.example',
    notes: `Usa los mapas georreferenciados de los arcos carreteros del REPUVE. ${FICTITIOUS}`,
    recipients: [],
  },
  {
    name: 'Guardia Nacional – Dirección Científica',
    acronym: A.guardiaNacional,
    kind: 'federal',
    address: 'Ciudad de México (domicilio de ejemplo).',
    phone: '55 0000 0600',
    email: 'ciberseguridad@gn.example',
    notes: `Recibe cada trimestre, por correo institucional, la estadística de incidentes cibernéticos (acuerdo del Comité de Ciberseguridad). ${FICTITIOUS}`,
    recipients: [{ fullName: 'Cmdte. Ricardo Alonso Vera Pineda', position: 'Enlace de la Dirección Científica', identification: '' }],
  },
  {
    name: 'Municipios conurbados de la Ciudad de Oaxaca de Juárez',
    acronym: A.conurbados,
    kind: 'municipal',
    address: 'Zona metropolitana de Oaxaca de Juárez (domicilio de ejemplo).',
    phone: '951 000 0700',
    email: 'seguridad@conurbados.example',
    notes: `Un solo registro para las direcciones de seguridad pública municipales de la zona conurbada; si cada municipio firma su propio convenio, regístrelos por separado. ${FICTITIOUS}`,
    recipients: [],
  },
  {
    name: 'Observatorio Ciudadano por la Igualdad de Género en Oaxaca, A.C.',
    acronym: A.organizacionCivil,
    kind: 'organizacion_civil',
    address: 'Oaxaca de Juárez, Oax. (domicilio de ejemplo).',
    phone: '951 000 0800',
    email: 'contacto@observatorio.example',
    notes: `Organización civil ficticia, en lugar de las «Organizaciones Civiles interesadas en el tema» de la directiva 1.2.8. Su convenio de ejemplo está vencido: no puede recibir información hasta que se renueve. ${FICTITIOUS}`,
    recipients: [],
  },
];

/** Names of the seed-001 reports, as the directive writes them. */
export const EXAMPLE_REPORT_NAMES = {
  incidencia911: 'Incidencia generada en los Servicios de Llamada de Emergencia 9-1-1 y 089 cobertura estatal',
  extorsion089: 'Incidencia de llamadas de Extorsión en sus diferentes modalidades registradas en el Servicio de Denuncia Anónima 089',
  numerosMaliciosos: 'Listado de Números Maliciosos recibidos en el Servicio de Llamadas de Emergencia 9-1-1',
  incidenciaConurbados: 'Incidencia delictiva para los municipios conurbados de la Ciudad de Oaxaca',
  audios911: 'Audios de Llamadas Recibidas en el Servicio de Llamadas de Emergencia 9-1-1',
  mapasViolenciaMujer:
    'Mapas de Calor sobre incidencia delictiva registrada en el 9-1-1 y 089, relacionados con violencia contra la mujer de municipios declarados con violencia de género',
  mapasPolicias: 'Mapas de calor sobre incidencia delictiva, para la Policía Estatal y Policía Vial',
  mapasPmi: 'Mapas georreferenciado de la ubicación de Puntos de Monitoreo Inteligente (PMI)',
  mapasArcosRepuve: 'Mapas georreferenciado de la ubicación de Puntos de arcos Carreteros de Repuve',
  plataformaMexico:
    'Estadística de información generada en el Programa (Informe Policial Homologado, Licencias de Conducir, Mandamientos Judiciales, Registro Nacional de Información Penitenciaria, Registro Nacional de Seguridad Pública y Registro de Vehículos Robados y Recuperados)',
  cibernetica: 'Estadística de incidentes de conductas delictivas que se generan en medios electrónicos',
} as const;

const R = EXAMPLE_REPORT_NAMES;
const AREA_911 = 'Servicio de Llamadas de Emergencia 9-1-1 y Denuncia Anónima 089';
const AREA_VIDEO = 'Área de Video Vigilancia';
const AREA_SISTEMAS = 'Área de Sistemas';

/** Every row of the table «Reportes Analíticos Generados en el C4» (seed 001), in its order. */
const REPORTS: ReportInput[] = [
  {
    name: R.incidencia911,
    producingArea: AREA_911,
    internal: true,
    external: true,
    description:
      'Beneficiario: CNI. Se remite cada mes por oficio al Titular del CNI en el FESE (Formato Estadístico de los Servicios de Emergencia), con base en el Catálogo Nacional versión 2.0, con los incidentes de los CALLE Oaxaca, Mixteca, Costa, Cuenca e Istmo; se genera desde 2017.',
  },
  { name: R.extorsion089, producingArea: AREA_911, internal: true, external: true, description: 'Beneficiario: CNI.' },
  { name: R.numerosMaliciosos, producingArea: AREA_911, internal: false, external: true, description: 'Beneficiario: CNI.' },
  {
    name: R.incidenciaConurbados,
    producingArea: AREA_911,
    internal: false,
    external: true,
    description: 'Beneficiarios: municipios conurbados de la Ciudad de Oaxaca de Juárez.',
  },
  { name: R.audios911, producingArea: AREA_VIDEO, internal: true, external: false, description: 'Beneficiario: C4 (uso interno).' },
  {
    name: R.mapasViolenciaMujer,
    producingArea: AREA_SISTEMAS,
    internal: false,
    external: true,
    description: 'Beneficiarios: Instituto de la Mujer Oaxaqueña y organizaciones civiles interesadas en el tema.',
  },
  { name: R.mapasPolicias, producingArea: AREA_SISTEMAS, internal: false, external: true, description: 'Beneficiarios: Policía Estatal y Policía Vial.' },
  { name: R.mapasPmi, producingArea: AREA_VIDEO, internal: true, external: false, description: 'Beneficiario: Área de Video Vigilancia (uso interno).' },
  { name: R.mapasArcosRepuve, producingArea: 'REPUVE', internal: true, external: false, description: 'Beneficiario: REPUVE.' },
  {
    name: R.plataformaMexico,
    producingArea: 'Plataforma México',
    internal: false,
    external: true,
    description: 'Beneficiario: CNI. Compromiso de la Nueva Metodología para la Evaluación de las Bases de Datos Criminalísticas y de Personal de Seguridad Pública.',
  },
  {
    name: R.cibernetica,
    producingArea: 'Policía Cibernética',
    internal: true,
    external: true,
    description:
      'Beneficiarios: CNI y Dirección Científica de la Guardia Nacional. Reporte trimestral digital enviado por correo institucional por acuerdo del Comité de Ciberseguridad, para la base nacional de incidentes cibernéticos.',
  },
];

/** The first day of the period of `frequency` that contained the date `monthsBack` months before `today`. */
function periodStartMonthsBack(frequency: Frequency, today: CivilDate, monthsBack: number): CivilDate {
  return periodContaining(frequency, addMonths(today, -monthsBack)).start;
}

/**
 * The example catalogue as seen on `today`: agreements are vigente except
 * OCIGO's (vencido 45 days ago) and IMO's (por vencer in 20 days); obligations
 * start a few months back, so the FESE to the CNI and the quarterly cyber
 * report already have overdue periods when nothing has been delivered.
 */
export function exampleCatalogue(today: CivilDate): ExampleCatalogue {
  const { year: y } = civilParts(today);

  const imoTo = addDays(today, 20);
  const imoFrom = addDays(addMonths(imoTo, -24), 1);
  const ocTo = addDays(today, -45);
  const ocFrom = addDays(addMonths(ocTo, -12), 1);

  const agreements: ExampleAgreement[] = [
    {
      agencyAcronym: A.cni,
      number: `SESNSP/CNI/C4-OAX/001/${y - 2}`,
      scope: 'Intercambio de información estadística de los servicios de emergencia 9-1-1 y denuncia anónima 089, Plataforma México y Policía Cibernética.',
      signedOn: civilDate(y - 2, 1, 10),
      validFrom: civilDate(y - 2, 1, 15),
      validTo: civilDate(y + 2, 12, 31),
    },
    {
      agencyAcronym: A.imo,
      number: `C4-OAX/IMO/${civilParts(imoFrom).year}`,
      scope: 'Entrega de mapas de calor de incidencia relacionada con violencia contra la mujer en municipios con declaratoria de alerta de violencia de género.',
      signedOn: addDays(imoFrom, -7),
      validFrom: imoFrom,
      validTo: imoTo,
    },
    {
      agencyAcronym: A.policiaEstatal,
      number: `SSPO/C4/PEO/${y - 3}`,
      scope: 'Acuerdo interno de la Secretaría de Seguridad Pública: entrega de mapas de calor y análisis de incidencia delictiva.',
      signedOn: civilDate(y - 3, 2, 20),
      validFrom: civilDate(y - 3, 3, 1),
      validTo: null,
    },
    {
      agencyAcronym: A.policiaVial,
      number: `SSPO/C4/PVE/${y - 3}`,
      scope: 'Acuerdo interno de la Secretaría de Seguridad Pública: entrega de mapas de calor y análisis de incidencia delictiva.',
      signedOn: civilDate(y - 3, 2, 20),
      validFrom: civilDate(y - 3, 3, 1),
      validTo: null,
    },
    {
      agencyAcronym: A.repuve,
      number: `REPUVE/OAX/C4/${y - 4}`,
      scope: 'Operación y consulta de los arcos carreteros del REPUVE en el estado.',
      signedOn: civilDate(y - 4, 5, 25),
      validFrom: civilDate(y - 4, 6, 1),
      validTo: null,
    },
    {
      agencyAcronym: A.guardiaNacional,
      number: `GN/DC/C4-OAX/${y - 1}`,
      scope: 'Intercambio de estadística de incidentes cibernéticos por acuerdo del Comité de Ciberseguridad.',
      signedOn: civilDate(y - 1, 1, 20),
      validFrom: civilDate(y - 1, 2, 1),
      validTo: civilDate(y + 1, 6, 30),
    },
    {
      agencyAcronym: A.conurbados,
      number: `C4-OAX/MUN/${y - 1}`,
      scope: 'Entrega mensual de la incidencia delictiva de los municipios conurbados a sus direcciones de seguridad pública.',
      signedOn: civilDate(y - 1, 1, 2),
      validFrom: civilDate(y - 1, 1, 2),
      validTo: civilDate(y + 1, 12, 31),
    },
    {
      agencyAcronym: A.organizacionCivil,
      number: `C4-OAX/OSC/${civilParts(ocFrom).year}`,
      scope: 'Consulta de mapas de calor de violencia contra la mujer con fines de investigación y propuesta de políticas públicas.',
      signedOn: addDays(ocFrom, -3),
      validFrom: ocFrom,
      validTo: ocTo,
    },
  ];

  const obligations: ExampleObligation[] = [
    { reportName: R.incidencia911, beneficiaryAcronym: A.cni, frequency: 'mensual', dueDay: 10, usualChannel: 'oficio', startsOn: periodStartMonthsBack('mensual', today, 3) },
    { reportName: R.extorsion089, beneficiaryAcronym: A.cni, frequency: 'mensual', dueDay: 10, usualChannel: 'oficio', startsOn: periodStartMonthsBack('mensual', today, 1) },
    { reportName: R.numerosMaliciosos, beneficiaryAcronym: A.cni, frequency: 'mensual', dueDay: 10, usualChannel: 'medio_magnetico', startsOn: periodStartMonthsBack('mensual', today, 1) },
    { reportName: R.plataformaMexico, beneficiaryAcronym: A.cni, frequency: 'semestral', dueDay: 15, usualChannel: 'medio_magnetico', startsOn: periodStartMonthsBack('semestral', today, 0) },
    // Seed 001: sent digitally by institutional e-mail; the closest official channel is magnetic media (files with their SHA-256).
    { reportName: R.cibernetica, beneficiaryAcronym: A.cni, frequency: 'trimestral', dueDay: 15, usualChannel: 'medio_magnetico', startsOn: periodStartMonthsBack('trimestral', today, 6) },
    { reportName: R.cibernetica, beneficiaryAcronym: A.guardiaNacional, frequency: 'trimestral', dueDay: 15, usualChannel: 'medio_magnetico', startsOn: periodStartMonthsBack('trimestral', today, 6) },
    { reportName: R.mapasViolenciaMujer, beneficiaryAcronym: A.imo, frequency: 'mensual', dueDay: 15, usualChannel: 'medio_magnetico', startsOn: periodStartMonthsBack('mensual', today, 2) },
    { reportName: R.mapasPolicias, beneficiaryAcronym: A.policiaEstatal, frequency: 'mensual', dueDay: 5, usualChannel: 'tarjeta_informativa', startsOn: periodStartMonthsBack('mensual', today, 0) },
    { reportName: R.mapasPolicias, beneficiaryAcronym: A.policiaVial, frequency: 'mensual', dueDay: 5, usualChannel: 'tarjeta_informativa', startsOn: periodStartMonthsBack('mensual', today, 0) },
    { reportName: R.incidenciaConurbados, beneficiaryAcronym: A.conurbados, frequency: 'mensual', dueDay: 15, usualChannel: 'oficio', startsOn: periodStartMonthsBack('mensual', today, 1) },
  ];

  return {
    agencies: AGENCIES.map((a) => ({ ...a, recipients: (a.recipients ?? []).map((r) => ({ ...r })) })),
    agreements,
    reports: REPORTS.map((r) => ({ ...r })),
    obligations,
  };
}
