/**
 * Realistic specimen inputs for every form: used by the tests, by the
 * approval_pdf_ms benchmark, to look at the forms as PNG and to warm the
 * app's render worker (render-pool.ts warmRenderWorker). Plausible
 * data of a state C4, not real people.
 */
import { createHash } from 'node:crypto';
import type { OfficeInfo } from '../components';
import type { ApprovalFormInput } from './approval-form';
import type { InventoryLine, MediaFileLine, MediaInfo } from '../../../../shared/forms/form-inputs';
import type { CustodyAcknowledgementInput } from './custody-acknowledgement';
import type { CustodyEventLine, CustodyRegisterInput } from './custody-register';
import type { MediaManifestInput } from './media-manifest';
import type { OpeningKeySheetInput } from './opening-key-sheet';
import type { ReceiptInput } from './receipt';
import type { ReleaseAuthorizationInput } from './release-authorization';
import type { ProgrammeComplianceInput } from './programme-compliance';
import type { RecipientInfo, ShipmentFormBase } from '../../../../shared/forms/form-inputs';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const SAMPLE_OFFICE: OfficeInfo = {
  institution: 'Secretaría de Seguridad Pública del Estado de Oaxaca',
  unit: 'Centro de Control, Comando, Comunicación, Cómputo y Calidad (C5) · Dirección General',
  acronym: 'C5-SSPO',
  address: 'Ciudad Administrativa, Edificio 7, Tlalixtac de Cabrera, Oaxaca, C.P. 68270',
};

export const SAMPLE_RECIPIENT: RecipientInfo = {
  agencyName: 'Fiscalía General del Estado de Oaxaca',
  agencyAcronym: 'FGEO',
  name: 'Mtra. Laura Patricia Hernández Cruz',
  position: 'Directora de Servicios Periciales',
  address: 'Centro Administrativo del Poder Ejecutivo, Reyes Mantecón, San Bartolo Coyotepec, Oaxaca, C.P. 71295',
};

export const SAMPLE_BASE: ShipmentFormBase = {
  office: SAMPLE_OFFICE,
  folio: 'C5/DG/0042/2026',
  contentDigest: sha256Hex('envío C5/DG/0042/2026'),
  chainHead: sha256Hex('cadena C5/DG/0042/2026').slice(0, 12),
};

const DESCRIPTIONS = [
  'Oficio de remisión dirigido a la Dirección de Servicios Periciales',
  'Reporte de incidentes del número de emergencias 9-1-1, zona Valles Centrales',
  'Bitácora de videovigilancia de la cámara VC-114, crucero Símbolos Patrios',
  'Transcripción de la llamada de emergencia folio 911-2026-118734',
  'Fotografías impresas del registro de placas del arco carretero',
  'Informe policial homologado (IPH) número 20-OAX-0042-2026',
  'Copia certificada del acta de entrega-recepción de videograbaciones',
  'Relación de vehículos con reporte de robo detectados por el sistema LPR',
  'Mapa de ubicación de cámaras del corredor Centro Histórico',
  'Constancia de borrado seguro del medio de almacenamiento',
];
const TYPES = ['oficio', 'reporte', 'bitácora', 'transcripción', 'anexo', 'informe', 'acta', 'relación', 'anexo', 'constancia'];

export function sampleInventory(count: number): InventoryLine[] {
  return Array.from({ length: count }, (_, i) => ({
    description: DESCRIPTIONS[i % DESCRIPTIONS.length] ?? 'Anexo',
    type: TYPES[i % TYPES.length] ?? 'anexo',
    quantity: 1 + (i % 3),
    sheets: i % 7 === 6 ? null : 2 + ((i * 5) % 17),
  }));
}

export function sampleFiles(count: number): MediaFileLine[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const name =
      i % 5 === 4
        ? `data/videograbaciones/camara_VC-114_cruce_simbolos_patrios_2026-11-23_${n}.mp4`
        : i % 2 === 0
          ? `data/videograbaciones/VC-114_${n}.mp4`
          : `data/reportes/incidentes_911_valles_centrales_${n}.pdf`;
    return { name, size: 1_048_576 * (3 + ((i * 37) % 700)) + i * 131, sha256: sha256Hex(`archivo ${i}`) };
  });
}

export function sampleMedia(files = 20): MediaInfo {
  return {
    kind: 'USB',
    brand: 'Kingston',
    model: 'IronKey Vault Privacy 50',
    serial: 'KVP50-64G-0A1B2C3D4E',
    capacity: '64 GB',
    sanitisation: {
      method: 'purge',
      tool: 'nwipe 0.36 (método DoD 5220.22-M, 3 pasadas)',
      date: '2026-11-20',
      performedBy: 'Ing. Roberto Carlos Matus Ruiz',
      verifiedBy: 'Lic. Ana Sofía Vásquez Santiago',
    },
    files: sampleFiles(files),
  };
}

/** The benchmark's sample: medio magnético, 10 inventory rows, 20 files. */
export function sampleApprovalInput(overrides: Partial<ApprovalFormInput> = {}): ApprovalFormInput {
  return {
    ...SAMPLE_BASE,
    generatedAt: '2026-11-23T20:05:00Z',
    sheetVersion: 1,
    recipient: SAMPLE_RECIPIENT,
    agreementNumber: 'CONV/SSPO-FGEO/014/2025',
    channel: 'medio_magnetico',
    subject: 'Remisión de videograbaciones y reportes del 9-1-1 solicitados mediante oficio FGEO/DSP/2211/2026 para la carpeta de investigación',
    classification: { level: 'reservada', legalBasis: 'Artículos 113, fracciones I y VII, de la Ley General de Transparencia y Acceso a la Información Pública' },
    coveringOficio: 'SSPO/C5/DG/1187/2026',
    inventory: sampleInventory(10),
    media: sampleMedia(20),
    notes: 'Entrega en mano a la persona destinataria, previa identificación oficial. La clave de apertura del medio se entrega por separado.',
    signers: {
      preparedBy: { name: 'Lic. María Fernanda Ríos Ávila', position: 'Jefa del Departamento de Archivo y Correspondencia' },
      reviewedBy: { name: 'Lic. José Antonio Pérez Luna', position: 'Titular de la Unidad de Asuntos Jurídicos' },
      authorizedBy: { name: 'Mtro. Eduardo Martínez Salinas', position: 'Director General del C5' },
    },
    ...overrides,
  };
}

const PEOPLE = [
  { name: 'Lic. María Fernanda Ríos Ávila', position: 'Jefa del Departamento de Archivo y Correspondencia', institution: 'C5-SSPO' },
  { name: 'Pol. 2o. Juan Carlos Santiago López', position: 'Mensajero oficial', institution: 'C5-SSPO, Unidad de Servicios Generales' },
  { name: 'C. Rosa Elena Jiménez Ortiz', position: 'Auxiliar de Oficialía de Partes', institution: 'Fiscalía General del Estado de Oaxaca' },
  { name: 'Mtra. Laura Patricia Hernández Cruz', position: 'Directora de Servicios Periciales', institution: 'Fiscalía General del Estado de Oaxaca' },
];
const STEPS = [
  { type: 'Sellado del paquete', place: 'Archivo y Correspondencia, C5 Oaxaca', purpose: 'Cierre y colocación de sellos' },
  { type: 'Entrega a mensajería', place: 'Archivo y Correspondencia, C5 Oaxaca', purpose: 'Traslado a la Fiscalía General' },
  { type: 'Recepción en oficialía de partes', place: 'Oficialía de Partes, FGEO, Reyes Mantecón', purpose: 'Recepción y turno a la destinataria' },
  { type: 'Entrega a la destinataria', place: 'Dirección de Servicios Periciales, FGEO', purpose: 'Entrega final' },
];

export function sampleCustodyEvents(count: number): CustodyEventLine[] {
  return Array.from({ length: count }, (_, i) => {
    const step = STEPS[i % STEPS.length] ?? STEPS[0]!;
    const from = PEOPLE[i % PEOPLE.length] ?? PEOPLE[0]!;
    const to = PEOPLE[(i + 1) % PEOPLE.length] ?? PEOPLE[1]!;
    return {
      at: new Date(Date.UTC(2026, 10, 24, 16 + i, 30 + ((i * 7) % 29))).toISOString(),
      type: step.type,
      from,
      to: { ...to, identification: i % 2 === 0 ? `Gafete ${to.institution.slice(0, 4)}-${1000 + i}` : `INE ${4200000000 + i * 7919}` },
      place: step.place,
      purpose: step.purpose,
      sealsSeen: ['SSPO-004711', 'SSPO-004712'],
      sealsIntact: i === 5 ? false : true,
      remarks: i === 5 ? 'El sello SSPO-004712 presenta desprendimiento parcial; se levanta constancia.' : i % 3 === 0 ? 'Sin novedad.' : '',
      recordedBy: 'Lic. María Fernanda Ríos Ávila',
      hash: sha256Hex(`evento ${i}`).slice(0, 12),
    };
  });
}

export function sampleCustodyInput(events = 3, overrides: Partial<CustodyRegisterInput> = {}): CustodyRegisterInput {
  return {
    ...SAMPLE_BASE,
    recipient: SAMPLE_RECIPIENT,
    classification: { level: 'confidencial', legalBasis: 'Artículo 116 de la LGTAIP' },
    channel: 'sobre_cerrado',
    seals: ['SSPO-004711', 'SSPO-004712'],
    packageDescription: 'Sobre bolsa oficio cerrado, 45 hojas',
    events: sampleCustodyEvents(events),
    ...overrides,
  };
}

export function sampleReceiptInput(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  const a = sampleApprovalInput();
  return {
    ...SAMPLE_BASE,
    recipient: SAMPLE_RECIPIENT,
    agreementNumber: a.agreementNumber,
    channel: 'sobre_cerrado',
    subject: a.subject,
    classification: a.classification,
    coveringOficio: a.coveringOficio,
    inventory: sampleInventory(4),
    seals: ['SSPO-004711', 'SSPO-004712'],
    returnTo: 'Archivo y Correspondencia del C5, Ciudad Administrativa, Edificio 7, Tlalixtac de Cabrera',
    ...overrides,
  };
}

export const SAMPLE_ENCRYPTION = { encryptedFileName: 'envio-C5-DG-0042-2026.tar.age', outputName: 'envio-C5-DG-0042-2026.tar' };

export function sampleManifestInput(overrides: Partial<MediaManifestInput> = {}): MediaManifestInput {
  return {
    ...SAMPLE_BASE,
    recipient: SAMPLE_RECIPIENT,
    classification: { level: 'reservada', legalBasis: 'Artículo 113, fracción I, de la LGTAIP' },
    media: sampleMedia(12),
    bagDirectory: 'envio-C5-DG-0042-2026',
    encryption: SAMPLE_ENCRYPTION,
    loadedAt: '2026-11-24T15:10:00Z',
    loadedBy: { name: 'Ing. Roberto Carlos Matus Ruiz', position: 'Jefe de Soporte Técnico' },
    verifiedBy: { name: 'Lic. Ana Sofía Vásquez Santiago', position: 'Analista de Seguridad de la Información' },
    ...overrides,
  };
}

export function sampleOpeningKeyInput(overrides: Partial<OpeningKeySheetInput> = {}): OpeningKeySheetInput {
  return {
    ...SAMPLE_BASE,
    recipient: SAMPLE_RECIPIENT,
    passphrase: 'ancla-violeta-sonido-mapa-trueno-cobre-lienzo-faro-nube-reloj',
    encryption: SAMPLE_ENCRYPTION,
    mediaSerial: 'KVP50-64G-0A1B2C3D4E',
    ...overrides,
  };
}

export function sampleCustodyAcknowledgementInput(overrides: Partial<CustodyAcknowledgementInput> = {}): CustodyAcknowledgementInput {
  return {
    office: SAMPLE_OFFICE,
    code: 'RC-FACEBOOK-C4OAXACA-01',
    digest: sha256Hex('resguardo de muestra'),
    account: { network: 'Facebook', handle: 'C4Oaxaca', url: 'https://facebook.com/C4Oaxaca', kind: 'Oficial', area: 'Comunicación Social' },
    custodian: { fullName: 'Ana Torres Ruiz', position: 'Community manager', area: 'Comunicación Social' },
    startedOn: '2026-11-20',
    keptIn: 'KeePassXC de Comunicación Social, entrada «Facebook oficial»',
    secondFactorHeldBy: 'Jefatura de Comunicación Social (teléfono institucional)',
    recoveryContact: 'comunicacion@c4.example.gob.mx',
    printedAt: '2026-11-20T17:30:00.000Z',
    handedOverBy: { fullName: 'Luis Mora Gil', position: 'Jefe de Comunicación Social' },
    ...overrides,
  };
}

/** A bulletin long enough to run onto a second page. */
export const SAMPLE_RELEASE_BODY = [
  'La Secretaría de Seguridad Pública del Estado de Oaxaca, a través del Centro de Control, Comando, Comunicación, Cómputo y Calidad (C5), informa que durante la temporada vacacional de invierno se reforzará la vigilancia en los corredores turísticos de la capital y de los Valles Centrales.',
  'El operativo «Invierno Seguro 2026» contará con 1,200 elementos de la Policía Estatal, 340 cámaras de videovigilancia enlazadas al C5 y el apoyo de la Unidad de Policía Cibernética para la atención de fraudes en la venta de paquetes turísticos por internet.',
  'Se recomienda a la población verificar la identidad de los prestadores de servicios antes de realizar pagos, no compartir datos bancarios por mensajes ni redes sociales y reportar cualquier situación de emergencia al número 9-1-1, que opera las 24 horas, los 365 días del año.',
  'Las denuncias anónimas pueden hacerse al 089. La información proporcionada se trata con estricta confidencialidad en términos de la Ley General de Transparencia y Acceso a la Información Pública y de la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados.',
  'Durante el operativo se instalarán módulos de información en la terminal de autobuses, el aeropuerto internacional y los principales accesos carreteros, donde personal capacitado orientará a los visitantes sobre medidas de autocuidado y los servicios de emergencia disponibles.',
  'El Centro Estatal de Emergencias coordinará la atención de llamadas con Protección Civil, la Cruz Roja Mexicana y los cuerpos de bomberos municipales, y publicará a través de las cuentas oficiales de la Secretaría los avisos sobre el estado de las carreteras y las condiciones del clima.',
].join('\n');

export function sampleReleaseAuthorizationInput(overrides: Partial<ReleaseAuthorizationInput> = {}): ReleaseAuthorizationInput {
  return {
    office: SAMPLE_OFFICE,
    folio: 'CS-2026-0007',
    sheetVersion: 2,
    reprint: 0,
    kind: 'Boletín de prensa',
    title: 'Inicia el operativo «Invierno Seguro 2026» en los corredores turísticos',
    body: SAMPLE_RELEASE_BODY,
    contentDigest: sha256Hex('difusión CS-2026-0007 versión 2'),
    materials: [
      { name: 'infografia-invierno-seguro-2026.png', mediaType: 'image/png', sizeBytes: 845_311, sha256: sha256Hex('infografía') },
      { name: 'video-recomendaciones-911-version-final-para-redes.mp4', mediaType: 'video/mp4', sizeBytes: 48_220_914, sha256: sha256Hex('video') },
    ],
    providingArea: 'Centro Estatal de Emergencias',
    channels: ['Facebook · @SSPOaxaca (oficial)', 'X · @SSP_Oaxaca (oficial)', 'Radio · Radio Oaxaca Noticias', 'Prensa escrita · El Imparcial de Oaxaca'],
    plannedAt: '2026-12-15T16:00:00.000Z',
    embargoUntil: '2026-12-15T15:00:00.000Z',
    classification: 'publica',
    legalBasis: '',
    blackout: { name: 'Veda electoral del proceso local extraordinario 2026', exception: 'Información de protección civil y seguridad pública (art. 41, base III, apartado C, de la Constitución)' },
    legalChecklist: [
      { question: '¿El texto omite datos personales de víctimas, detenidos o denunciantes?', answer: 'si', note: '' },
      { question: '¿Se evita promoción personalizada de servidores públicos?', answer: 'si', note: 'Se retiró el nombre del titular del segundo párrafo.' },
      { question: '¿La información es reservada o confidencial en algún punto?', answer: 'no', note: '' },
      { question: '¿Los materiales tienen autorización de uso de imagen?', answer: 'sin_responder', note: 'El área enviará las autorizaciones firmadas.' },
    ],
    legalOpinion: 'Procede su difusión: el contenido es de protección civil y seguridad pública, cae en la excepción a la veda y no contiene datos personales.',
    urgent: null,
    signers: {
      preparedBy: { fullName: 'Laura Méndez Ortiz', position: 'Jefa de Comunicación Social', at: '2026-12-14T18:05:00.000Z' },
      validatedBy: { fullName: 'Lic. Elena Vargas Soto', position: 'Coordinadora del Centro Estatal de Emergencias', at: '2026-12-14T19:40:00.000Z' },
      reviewedBy: { fullName: 'Lic. José Antonio Pérez Luna', position: 'Titular de la Unidad de Asuntos Jurídicos', at: '2026-12-14T21:10:00.000Z' },
      authorizedBy: { fullName: 'Mtro. Eduardo Martínez Salinas', position: 'Director General del C5', at: null },
    },
    generatedAt: '2026-12-14T21:30:00.000Z',
    ...overrides,
  };
}

/** The planned-versus-done sheet of a month of the SLP 2021 example programme, with releases as the release service would report them. */
export function sampleProgrammeComplianceInput(overrides: Partial<ProgrammeComplianceInput> = {}): ProgrammeComplianceInput {
  return {
    office: SAMPLE_OFFICE,
    programmeTitle: 'Programa de ejemplo SLP 2021 (Programa Anual de Comunicación Social 2021, SECESP San Luis Potosí)',
    period: 'febrero de 2021',
    today: '2021-03-01',
    goals: [
      { concept: 'Boletín de prensa: 2 al mes (Realizar al menos dos boletines mensuales sobre las actividades inherentes al SECESP.)', expected: 2, published: 1, planned: 1, status: 'Falta 1', met: false },
      { concept: 'Transmisión en vivo: 1 al mes (Pláticas virtuales: generar transmisión en vivo a través de Facebook)', expected: 1, published: 1, planned: 0, status: 'Cumplida', met: true },
    ],
    dates: [
      { title: 'Cobertura de sesión de CMSP - Zona Altiplano', when: 'Todo el mes (01/02/2021 al 28/02/2021)', status: 'Cumplida', releases: 'CS-2021-0004' },
      { title: 'Aniversario de la Constitución', when: '05/02/2021', status: 'Cumplida', releases: 'CS-2021-0003' },
      { title: 'Día de la Bandera', when: '24/02/2021', status: 'Sin difusión', releases: '' },
      { title: 'Día Naranja - Día Internacional para la Erradicación de la Violencia contra las Mujeres', when: '25/02/2021', status: 'Cumplida', releases: 'CS-2021-0006' },
    ],
    publishedByKind: [
      { kind: 'Boletín de prensa', count: 1 },
      { kind: 'Publicación en redes sociales', count: 2 },
      { kind: 'Transmisión en vivo', count: 1 },
    ],
    printedAt: '2021-03-01T17:30:00Z',
    printedBy: { fullName: 'Ana Torres Ruiz', position: 'Jefa de Comunicación Social' },
    ...overrides,
  };
}
