import { Alert, Button, Card, Group, MultiSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { modals } from '@mantine/modals';
import { IconDeviceFloppy, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { DriveInfo, ExportSummary } from '../../../../shared/domain/media';
import { formatBytes } from '../../../../shared/format/bytes';
import { call } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { useLoad } from '../../api/use-load';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { useIsAdmin } from '../../stores/session-store';
import { ClearExportOption } from './ClearExportOption';
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
  const isAdmin = useIsAdmin();
  const [inClear, setInClear] = useState(false);
  const clear = isAdmin && inClear;
  const run = () => {
    const [from, to] = range;
    if (!drive) return;
    // In clear only when the administrator ticked it and confirmed: the core asks for both.
    const protection = clear ? { encrypt: false, confirmClear: true } : {};
    if (mode === 'elegidos') void start(() => call('media.export', { drivePath: drive.mountPath, shipmentIds: chosen, ...protection }));
    else if (from && to) void start(() => call('media.export', { drivePath: drive.mountPath, from, to, ...protection }));
  };
  const launch = () => {
    if (!clear) return run();
    modals.openConfirmModal({
      title: '¿Exportar el expediente sin cifrar?',
      children: (
        <Text size="sm">
          Los archivos quedarán en la unidad tal como son: cualquiera que la tenga podrá leerlos, sin clave. Hágalo sólo para un archivo público
          (por ejemplo, una solicitud de transparencia). Si la selección incluye un envío reservado o confidencial, la exportación se rechaza y no
          se escribe nada. Quedará registrado en la bitácora.
        </Text>
      ),
      labels: { confirm: 'Exportar sin cifrar', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: run,
    });
  };

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="sm">
        Exportar expedientes
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Los envíos creados en el periodo, cada uno con su formato de autorización, su registro y bitácora de custodia (CSV y JSON), sus anexos y
          un índice, en un paquete BagIt que se lee de nuevo y se verifica antes de darlo por terminado.{' '}
          {clear
            ? 'Sin cifrar: los archivos quedan legibles en la unidad, sin clave.'
            : 'Todo va cifrado con age en un solo archivo; la clave se muestra una vez y se imprime en la hoja «Clave de apertura».'}
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
        {isAdmin && <ClearExportOption checked={inClear} onChange={setInClear} disabled={running} />}
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
          <Button color={clear ? 'red' : undefined} leftSection={<IconFileExport size={16} />} disabled={!drive || (mode === 'periodo' ? !range[0] || !range[1] : chosen.length === 0) || running} onClick={launch}>
            {clear ? 'Exportar sin cifrar' : 'Exportar'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
