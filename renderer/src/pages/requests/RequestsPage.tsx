import { Alert, Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { useLoad } from '../../api/use-load';
import { areaName } from '../../components/area-options';
import { EmptyRow } from '../../components/EmptyRow';
import { PageHeader } from '../../components/PageHeader';
import { useSignedIn } from '../../stores/session-store';
import { RequestFormModal } from './RequestFormModal';
import { RequestOutcome } from './RequestOutcome';
import { RequestStateBadge } from './RequestStateBadge';

/** «Solicitudes de difusión», for everyone: ask Comunicación Social to publish something for one's area, and see what became of it. */
export function RequestsPage() {
  const session = useSignedIn();
  const { data, error, reload } = useLoad(() => Promise.all([call('releaseRequests.mine', {}), call('areas.list', {})]), []);
  const [requests = [], areas = []] = data ?? [];
  const [creating, setCreating] = useState(false);

  const download = async (requestId: string, blobId: string) => {
    try {
      const file = await call('releaseRequests.material', { requestId, blobId });
      downloadBase64(file.fileName, file.mediaType, file.base64);
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Solicitudes de difusión"
        description="Pida a Comunicación Social que difunda información de su área: un boletín, una publicación en redes sociales o contenido para el sitio web."
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            Nueva solicitud
          </Button>
        }
      />
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} title="No se pudieron cargar sus solicitudes">
          {error}
        </Alert>
      )}
      <Card withBorder padding={0} radius="md">
        <Table striped verticalSpacing="sm" horizontalSpacing="md" data-testid="my-requests">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>Folio</Table.Th>
              <Table.Th>Qué se difunde</Table.Th>
              <Table.Th w={170}>Área</Table.Th>
              <Table.Th w={110}>Sugerida</Table.Th>
              <Table.Th w={180}>Estado</Table.Th>
              <Table.Th w={260}>Respuesta</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data && requests.length === 0 && <EmptyRow colSpan={6}>Aún no ha enviado solicitudes. Envíe la primera con «Nueva solicitud».</EmptyRow>}
            {requests.map((r) => (
              <Table.Tr key={r.id} data-testid={`my-request-${r.folio}`}>
                <Table.Td>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {r.folio}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(r.requestedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={3}>
                    {r.what}
                  </Text>
                  {r.materials.length > 0 && (
                    <Group gap={8} mt={4}>
                      {r.materials.map((m) => (
                        <Anchor key={m.blobId} size="xs" component="button" type="button" onClick={() => void download(r.id, m.blobId)}>
                          {m.fileName}
                        </Anchor>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{areaName(areas, r.areaId)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.suggestedOn ? formatCivilDate(r.suggestedOn) : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <RequestStateBadge state={r.state} />
                </Table.Td>
                <Table.Td>
                  <RequestOutcome request={r} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {creating && (
        <RequestFormModal
          areas={areas}
          defaultAreaId={session?.user.areaId ?? null}
          onClose={() => setCreating(false)}
          onSent={(sent) => {
            notifications.show({ color: 'green', message: `Se envió la solicitud ${sent.folio} a Comunicación Social.` });
            setCreating(false);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
