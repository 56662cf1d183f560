import { Alert, Button, Card, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReleaseRequest } from '../../../../shared/domain/releases';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { countOf } from '../../../../shared/format/plural';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { areaName } from '../../components/area-options';
import { EmptyRow } from '../../components/EmptyRow';
import { PageHeader } from '../../components/PageHeader';
import { RequestStateBadge } from '../requests/RequestStateBadge';
import { ConvertRequestModal } from './ConvertRequestModal';
import { DeclineRequestModal } from './DeclineRequestModal';
import { RequestDetailModal } from './RequestDetailModal';

type Open = { request: ReleaseRequest; step: 'detail' | 'decline' | 'convert' } | null;

/** Comunicación Social → Solicitudes: every area's requests, the pending ones first; each is declined with a reason or becomes a release. */
export function RequestsQueuePage() {
  const { data, error, reload } = useLoad(() => Promise.all([call('releaseRequests.list', {}), call('areas.list', {}), call('socialAccounts.list', {}), call('outlets.list', {})]), []);
  const [requests = [], areas = [], accounts = [], outlets = []] = data ?? [];
  const [filter, setFilter] = useState<'pendientes' | 'todas'>('pendientes');
  const [open, setOpen] = useState<Open>(null);
  const pending = requests.filter((r) => r.state === 'pendiente');
  const shown = filter === 'pendientes' ? pending : requests;

  return (
    <Stack gap="lg">
      <PageHeader title="Solicitudes de difusión" description="Lo que las áreas piden difundir. Conviértalas en difusión o declínelas explicando el motivo; el área ve la respuesta." />
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} title="No se pudieron cargar las solicitudes">
          {error}
        </Alert>
      )}
      <SegmentedControl
        w={320}
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        data={[
          { value: 'pendientes', label: `Pendientes (${pending.length})` },
          { value: 'todas', label: `Todas (${requests.length})` },
        ]}
      />
      <Card withBorder padding={0} radius="md">
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="request-queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>Folio</Table.Th>
              <Table.Th w={220}>Área</Table.Th>
              <Table.Th>Qué se difunde</Table.Th>
              <Table.Th w={110}>Sugerida</Table.Th>
              <Table.Th w={190}>Estado</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data && shown.length === 0 && <EmptyRow colSpan={6}>{filter === 'pendientes' ? 'No hay solicitudes pendientes.' : 'Ninguna área ha enviado solicitudes.'}</EmptyRow>}
            {shown.map((r) => (
              <Table.Tr key={r.id} data-testid={`queue-${r.folio}`}>
                <Table.Td>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {r.folio}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(r.requestedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{areaName(areas, r.areaId)}</Text>
                  <Text size="xs" c="dimmed">
                    {r.requestedBy.fullName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {r.what}
                  </Text>
                  {r.materials.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {countOf(r.materials.length, 'archivo de material', 'archivos de material')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.suggestedOn ? formatCivilDate(r.suggestedOn) : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <RequestStateBadge state={r.state} />
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setOpen({ request: r, step: 'detail' })}>
                    Ver
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {open?.step === 'detail' && (
        <RequestDetailModal
          request={open.request}
          areas={areas}
          onClose={() => setOpen(null)}
          onDecline={() => setOpen({ request: open.request, step: 'decline' })}
          onConvert={() => setOpen({ request: open.request, step: 'convert' })}
        />
      )}
      {open?.step === 'decline' && (
        <DeclineRequestModal
          request={open.request}
          onClose={() => setOpen({ request: open.request, step: 'detail' })}
          onDone={(declined) => {
            notifications.show({ color: 'green', message: `Se declinó la solicitud ${declined.folio}.` });
            setOpen(null);
            reload();
          }}
        />
      )}
      {open?.step === 'convert' && <ConvertRequestModal request={open.request} areas={areas} accounts={accounts} outlets={outlets} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
