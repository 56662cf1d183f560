import { Alert, Button, Card, Group, MultiSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconDeviceFloppy, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { DriveInfo, ExportSummary } from '../../../../shared/domain/media';
import { formatBytes } from '../../../../shared/format/bytes';
import { call } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { useLoad } from '../../api/use-load';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { DrivePicker } from './DrivePicker';
import { JobProgress } from './JobProgress';
import { PassphraseOnce } from './PassphraseOnce';
import { useJob } from './use-job';

/** Exports the records of a period, or of shipments chosen one by one (forms, custody logs, attachments, an index), as a verified bag. */
export function ExportPanel() {
  // The current month by default: the usual monthly export.
  const [range, setRange] = useState<[string | null, string | null]>(() => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
    return [`${today.slice(0, 8)}01`, today];
  });
  const [mode, setMode] = useState<'periodo' | 'elegidos'>('periodo');
  const [chosen, setChosen] = useState<string[]>([]);
  const { data: candidates } = useLoad(() => call('shipments.list', { limit: 500, sort: 'folio', direction: 'desc' }), []);
  const [drive, setDrive] = useState<DriveInfo | null>(null);
  const { job, result: summary, problem, start, onDone, onEnd, running } = useJob<ExportSummary>();
  const launch = () => {
    const [from, to] = range;
    if (!drive) return;
    if (mode === 'elegidos') void start(() => call('media.export', { drivePath: drive.mountPath, shipmentIds: chosen }));
    else if (from && to) void start(() => call('media.export', { drivePath: drive.mountPath, from, to }));
  };

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="sm">
        Exportar expedientes
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Los envíos creados en el periodo, cada uno con su formato de autorización, su registro y bitácora de custodia (CSV y JSON), sus anexos y
          un índice, en un paquete BagIt que se lee de nuevo y se verifica antes de darlo por terminado. Todo va cifrado con age en un solo archivo;
          la clave se muestra una vez y se imprime en la hoja «Clave de apertura».
        </Text>
        <SegmentedControl data={[{ value: 'periodo', label: 'Un periodo' }, { value: 'elegidos', label: 'Envíos elegidos' }]} value={mode} onChange={(v) => setMode(v as typeof mode)} w={320} />
        {mode === 'periodo' ? (
          <Group gap="sm">
            <DateInput label="Envíos creados desde" {...DATE_INPUT_PROPS} value={range[0]} onChange={(v) => setRange([v, range[1]])} w={200} />
            <DateInput label="hasta" {...DATE_INPUT_PROPS} value={range[1]} onChange={(v) => setRange([range[0], v])} w={200} />
          </Group>
        ) : (
          <MultiSelect
            label="Envíos"
            placeholder={chosen.length ? undefined : 'Busque por folio o asunto'}
            searchable
            data={(candidates?.items ?? []).map((s) => ({ value: s.id, label: `${s.folio ?? 'Sin folio'} · ${s.agencyAcronym} · ${s.subject}` }))}
            value={chosen}
            onChange={setChosen}
            nothingFoundMessage="Sin coincidencias"
          />
        )}
        <DrivePicker value={drive} onChange={setDrive} />
        {problem && <Alert color="red">{problem}</Alert>}
        {job && running && <JobProgress key={job.id} job={job} onDone={onDone} onEnd={onEnd} />}
        {summary && (
          <Alert color="green" title="Expediente grabado y verificado" data-testid="export-result">
            {summary.shipments} {summary.shipments === 1 ? 'envío' : 'envíos'}, {summary.files} archivos ({formatBytes(summary.bytes)}) en la carpeta «{summary.bagName}»
            {summary.passphrase ? ', cifrados con age en un solo archivo.' : ', sin cifrar.'}
          </Alert>
        )}
        {summary?.passphrase && (
          <PassphraseOnce
            passphrase={summary.passphrase}
            testId="export-passphrase"
            advice="Imprima la hoja «Clave de apertura» y guárdela o envíela por un canal distinto al de la unidad. Valija no guarda esta clave: si se pierde, el expediente tendrá que exportarse de nuevo."
          >
            {summary.openingKeyPdfBase64 && (
              <Group justify="flex-end">
                <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => downloadBase64(`clave-de-apertura-${summary.bagName}.pdf`, 'application/pdf', summary.openingKeyPdfBase64 ?? '')}>
                  Hoja «Clave de apertura» (PDF)
                </Button>
              </Group>
            )}
          </PassphraseOnce>
        )}
        <Group justify="flex-end">
          <Button leftSection={<IconFileExport size={16} />} disabled={!drive || (mode === 'periodo' ? !range[0] || !range[1] : chosen.length === 0) || running} onClick={launch}>
            Exportar
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
