import { Anchor, Button, Divider, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Area } from '../../../../shared/domain/areas';
import type { ReleaseRequest } from '../../../../shared/domain/releases';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { formatBytes } from '../../../../shared/format/bytes';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { areaName } from '../../components/area-options';
import { DetailField } from '../../components/DetailField';
import { RequestOutcome } from '../requests/RequestOutcome';
import { RequestStateBadge } from '../requests/RequestStateBadge';
import { ReleaseDossierButton } from './ReleaseDossierButton';
import { releasePath } from './request-conversion';

/** One request as Comunicación Social reads it: what, why, when, its material, and what to do with it. */
export function RequestDetailModal({ request, areas, onClose, onDecline, onConvert }: { request: ReleaseRequest; areas: readonly Area[]; onClose: () => void; onDecline: () => void; onConvert: () => void }) {
  const download = async (blobId: string) => {
    try {
      const file = await call('releaseRequests.material', { requestId: request.id, blobId });
      downloadBase64(file.fileName, file.mediaType, file.base64);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Solicitud de difusión ${request.folio}`} size="lg" centered>
      <Stack gap="md">
        <Group justify="space-between">
          <RequestStateBadge state={request.state} />
          <Text size="xs" c="dimmed">
            Recibida el {formatDateTime(request.requestedAt)}
          </Text>
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <DetailField label="Área que solicita">{areaName(areas, request.areaId)}</DetailField>
          <DetailField label="Solicitó">{request.requestedBy.fullName}</DetailField>
          <DetailField label="Fecha sugerida">{request.suggestedOn ? formatCivilDate(request.suggestedOn) : ''}</DetailField>
        </SimpleGrid>
        <div>
          <Text size="xs" c="dimmed">
            Qué se quiere difundir
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {request.what}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Para qué o por qué
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {request.why}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            Material
          </Text>
          {request.materials.length === 0 && (
            <Text size="sm" c="dimmed">
              Sin material.
            </Text>
          )}
          <Stack gap={4}>
            {request.materials.map((m) => (
              <Group key={m.blobId} gap="xs" wrap="nowrap">
                <IconFileDownload size={16} />
                <Anchor size="sm" component="button" type="button" onClick={() => void download(m.blobId)}>
                  {m.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatBytes(m.size)}
                </Text>
              </Group>
            ))}
          </Stack>
        </div>
        {request.state !== 'pendiente' && (
          <>
            <Divider />
            <RequestOutcome request={request} />
          </>
        )}
        <Group justify="flex-end">
          {request.state === 'pendiente' && (
            <>
              <Button variant="light" color="red" onClick={onDecline}>
                Declinar
              </Button>
              <Button onClick={onConvert}>Convertir en difusión</Button>
            </>
          )}
          {request.state === 'convertida' && request.releaseId && (
            <>
              <ReleaseDossierButton releaseId={request.releaseId} />
              <Button component={Link} to={releasePath(request.releaseId)} variant="light">
                Abrir la difusión
              </Button>
            </>
          )}
          <Button variant="default" onClick={onClose}>
            Cerrar
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
