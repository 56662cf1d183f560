import { ActionIcon, Alert, Button, Card, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ATTACHMENT_MEDIA_TYPES, MAX_ATTACHMENTS } from '../../../../../shared/domain/shipments';
import { formatBytes } from '../../../../../shared/format/bytes';
import { call, errorMessage } from '../../../api/client';
import { fileToUpload } from '../../../api/files';
import type { FormValues } from './form-values';

const MAX_BYTES = 20_000_000;

/** Documents that travel with the shipment (PDF or images), stored encrypted as soon as they are chosen. */
export function AttachmentsSection({ form }: { form: UseFormReturnType<FormValues> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const attachments = form.values.attachments;

  const add = async (picked: File[]) => {
    const refused: string[] = [];
    for (const file of picked) {
      const mediaType = ATTACHMENT_MEDIA_TYPES.find((t) => t === file.type);
      if (!mediaType) {
        refused.push(`«${file.name}» no es PDF, PNG ni JPG.`);
        continue;
      }
      if (file.size > MAX_BYTES) {
        refused.push(`«${file.name}» pasa de 20 MB.`);
        continue;
      }
      if (form.getValues().attachments.length >= MAX_ATTACHMENTS) {
        refused.push(`Un envío admite como máximo ${MAX_ATTACHMENTS} anexos.`);
        break;
      }
      setBusy(file.name);
      try {
        const stored = await call('shipments.uploadAttachment', { ...(await fileToUpload(file)), mediaType });
        form.insertListItem('attachments', stored);
      } catch (e) {
        refused.push(`«${file.name}»: ${errorMessage(e)}`);
      }
    }
    setBusy(null);
    setProblems(refused);
  };

  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Anexos
        </Title>
        <FileButton multiple accept={ATTACHMENT_MEDIA_TYPES.join(',')} onChange={(files) => void add(files)}>
          {(props) => (
            <Button {...props} size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={busy !== null}>
              Adjuntar PDF o imagen…
            </Button>
          )}
        </FileButton>
      </Group>
      <Stack gap="xs">
        {problems.length > 0 && (
          <Alert color="orange" withCloseButton onClose={() => setProblems([])} title="Algunos archivos no se adjuntaron">
            {problems.map((p) => (
              <Text key={p} size="sm">
                {p}
              </Text>
            ))}
          </Alert>
        )}
        {attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            Sin anexos. Se guardan cifrados en la bóveda y su huella forma parte de lo que autoriza la hoja.
          </Text>
        ) : (
          <Table verticalSpacing={4} data-testid="attachments">
            <Table.Tbody>
              {attachments.map((a, index) => (
                <Table.Tr key={a.blobId}>
                  <Table.Td>{a.fileName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(a.size)}</Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon variant="subtle" color="red" aria-label={`Quitar ${a.fileName}`} onClick={() => form.removeListItem('attachments', index)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
