import { describe, expect, it } from 'vitest';
import { type Agency } from '../../../../shared/domain/agencies';
import { AppError } from '../../../../shared/errors';
import { decodeCsvBytes, decodeWindows1252, detectDelimiter } from '../../csv/csv';
import { foldAcronym, matchAgencyCsvHeader, parseAgencyCsv, parseAgencyKind, planImport, type CsvRowResult } from './agency-csv';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeCsvBytes(utf8('nombre;siglas\nInstituto de la Mujer Oaxaqueña;IMO'))).toEqual({
      text: 'nombre;siglas\nInstituto de la Mujer Oaxaqueña;IMO',
      encoding: 'utf-8',
    });
  });

  it('drops the UTF-8 BOM that "CSV UTF-8" from Excel writes', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Dirección;Teléfono')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Dirección;Teléfono', encoding: 'utf-8' });
  });

  it('falls back to windows-1252 for ANSI files with accents', () => {
    // «Policía Vial; Organización civil; Oaxaqueña; Á; “x”; 5 €» as Excel saves them on Spanish Windows.
    const bytes = Uint8Array.from([
      ...Buffer.from('Polic', 'latin1'), 0xed, ...Buffer.from('a Vial;Organizaci', 'latin1'), 0xf3, ...Buffer.from('n civil;Oaxaque', 'latin1'), 0xf1, 0x61, 0x3b,
      0xc1, 0x3b, 0x93, 0x78, 0x94, 0x3b, 0x35, 0x20, 0x80,
    ]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Policía Vial;Organización civil;Oaxaqueña;Á;“x”;5 €', encoding: 'windows-1252' });
  });

  it('maps every byte 0x80–0x9F the windows-1252 way, not as Latin-1 control characters', () => {
    const text = decodeCsvBytes(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i)).text;
    // The five bytes windows-1252 leaves undefined read as «�», never as invisible control characters.
    expect(text).toBe('€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ');
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xa0, 0xbf, 0xff]))).toBe('A\u00a0¿ÿ');
    expect(decodeWindows1252(new Uint8Array(20_000).fill(0xe1))).toBe('á'.repeat(20_000));
  });

  it('treats a lone accented byte as windows-1252, not as broken UTF-8', () => {
    expect(decodeCsvBytes(Buffer.from([0x4d, 0xe9, 0x78, 0x69, 0x63, 0x6f]))).toEqual({ text: 'México', encoding: 'windows-1252' });
  });
});

describe('headers and values', () => {
  it('matches Spanish headers ignoring case, accents and punctuation', () => {
    expect(matchAgencyCsvHeader('NOMBRE')).toBe('name');
    expect(matchAgencyCsvHeader(' Dirección ')).toBe('address');
    expect(matchAgencyCsvHeader('Domicilio')).toBe('address');
    expect(matchAgencyCsvHeader('Teléfono:')).toBe('phone');
    expect(matchAgencyCsvHeader('Correo Institucional')).toBe('email');
    expect(matchAgencyCsvHeader('e-mail')).toBe('email');
    expect(matchAgencyCsvHeader('Identificación del destinatario')).toBe('recipientId');
    expect(matchAgencyCsvHeader('Cargo del Destinatario')).toBe('recipientPosition');
    expect(matchAgencyCsvHeader('Color favorito')).toBeNull();
  });

  it('reads agency kinds from labels or codes', () => {
    expect(parseAgencyKind('Federal')).toBe('federal');
    expect(parseAgencyKind('ORGANISMO AUTÓNOMO')).toBe('organismo_autonomo');
    expect(parseAgencyKind('organismo_autonomo')).toBe('organismo_autonomo');
    expect(parseAgencyKind('Organización civil')).toBe('organizacion_civil');
    expect(parseAgencyKind('Municipio')).toBe('municipal');
    expect(parseAgencyKind('Secreta')).toBeNull();
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('nombre;siglas;tipo\nA, B;C;federal')).toBe(';');
    expect(detectDelimiter('nombre,siglas,tipo\nA; B,C,federal')).toBe(',');
    expect(detectDelimiter('"nombre;x",siglas,tipo')).toBe(',');
    expect(detectDelimiter('\r\n\r\nnombre;siglas;tipo')).toBe(';');
  });

  it('folds acronyms', () => {
    expect(foldAcronym('C.N.I.')).toBe('cni');
    expect(foldAcronym('Imo ')).toBe('imo');
  });
});

describe('parseAgencyCsv', () => {
  it('parses a semicolon file with quoted fields, doubled quotes, CRLF and line breaks in quotes', () => {
    const text = [
      'Nombre;Siglas;Tipo;Dirección;Teléfono;Correo institucional;Notas;Destinatario;Cargo del destinatario;Identificación del destinatario',
      'Centro Nacional de Información;CNI;Federal;"Av. Ejemplo 100; Col. Centro";55 1234 5678;enlace@cni.example;"Dice ""urgente"" en el sobre";Lic. Ana Ruiz López;Titular;INE 123',
      '"Instituto de la Mujer Oaxaqueña";IMO;Estatal;"Calle 1\r\nOaxaca de Juárez";;;;;;',
      '',
      'Policía Vial Estatal;PVE;estatal;;;;;;;',
    ].join('\r\n');
    const result = parseAgencyCsv(text);
    expect(result.delimiter).toBe(';');
    expect(result.ignoredColumns).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        ok: true,
        agency: {
          name: 'Centro Nacional de Información',
          acronym: 'CNI',
          kind: 'federal',
          address: 'Av. Ejemplo 100; Col. Centro',
          phone: '55 1234 5678',
          email: 'enlace@cni.example',
          notes: 'Dice "urgente" en el sobre',
          recipients: [{ fullName: 'Lic. Ana Ruiz López', position: 'Titular', identification: 'INE 123' }],
        },
      },
      {
        line: 3,
        ok: true,
        agency: { name: 'Instituto de la Mujer Oaxaqueña', acronym: 'IMO', kind: 'estatal', address: 'Calle 1\nOaxaca de Juárez', phone: '', email: '', notes: '', recipients: [] },
      },
      // Line 4 was the second physical line of the quoted address; line 5 is blank.
      { line: 6, ok: true, agency: expect.objectContaining({ acronym: 'PVE', kind: 'estatal' }) },
    ]);
  });

  it('parses a comma file with quoted commas and a BOM, ignoring unknown columns', () => {
    const text = '\uFEFFsiglas,nombre,tipo,Color\n"GN-DC","Guardia Nacional, Dirección Científica",Federal,azul\n';
    const result = parseAgencyCsv(text);
    expect(result.delimiter).toBe(',');
    expect(result.ignoredColumns).toEqual(['Color']);
    expect(result.rows).toEqual([{ line: 2, ok: true, agency: expect.objectContaining({ name: 'Guardia Nacional, Dirección Científica', acronym: 'GN-DC' }) }]);
  });

  it('reports bad rows by line, in Spanish, naming the column, and keeps the good ones', () => {
    const text = [
      'nombre;siglas;tipo;correo',
      'Centro Nacional de Información;CNI;Federal;enlace@cni.example',
      'Registro Público Vehicular;REPUVE;Federal;repuve@',
      'Observatorio Ciudadano;OC;Secreta;',
      'Policía Estatal;;Estatal;',
      'Municipios conurbados;MUN;Municipal;',
    ].join('\n');
    const rows = parseAgencyCsv(text).rows;
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
      [6, true],
    ]);
    const errorsOf = (r: CsvRowResult | undefined) => (r && !r.ok ? r.errors : []);
    expect(errorsOf(rows[1])).toEqual(['Columna «correo»: El correo institucional no es válido. (se leyó «repuve@»)']);
    expect(errorsOf(rows[2])).toEqual([
      'Columna «tipo»: «Secreta» no es un tipo de dependencia válido; use «Federal», «Estatal», «Municipal», «Organismo autónomo», «Privada» u «Organización civil».',
    ]);
    expect(errorsOf(rows[3])).toEqual(['Columna «siglas»: Escriba las siglas.']);
  });

  it('collects several errors of one row and names recipient columns', () => {
    const text = 'Nombre,Siglas,Tipo,Destinatario,Cargo del destinatario\nAB,,,Juan Pérez,\n';
    const [row] = parseAgencyCsv(text).rows;
    expect(row?.ok).toBe(false);
    expect(row && !row.ok && row.errors).toEqual([
      expect.stringMatching(/^Columna «Tipo»: escriba el tipo de dependencia/),
      'Columna «Nombre»: Escriba el nombre de la dependencia.',
      'Columna «Siglas»: Escriba las siglas.',
      'Columna «Cargo del destinatario»: Escriba el cargo del destinatario.',
    ]);
  });

  it('flags a quote inside a quoted value, and keeps reading the rows after it', () => {
    const text = 'nombre,siglas,tipo\n"Centro" Nacional",CNI,Federal\nPolicía Estatal,PE,Estatal\n';
    expect(parseAgencyCsv(text).rows).toEqual([
      { line: 2, ok: false, errors: [expect.stringContaining('comillas mal puestas')] },
      { line: 3, ok: true, agency: expect.objectContaining({ acronym: 'PE' }) },
    ]);
  });

  it('says that the rows after a quote that never closes were not read', () => {
    const text = 'nombre,siglas,tipo\nCentro Nacional,CNI,Federal\n"Centro" de Información,CDI,Federal\nPolicía Estatal,PE,Estatal\n';
    expect(parseAgencyCsv(text).rows).toEqual([
      { line: 2, ok: true, agency: expect.objectContaining({ acronym: 'CNI' }) },
      { line: 3, ok: false, errors: [expect.stringMatching(/no cierran.*filas que siguen/)] },
    ]);
  });

  it('flags a row with more values than columns and an unclosed quote', () => {
    const text = 'nombre,siglas,tipo\nCentro Nacional, de Información,CNI,Federal\nPolicía Estatal,PE,"Estatal\n';
    const rows = parseAgencyCsv(text).rows;
    expect(rows[0]).toEqual({ line: 2, ok: false, errors: [expect.stringContaining('4 valores pero el encabezado tiene 3 columnas')] });
    expect(rows[1]?.ok).toBe(false);
    expect(rows[1] && !rows[1].ok && rows[1].errors[0]).toMatch(/comillas/);
  });

  it('refuses a file without the required columns, listing them', () => {
    expect(() => parseAgencyCsv('Nombre;Correo\nCNI;x@y.mx')).toThrow(AppError);
    expect(() => parseAgencyCsv('Nombre;Correo\nCNI;x@y.mx')).toThrow(/faltan las columnas obligatorias «siglas» y «tipo»/);
    expect(() => parseAgencyCsv('nombre,siglas\n')).toThrow(/falta la columna obligatoria «tipo»/);
    expect(() => parseAgencyCsv('\n\n')).toThrow(/El archivo está vacío/);
    try {
      parseAgencyCsv('a,b,c');
    } catch (error) {
      expect((error as AppError).code).toBe('VALIDATION');
      expect((error as AppError).message).toContain('«nombre», «siglas» y «tipo»');
    }
  });

  it('refuses a header naming the same column twice', () => {
    expect(() => parseAgencyCsv('nombre,siglas,tipo,correo,email\n')).toThrow(/dos columnas para «correo»/);
  });

  it('parses windows-1252 bytes end to end', () => {
    const bytes = Uint8Array.from([...Buffer.from('nombre;siglas;tipo\nInstituto de la Mujer Oaxaque', 'latin1'), 0xf1, ...Buffer.from('a;IMO;Organismo aut', 'latin1'), 0xf3, ...Buffer.from('nomo\r\n', 'latin1')]);
    const { text, encoding } = decodeCsvBytes(bytes);
    expect(encoding).toBe('windows-1252');
    expect(parseAgencyCsv(text).rows).toEqual([{ line: 2, ok: true, agency: expect.objectContaining({ name: 'Instituto de la Mujer Oaxaqueña', kind: 'organismo_autonomo' }) }]);
  });
});

describe('planImport', () => {
  const existing: Agency[] = [
    {
      id: 'ag-cni',
      name: 'Centro Nacional de Información',
      acronym: 'CNI',
      kind: 'federal',
      address: 'Ciudad de México',
      phone: '55 0000 0000',
      email: 'cni@cni.example',
      notes: 'Enlace de la FESE',
      recipients: [{ id: 'r1', fullName: 'Lic. Ana Ruiz López', position: 'Titular', identification: 'INE 1' }],
      active: false,
      example: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    {
      id: 'ag-imo',
      name: 'Instituto de la Mujer Oaxaqueña',
      acronym: 'IMO',
      kind: 'estatal',
      address: '',
      phone: '',
      email: '',
      notes: '',
      recipients: [],
      active: true,
      example: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ];

  it('updates by acronym or name, creates the rest and skips duplicates within the file', () => {
    const text = [
      'nombre;siglas;tipo;domicilio;destinatario;cargo del destinatario',
      'Centro Nacional de Informacion;c.n.i.;Federal;;Mtro. Luis Gómez;Enlace',
      'INSTITUTO DE LA MUJER OAXAQUEÑA;SMO;Estatal;Oaxaca de Juárez;;',
      'Policía Vial Estatal;PVE;Estatal;;;',
      'Policía Vial Estatal (repetida);pve;Estatal;;;',
      'Otra con el nombre del CNI;XYZ;Federal;;;',
      'Centro Nacional de Información;CNI2;Federal;;;',
      'Malo;M;Secreta;;;',
    ].join('\n');
    const rows = parseAgencyCsv(text).rows;
    const plan = planImport(rows, existing);
    expect(plan.create.map((a) => a.acronym)).toEqual(['PVE', 'XYZ']);
    expect(plan.duplicatesInFile).toEqual([5, 7]);
    expect(plan.update.map((u) => u.id)).toEqual(['ag-cni', 'ag-imo']);
    // The file corrects the name and adds a recipient; empty cells keep what was there; active is untouched.
    expect(plan.update[0]?.input).toEqual({
      name: 'Centro Nacional de Informacion',
      acronym: 'c.n.i.',
      kind: 'federal',
      address: 'Ciudad de México',
      phone: '55 0000 0000',
      email: 'cni@cni.example',
      notes: 'Enlace de la FESE',
      recipients: [
        { fullName: 'Lic. Ana Ruiz López', position: 'Titular', identification: 'INE 1' },
        { fullName: 'Mtro. Luis Gómez', position: 'Enlace', identification: '' },
      ],
      active: false,
    });
    expect(plan.update[1]?.input).toMatchObject({ acronym: 'SMO', address: 'Oaxaca de Juárez', active: true, recipients: [] });
  });

  it('re-importing the same file creates nothing new', () => {
    const text = 'nombre,siglas,tipo\nPolicía Vial Estatal,PVE,Estatal\nRegistro Público Vehicular,REPUVE,Federal\n';
    const first = planImport(parseAgencyCsv(text).rows, []);
    expect(first.create).toHaveLength(2);
    const saved: Agency[] = first.create.map((input, i) => ({
      ...existing[1]!,
      ...input,
      id: `new-${i}`,
      address: '',
      phone: '',
      email: '',
      notes: '',
      recipients: [],
      active: true,
    }));
    const second = planImport(parseAgencyCsv(text).rows, saved);
    expect(second.create).toEqual([]);
    expect(second.update.map((u) => u.id)).toEqual(['new-0', 'new-1']);
    expect(second.duplicatesInFile).toEqual([]);
  });

  it('updates a recipient of the same name instead of adding it twice', () => {
    const text = 'nombre,siglas,tipo,destinatario,cargo,identificación\nCNI,CNI,Federal,LIC. ANA RUIZ LOPEZ,Titular del CNI,\n';
    const plan = planImport(parseAgencyCsv(text).rows, existing);
    expect(plan.update[0]?.input.recipients).toEqual([{ fullName: 'LIC. ANA RUIZ LOPEZ', position: 'Titular del CNI', identification: 'INE 1' }]);
  });
});
