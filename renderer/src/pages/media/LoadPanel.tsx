import { Alert, Badge, Button, Card, Checkbox, FileButton, Group, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFiles, IconUsb } from '@tabler/icons-react';
import { useCallback, useRef, useState } from 'react';
import type { JobStatus } from '../../../../shared/domain/jobs';
import type { DriveInfo, LoadResult } from '../../../../shared/domain/media';
import type { ShipmentDetail } from '../../../../shared/domain/shipments';
import { formatBytes } from '../../../../shared/format/bytes';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { hashFiles } from '../../files/hash-files';
import { DrivePicker } from './DrivePicker';
import { JobProgress } from './JobProgress';
import { LoadedResult } from './LoadedResult';

const CHUNK = 4 * 1024 * 1024;

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Loading an authorised magnetic-media shipment onto a drive (docs/ARCHITECTURE.md, "Removable media"). Files
 * the core cannot find by path (a browser never tells it) are picked again
 * here, checked against the authorised SHA-256 and handed over in chunks.
 */
export function LoadPanel() {
  const { data: candidates, reload } = useLoad(() => call('shipments.list', { channels: ['medio_magnetico'], states: ['autorizado'], limit: 200 }), []);
  const [shipmentId, setShipmentId] = useState<string | null>(null);
  const { data: detail } = useLoad(() => (shipmentId ? call('shipments.get', { shipmentId }) : Promise.resolve(null)), [shipmentId]);
  const [drive, setDrive] = useState<DriveInfo | null>(null);
  const [staged, setStaged] = useState<Set<string>>(new Set());
  const [staging, setStaging] = useState<{ label: string; percent: number } | null>(null);
  const [encrypt, setEncrypt] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const resetPick = useRef<() => void>(null);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [result, setResult] = useState<LoadResult | null>(null);

  const files = detail?.shipment.content.media?.files ?? [];
  const missing = files.filter((f) => !f.sourcePath && !staged.has(f.name));

  const choose = (id: string | null) => {
    setShipmentId(id);
    setStaged(new Set());
    setResult(null);
    setJob(null);
    setProblem(null);
  };

  const repick = async (picked: File[], d: ShipmentDetail) => {
    setProblem(null);
    const wanted = new Map((d.shipment.content.media?.files ?? []).map((f) => [f.name, f]));
    try {
      for (const file of picked) {
        const authorised = wanted.get(file.name);
        if (!authorised) throw new Error(`«${file.name}» no está entre los archivos autorizados de este envío.`);
        setStaging({ label: `Comprobando la huella de «${file.name}»…`, percent: 0 });
        const [hashed] = await hashFiles([file], (p) => setStaging({ label: `Comprobando la huella de «${file.name}»…`, percent: p.total ? (p.done / p.total) * 100 : 100 }));
        if (hashed?.sha256 !== authorised.sha256) throw new Error(`«${file.name}» no es el archivo autorizado: su huella SHA-256 no coincide con la registrada en la hoja.`);
        for (let offset = 0; offset < file.size || offset === 0; offset += CHUNK) {
          setStaging({ label: `Entregando «${file.name}» al núcleo…`, percent: file.size ? (offset / file.size) * 100 : 100 });
          await call('media.stageFile', { shipmentId: d.shipment.id, fileName: file.name, offset, base64: await blobToBase64(file.slice(offset, offset + CHUNK)) });
          if (file.size === 0) break;
        }
        setStaged((s) => new Set([...s, file.name]));
      }
    } catch (e) {
      setProblem(e instanceof Error && !('code' in e) ? e.message : errorMessage(e));
    } finally {
      setStaging(null);
      // Picking the same (wrong) file again must be checked again and answered, not ignored by the file input.
      resetPick.current?.();
    }
  };

  const start = async () => {
    if (!shipmentId || !drive) return;
    setProblem(null);
    try {
      setJob(await call('media.load', { shipmentId, drivePath: drive.mountPath, encrypt }));
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const done = useCallback((value: unknown) => {
    setResult(value as LoadResult);
    reload();
  }, [reload]);

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="sm">
        Cargar un envío en medio magnético
      </Title>
      <Stack gap="sm">
        <Select
          label="Envío autorizado"
          placeholder={candidates && candidates.total === 0 ? 'No hay envíos en medio magnético autorizados y sin sellar por cargar' : 'Elija el envío'}
          data={(candidates?.items ?? []).map((s) => ({ value: s.id, label: `${s.folio ?? 'Sin folio'} · ${s.agencyAcronym} · ${s.subject}` }))}
          value={shipmentId}
          onChange={choose}
          searchable
          disabled={!candidates || candidates.total === 0}
        />
        {detail && (
          <Table verticalSpacing={4} data-testid="load-files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Archivo autorizado</Table.Th>
                <Table.Th>Tamaño</Table.Th>
                <Table.Th>Origen</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {files.map((f) => (
                <Table.Tr key={f.name}>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>{formatBytes(f.size)}</Table.Td>
                  <Table.Td>
                    {staged.has(f.name) ? (
                      <Badge color="green" variant="light">Elegido y comprobado</Badge>
                    ) : f.sourcePath ? (
                      <Text size="xs" c="dimmed">{f.sourcePath}</Text>
                    ) : (
                      <Badge color="orange" variant="light">Vuelva a elegirlo</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {detail && missing.length > 0 && (
          <Group justify="space-between">
            <Text size="sm">Elija otra vez los archivos marcados: se comprueba que sean exactamente los autorizados.</Text>
            <FileButton multiple resetRef={resetPick} onChange={(picked) => void repick(picked, detail)}>
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconFiles size={16} />} loading={staging !== null}>
                  Elegir archivos…
                </Button>
              )}
            </FileButton>
          </Group>
        )}
        {staging && (
          <Stack gap={4}>
            <Text size="xs">{staging.label}</Text>
            <Progress value={staging.percent} />
          </Stack>
        )}
        <DrivePicker value={drive} onChange={setDrive} />
        <Checkbox
          label="Cifrar cada archivo con age"
          description="Valija genera una clave que se muestra una sola vez y se imprime en la hoja «Clave de apertura», que viaja por otro medio."
          checked={encrypt}
          onChange={(e) => setEncrypt(e.currentTarget.checked)}
        />
        {problem && <Alert color="red">{problem}</Alert>}
        {job && !result && <JobProgress key={job.id} job={job} onDone={done} onEnd={(s) => s.state !== 'done' && setJob(null)} />}
        {result ? (
          <LoadedResult result={result} />
        ) : (
          <Group justify="flex-end">
            <Button leftSection={<IconUsb size={16} />} disabled={!detail || !drive || missing.length > 0 || staging !== null || (job !== null && !result)} onClick={() => void start()}>
              Grabar y verificar
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
