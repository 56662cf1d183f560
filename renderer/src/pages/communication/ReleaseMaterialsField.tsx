import { ActionIcon, Code, FileButton, Group, Stack, Table, Text, Button, Tooltip } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { MaterialUpload, ReleaseMaterial } from '../../../../shared/domain/releases';
import { call, errorMessage } from '../../api/client';
import { fileToUpload } from '../../api/files';
import { FormError } from '../../forms/FormError';
import { formatBytes, materialRefusal } from './release-form-values';

const ACCEPT = 'image/png,image/jpeg,video/mp4,audio/mpeg,audio/wav,application/pdf';

/** Browsers name WAV audio in more than one way; the core knows it as audio/wav (and checks the bytes anyway). */
const TYPE_ALIASES: Record<string, string> = { 'audio/x-wav': 'audio/wav', 'audio/wave': 'audio/wav', 'audio/mp3': 'audio/mpeg', 'image/jpg': 'image/jpeg' };

/**
 * The release's material: each file sent to the core as it is picked (the
 * core checks its bytes and the 50 MB limit and answers in Spanish, shown
 * here), then listed with its size and the start of its SHA-256.
 */
export function ReleaseMaterialsField({ value, onChange, error }: { value: ReleaseMaterial[]; onChange: (materials: ReleaseMaterial[]) => void; error?: string }) {
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<string[]>([]);

  const upload = async (files: File[]) => {
    setBusy(true);
    const added: ReleaseMaterial[] = [];
    const refused: string[] = [];
    for (const file of files) {
      try {
        const raw = await fileToUpload(file);
        added.push(await call('releases.uploadMaterial', { ...raw, mediaType: (TYPE_ALIASES[raw.mediaType] ?? raw.mediaType) as MaterialUpload['mediaType'] }));
      } catch (e) {
        refused.push(`«${file.name}»: ${materialRefusal(errorMessage(e))}`);
      }
    }
    setRefusals(refused);
    if (added.length > 0) onChange([...value, ...added]);
    setBusy(false);
  };

  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <div>
          <Text size="sm" fw={500}>
            Material
          </Text>
          <Text size="xs" c="dimmed">
            Imágenes PNG o JPG, video MP4, audio MP3 o WAV y PDF, de hasta 50 MB cada uno.
          </Text>
        </div>
        <FileButton multiple accept={ACCEPT} onChange={(files) => void upload(files)}>
          {(props) => (
            <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={16} />} loading={busy}>
              Adjuntar material
            </Button>
          )}
        </FileButton>
      </Group>
      {value.length > 0 && (
        <Table verticalSpacing={4} withTableBorder data-testid="release-materials">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Archivo</Table.Th>
              <Table.Th w={90}>Tamaño</Table.Th>
              <Table.Th w={150}>SHA-256</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.map((m) => (
              <Table.Tr key={m.blobId}>
                <Table.Td style={{ wordBreak: 'break-all' }}>{m.fileName}</Table.Td>
                <Table.Td>{formatBytes(m.size)}</Table.Td>
                <Table.Td>
                  <Tooltip label={m.sha256}>
                    <Code>{m.sha256.slice(0, 12)}…</Code>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Quitar ${m.fileName}`} onClick={() => onChange(value.filter((x) => x.blobId !== m.blobId))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormError error={refusals.length > 0 ? refusals.join(' ') : null} />
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
