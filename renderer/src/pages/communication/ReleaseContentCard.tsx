import { ActionIcon, Card, Code, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { BLACKOUT_EXCEPTION_LABELS, RELEASE_KIND_LABELS, type ReleaseDetail } from '../../../../shared/domain/releases';
import { CLASSIFICATION_LABELS } from '../../../../shared/domain/shipments';
import { formatDateTime } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { DetailField } from '../../components/DetailField';
import { formatBytes } from './release-form-values';

/** What the release says and where it comes from: every field, and its material to download. */
export function ReleaseContentCard({ detail, areaName }: { detail: ReleaseDetail; areaName: string }) {
  const { release } = detail;
  const download = async (blobId: string) => {
    try {
      const file = await call('releases.file', { releaseId: release.id, blobId });
      downloadBase64(file.fileName, file.mediaType, file.base64);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="sm">
        Datos de la difusión
      </Title>
      <Stack gap="sm">
        <DetailField label="Título">{release.title}</DetailField>
        <div>
          <Text size="xs" c="dimmed">
            Texto
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="release-body">
            {release.body}
          </Text>
        </div>
        <SimpleGrid cols={2}>
          <DetailField label="Tipo">{RELEASE_KIND_LABELS[release.kind]}</DetailField>
          <DetailField label="Área que proporciona la información">{areaName}</DetailField>
          <DetailField label="Publicación planeada">{formatDateTime(release.plannedAt)}</DetailField>
          <DetailField label="Embargo: no publicar antes de">{release.embargoUntil ? formatDateTime(release.embargoUntil) : 'Sin embargo'}</DetailField>
          <DetailField label="Clasificación">{CLASSIFICATION_LABELS[release.classification]}</DetailField>
          {release.classification !== 'publica' && <DetailField label="Fundamento legal">{release.legalBasis}</DetailField>}
          {(detail.blackout || release.blackoutException) && <DetailField label="Excepción de la veda">{release.blackoutException ? BLACKOUT_EXCEPTION_LABELS[release.blackoutException] : 'Sin excepción elegida'}</DetailField>}
          <DetailField label="Preparó">{`${release.createdBy.fullName}, ${formatDateTime(release.createdAt)}`}</DetailField>
        </SimpleGrid>
      </Stack>
      <Title order={3} size="h6" mt="md" mb="xs">
        Material
      </Title>
      {release.materials.length === 0 ? (
        <Text size="sm" c="dimmed">
          Sin material adjunto.
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="release-material-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Archivo</Table.Th>
              <Table.Th w={90}>Tamaño</Table.Th>
              <Table.Th w={140}>SHA-256</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {release.materials.map((m) => (
              <Table.Tr key={m.blobId}>
                <Table.Td style={{ wordBreak: 'break-all' }}>{m.fileName}</Table.Td>
                <Table.Td>{formatBytes(m.size)}</Table.Td>
                <Table.Td>
                  <Tooltip label={m.sha256}>
                    <Code>{m.sha256.slice(0, 12)}…</Code>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" aria-label={`Descargar ${m.fileName}`} onClick={() => void download(m.blobId)}>
                    <IconDownload size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
