import { Alert, Button, Card, FileButton, Group, Progress, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { IconFiles } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { MEDIA_KIND_LABELS, MEDIA_KINDS, SANITISATION_METHOD_LABELS, SANITISATION_METHODS } from '../../../../../shared/domain/shipments';
import { formatBytes } from '../../../../../shared/format/bytes';
import { hashFiles, type HashProgress } from '../../../files/hash-files';
import { DATE_INPUT_PROPS } from '../../../forms/date-input';
import { FilesTable } from '../FilesTable';
import type { FormValues } from './form-values';

/**
 * The magnetic-media part of the shipment form (docs/DOMAIN.md, "Records"): the media, its
 * sanitisation before loading (NIST SP 800-88), and the files to load, hashed
 * here with SHA-256 in a worker so large videos do not freeze the window.
 */
export function MediaSection({ form }: { form: UseFormReturnType<FormValues> }) {
  const [progress, setProgress] = useState<HashProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const files = form.values.media.files;

  const pick = async (picked: File[]) => {
    setProblem(null);
    const known = new Set(files.map((f) => f.name));
    const repeated = picked.filter((f) => known.has(f.name)).map((f) => f.name);
    const fresh = picked.filter((f) => !known.has(f.name));
    if (repeated.length > 0) setProblem(`Ya están en la lista y no se agregaron de nuevo: ${repeated.join(', ')}.`);
    if (fresh.length === 0) return;
    abort.current = new AbortController();
    try {
      const hashed = await hashFiles(fresh, setProgress, abort.current.signal);
      form.setFieldValue('media.files', [...form.getValues().media.files, ...hashed]);
    } catch (e) {
      setProblem(e instanceof DOMException && e.name === 'AbortError' ? 'Se canceló el cálculo de huellas; no se agregó ningún archivo.' : e instanceof Error ? e.message : 'No se pudieron leer los archivos.');
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const total = files.reduce((sum, f) => sum + f.size, 0);
  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  const filesError = form.errors['media.files'];

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="xs">
        Medio magnético
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, md: 3 }}>
          <Select label="Tipo de medio" withAsterisk data={MEDIA_KINDS.map((k) => ({ value: k, label: MEDIA_KIND_LABELS[k] }))} {...form.getInputProps('media.kind')} />
          <TextInput label="Marca" withAsterisk {...form.getInputProps('media.brand')} />
          <TextInput label="Modelo" {...form.getInputProps('media.model')} />
          <TextInput label="Número de serie" withAsterisk {...form.getInputProps('media.serial')} />
          <TextInput label="Capacidad" placeholder="32 GB" withAsterisk {...form.getInputProps('media.capacity')} />
        </SimpleGrid>

        <Text fw={500} size="sm" mt="xs">
          Borrado seguro antes de cargar (NIST SP 800-88)
        </Text>
        <SegmentedControl data={SANITISATION_METHODS.map((m) => ({ value: m, label: SANITISATION_METHOD_LABELS[m] }))} {...form.getInputProps('media.sanitisation.method')} aria-label="Método de borrado" />
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <TextInput label="Herramienta" placeholder="nwipe, hdparm…" withAsterisk {...form.getInputProps('media.sanitisation.tool')} />
          <DateInput label="Fecha del borrado" withAsterisk {...DATE_INPUT_PROPS} {...form.getInputProps('media.sanitisation.date')} />
          <TextInput label="Lo realizó" withAsterisk {...form.getInputProps('media.sanitisation.performedBy')} />
          <TextInput label="Lo verificó" withAsterisk {...form.getInputProps('media.sanitisation.verifiedBy')} />
        </SimpleGrid>

        <Group justify="space-between" mt="xs">
          <Text fw={500} size="sm">
            Archivos que se cargarán{files.length > 0 ? ` · ${files.length} (${formatBytes(total)})` : ''}
          </Text>
          <FileButton multiple onChange={(picked) => void pick(picked)}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconFiles size={14} />} disabled={progress !== null}>
                Elegir archivos…
              </Button>
            )}
          </FileButton>
        </Group>
        {progress && (
          <Stack gap={4} data-testid="hash-progress">
            <Group justify="space-between">
              <Text size="xs">
                Calculando huella SHA-256 de «{progress.fileName}» ({progress.fileIndex + 1} de {progress.fileCount}) · {formatBytes(progress.done)} de {formatBytes(progress.total)}
              </Text>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => abort.current?.abort()}>
                Cancelar
              </Button>
            </Group>
            <Progress value={percent} animated aria-label="Avance del cálculo de huellas" />
          </Stack>
        )}
        {problem && (
          <Alert color="orange" withCloseButton onClose={() => setProblem(null)}>
            {problem}
          </Alert>
        )}
        {files.length > 0 ? (
          <FilesTable files={files} onRemove={(index) => form.removeListItem('media.files', index)} />
        ) : (
          <Text size="sm" c="dimmed">
            Elija los archivos que se grabarán en el medio. Valija calcula la huella SHA-256 de cada uno; la grabación se hace después de la autorización.
          </Text>
        )}
        {typeof filesError === 'string' || filesError ? (
          <Text size="xs" c="red">
            {filesError}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
