/**
 * «Programa de ejemplo SLP 2021»: the «Programa Anual de Comunicación Social
 * 2021» of the Secretariado Ejecutivo del Consejo Estatal de Seguridad
 * Pública of San Luis Potosí (SECESP), transcribed as the programme's records
 * so an office can see the programme, the calendar and the report working
 * before it writes its own. Loaded and removed in one step
 * (ProgrammeService.loadExample / removeExample); each record carries
 * `example: true`, so removing it leaves what the office wrote.
 *
 * The texts are the source's, with its own spelling, except where noted.
 */
import type { ActivityInput, GoalInput, ProgrammeDateInput } from '../../../shared/domain/programme';

export const EXAMPLE_YEAR = 2021;
export const EXAMPLE_TITLE = 'Programa de ejemplo SLP 2021 (Programa Anual de Comunicación Social 2021, SECESP San Luis Potosí)';

/** «Programa de actividades»: activity, strategy, expected results, timing. */
export const EXAMPLE_ACTIVITIES: readonly ActivityInput[] = [
  {
    activity: 'Difundir las campañas y acciones del programa "Prevenimos Juntos"',
    strategy: 'Mediante el uso de Internet y redes sociales, promover los logros y alcances de las campañas y acciones de prevención que impulsa la institución.',
    expectedResults: ['Posicionamiento y fortalecimiento de la imagen institucional.', 'Informar y concientizar a la ciudadanía sobre el uso responsable de las nuevas tecnologías y redes sociales.'],
    timing: 'permanente',
  },
  {
    activity: 'Realizar síntesis informativa de medios de comunicación impresos y electrónicos.',
    strategy: 'Revisión diaria de los medios de comunicación de circulación estatal, con el objetivo de integrar un resumen ejecutivo para enviar en un formato sencillo y vía electrónica al titular de la institución.',
    expectedResults: ['Actualización de información relevante para el titular de la institución.'],
    timing: 'permanente',
  },
  {
    activity: 'Elaborar boletines informativos y/o posturas institucionales en torno a distintos temas.',
    strategy: 'Periódicamente, emitir proyectos de boletines de prensa sobre las actividades más importantes de la institución, así como de los temas relacionados con su labor.',
    expectedResults: [
      'Generar información de impacto.',
      'Fortalecimiento de la coordinación interinstitucional',
      'Fortalecimiento de la imagen institucional.',
      'Mantener informada a la ciudadanía, y en su caso, reaccionar con oportunidad a diversos temas relevantes.',
    ],
    timing: 'variable',
  },
  {
    activity: 'Diseñar, actualizar y manejar las redes sociales y sitio web del SECESP',
    strategy: 'Crear contenido institucional, temporal y emergente, en base a las distintas campañas que promueve la institución, además de dar difusión a los logros y alcances de las mismas.',
    expectedResults: ['Fortalecimiento de la imagen Institucional.', 'Informar y concientizar a la ciudadanía sobre las conductas riesgosas que existen en Internet y redes sociales.'],
    timing: 'permanente',
  },
  {
    activity: 'Analizar información inherente al Secretariado Ejecutivo',
    strategy: 'Monitorear permanentemente instituciones, medios de comunicación y asociaciones civiles a fin de tener conocimiento puntual y oportuno de la información relacionada de alguna u otra manera con la institución.',
    expectedResults: ['Evaluación y estudio de información relevante.', 'Coordinación interinstitucional'],
    timing: 'permanente',
  },
  {
    activity: 'Coadyuvar a la difusión de campañas de instituciones estatales y/o federales en temas de interés mutuo',
    strategy: 'Apoyar a las diversas instituciones con el objetivo de crear un frente común que promueva la prevención y la cultura de la paz.',
    expectedResults: ['Posicionamiento y fortalecimiento de la imagen institucional.', 'Atender problemáticas que afectan a la ciudadanía.'],
    timing: 'permanente',
  },
  {
    activity: 'Dar cobertura a la agenda del titular del Secretariado Ejecutivo, además de otros eventos y actividades de personal del SECESP.',
    strategy:
      'Recopilar fotografías e información útil para reportes y actualización de actividades para el sitio web y redes sociales. Difundir los logros y alcances de las campañas y acciones de prevención mediante el uso de Internet y redes sociales.',
    expectedResults: ['Posicionamiento y fortalecimiento de la imagen del titular y de la institución.', 'Informar con oportunidad a la ciudadanía las acciones que lleva a cabo la institución.'],
    timing: 'variable',
  },
  {
    activity: 'Establecer comunicación con la Coordinación General de Comunicación Social de Gobierno del Estado',
    strategy: 'Generar contacto vía redes sociales y/o de forma presencial con los encargados de la Coordinación General, quienes dan a conocer las líneas a seguir por parte de la administración estatal.',
    expectedResults: ['Coordinación interinstitucional.', 'Mayor alcance en redes sociales de los contenidos de interés para la administración estatal.'],
    timing: 'permanente',
  },
  {
    activity: 'Coordinar las actividades que realiza personal del SECESP a través de plataformas para videoconferencias.',
    strategy: 'Crear las sesiones en las que personal del SECESP es anfitrión de videoconferencias, así como apoyar a la calendarización, grabación y difusión de dichas actividades.',
    expectedResults: [
      'Coadyuvar al seguimiento de las diversas actividades que efectúa personal del SECESP.',
      'Generar mayor alcance en redes sociales, así como participación en acciones y actividades inherentes al SECESP.',
    ],
    timing: 'permanente',
  },
];

/** «Propuestas 2021», as activities of variable timing whose strategy names the term. */
const PROPOSALS: ReadonlyArray<[string, string]> = [
  ['corto', 'Pláticas virtuales: generar transmisión en vivo a través de Facebook (una o dos veces al mes); difundir fragmentos de las pláticas; realizar entrevistas virtuales a asistentes a las pláticas.'],
  ['corto', 'Creación de videos con historias alusivas a los diversos temas que aborda la plática'],
  ['corto', 'Implementar foros de discusión sobre diversos temas de ciberseguridad.'],
  ['corto', 'Cápsulas informativas de uno o dos minutos con temas actuales. Ej. Nuevas políticas de Whatsapp.'],
  ['corto', 'Campaña permanente contra el cibercrimen (presentaciones a través de redes sociales)'],
  ['corto', 'Reuniones con encargados de Informática y Coordinación para conocer actividades y planear boletines.'],
  ['corto', 'Acudir a sesiones de los CMSP, con todas las medidas y previo calendario.'],
  ['corto', 'Realizar al menos dos boletines mensuales sobre las actividades inherentes al SECESP.'],
  ['corto', 'Retomar la idea de practicante de Diseño Gráfico y/o Comunicación.'],
  ['corto', 'Definir nuevo presupuesto para redes. Conocer agenda del titular del SECESP para cobertura de eventos.'],
  ['mediano', 'Edición Virtual del Concurso de Dibujo y Pintura: “Un Like por la Prevención”.'],
  ['mediano', 'Reto virtual de Prevención.'],
];
export const EXAMPLE_PROPOSALS: readonly ActivityInput[] = PROPOSALS.map(([term, activity]) => ({ activity, strategy: `Propuesta 2021, ${term} plazo.`, expectedResults: [], timing: 'variable' }));

// The source's footnotes, as the action each marked date asks for.
const NOTE_REDES = 'Publicación en redes sociales (dar RT a los lineamientos establecidos por la Coord. General de Com. Social)';
const NOTE_PREVENTIVAS = 'Emisión de recomendaciones preventivas (respecto al Covid-19 y medidas en general)';
const NOTE_EVENTOS = 'Asistencia a eventos conmemorativos (en caso de celebrarse y/o requerir asistencia para toma de fotografías o video)';

/**
 * «Actividades complementarias» and «Asistencia a CMSP». The source's table
 * of complementary activities shows January to June; «Día Naranja» is the
 * 25th of every month (the UN's campaign), so it is a monthly rule for the
 * whole year.
 */
export const EXAMPLE_DATES: readonly ProgrammeDateInput[] = [
  { title: 'Aniversario de la Constitución', note: '', rule: { kind: 'anual', month: 2, day: 5 } },
  { title: 'Día de la Bandera', note: NOTE_EVENTOS, rule: { kind: 'anual', month: 2, day: 24 } },
  { title: 'Conmemoración del natalicio de Benito Juárez', note: '', rule: { kind: 'anual', month: 3, day: 21 } },
  { title: 'Día Internacional del Trabajo', note: '', rule: { kind: 'anual', month: 5, day: 1 } },
  { title: 'Día de la Batalla de Puebla', note: '', rule: { kind: 'anual', month: 5, day: 5 } },
  { title: 'Día Naranja - Día Internacional para la Erradicación de la Violencia contra las Mujeres', note: NOTE_REDES, rule: { kind: 'mensual', day: 25 } },
  // The source puts it in March without days; these are Semana Santa 2021 by the calendar
  // (Domingo de Ramos 28 March to Sábado de Gloria 3 April; Easter fell on 4 April 2021).
  { title: 'Semana Santa', note: NOTE_PREVENTIVAS, rule: { kind: 'movil', dates: [{ year: 2021, start: '2021-03-28', end: '2021-04-03' }] } },
  // The source puts it in June without days: left «por definir» for the office to enter.
  { title: 'Vacaciones de Verano', note: NOTE_PREVENTIVAS, rule: { kind: 'movil', dates: [] } },
  {
    title: 'Cobertura de sesión de CMSP',
    note: 'Acudir a sesiones de los CMSP, con todas las medidas y previo calendario.',
    // The source writes «Zona Atiplano»: the Altiplano Potosino, spelled out here.
    rule: {
      kind: 'rotativa',
      entries: ['Zona Centro', 'Zona Altiplano', 'Zona Media', 'Zona Huasteca', 'Zona Centro', 'Zona Altiplano', 'Zona Media', 'Zona Huasteca', 'Zona Centro', 'Zona Altiplano', 'Zona Media', 'Zona Huasteca'].map((label, i) => ({ month: i + 1, label })),
    },
  },
];

/** «Propuestas 2021» that set a count per period. */
export const EXAMPLE_GOALS: readonly GoalInput[] = [
  { kind: 'boletin', count: 2, period: 'mes', description: 'Realizar al menos dos boletines mensuales sobre las actividades inherentes al SECESP.' },
  { kind: 'transmision', count: 1, period: 'mes', description: 'Pláticas virtuales: generar transmisión en vivo a través de Facebook (una o dos veces al mes).' },
];
