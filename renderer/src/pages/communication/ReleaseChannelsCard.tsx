import { Anchor, Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { channelKey, type ReleaseDetail } from '../../../../shared/domain/releases';
import { formatDateTime } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';

/** Each channel, whether it may carry the release today, and its publication once registered. */
export function ReleaseChannelsCard({ detail }: { detail: ReleaseDetail }) {
  const { release } = detail;
  const capture = async (blobId: string) => {
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
        Canales y publicaciones
      </Title>
      <Table verticalSpacing="xs" data-testid="release-channels">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Canal</Table.Th>
            <Table.Th w={110}>Tipo</Table.Th>
            <Table.Th>Publicación</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.channelViews.map(({ channel, label, refusal }) => {
            const published = release.publications.find((p) => channelKey(p.channel) === channelKey(channel));
            return (
              <Table.Tr key={channelKey(channel)} data-testid={`release-channel-${label}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {published?.channelLabel ?? label}
                  </Text>
                  {refusal && !published && (
                    <Text size="xs" c="red">
                      {refusal}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{channel.type === 'cuenta' ? 'Red social' : 'Medio'}</Text>
                </Table.Td>
                <Table.Td>
                  {published ? (
                    <Stack gap={2}>
                      <Badge color="green" variant="light" tt="none" styles={BADGE_FULL_WIDTH}>
                        Publicada el {formatDateTime(published.at)}
                      </Badge>
                      {published.url && (
                        <Anchor href={published.url} target="_blank" size="xs" style={{ wordBreak: 'break-all' }}>
                          {published.url}
                        </Anchor>
                      )}
                      {published.note && (
                        <Text size="xs" c="dimmed">
                          {published.note}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        Registró {published.by.fullName}
                      </Text>
                      {published.capture && (
                        <Button size="compact-xs" variant="subtle" onClick={() => void capture(published.capture!.blobId)} w="fit-content">
                          Descargar captura
                        </Button>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Sin publicar
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
