import { Alert, Badge, Button, Card, Group, MultiSelect, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { CHANNEL_LABELS, SHIPMENT_CHANNELS, type ShipmentChannel } from '../../../../shared/domain/agencies';
import { SHIPMENT_STATE_LABELS, SHIPMENT_STATES, type ShipmentState } from '../../../../shared/domain/shipment-states';
import { CLASSIFICATION_LABELS } from '../../../../shared/domain/shipments';
import { formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { PageHeader } from '../../components/PageHeader';
import { useSignedIn } from '../../stores/session-store';
import { EditShipmentPage, NewShipmentPage } from './NewShipmentPage';
import { ShipmentDetailPage } from './ShipmentDetailPage';
import { ShipmentStateBadge } from './ShipmentStateBadge';

export function ShipmentsSection() {
  return (
    <Routes>
      <Route index element={<ShipmentsPage />} />
      <Route path="nuevo" element={<NewShipmentPage />} />
      <Route path=":shipmentId" element={<ShipmentDetailPage />} />
      <Route path=":shipmentId/editar" element={<EditShipmentPage />} />
    </Routes>
  );
}

const PAGE_SIZE = 25;

function ShipmentsPage() {
  const navigate = useNavigate();
  const session = useSignedIn();
  const mayPrepare = session?.user.roles.some((r) => r === 'capturista' || r === 'administrador') ?? false;
  const [text, setText] = useState('');
  const [states, setStates] = useState<ShipmentState[]>([]);
  const [channels, setChannels] = useState<ShipmentChannel[]>([]);
  const [page, setPage] = useState(1);
  const { data, error } = useLoad(
    () =>
      call('shipments.list', {
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(states.length ? { states } : {}),
        ...(channels.length ? { channels } : {}),
      }),
    [page, text, states, channels],
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title="Envíos"
        description="Información oficial que sale de la oficina, del borrador al acuse de recibo."
        actions={
          mayPrepare && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => navigate('nuevo')}>
              Nuevo envío
            </Button>
          )
        }
      />
      {error && <Alert color="red">{error}</Alert>}
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Buscar"
          placeholder="Folio, asunto, sello, serie del medio…"
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => {
            setPage(1);
            setText(e.currentTarget.value);
          }}
          w={320}
        />
        <MultiSelect label="Estado" placeholder="Todos" data={SHIPMENT_STATES.map((s) => ({ value: s, label: SHIPMENT_STATE_LABELS[s] }))} value={states} onChange={(v) => { setPage(1); setStates(v as ShipmentState[]); }} clearable w={260} />
        <MultiSelect label="Canal" placeholder="Todos" data={SHIPMENT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} value={channels} onChange={(v) => { setPage(1); setChannels(v as ShipmentChannel[]); }} clearable w={260} />
      </Group>
      <Card withBorder padding={0} radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>Folio</Table.Th>
              <Table.Th>Asunto</Table.Th>
              <Table.Th w={120}>Destinatario</Table.Th>
              <Table.Th w={150}>Canal</Table.Th>
              <Table.Th w={170}>Estado</Table.Th>
              <Table.Th w={150}>Actualizado</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((s) => (
              <Table.Tr key={s.id} style={{ cursor: 'pointer' }} onClick={() => navigate(s.id)} data-testid={`shipment-row-${s.id}`}>
                <Table.Td fw={600}>{s.folio ?? <Text size="sm" c="dimmed">Sin folio</Text>}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {s.subject}
                  </Text>
                  {s.classification !== 'publica' && (
                    <Badge size="xs" color="red" variant="outline" tt="none">
                      {CLASSIFICATION_LABELS[s.classification]}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{s.agencyAcronym}</Table.Td>
                <Table.Td>{CHANNEL_LABELS[s.channel]}</Table.Td>
                <Table.Td>
                  <ShipmentStateBadge state={s.state} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
            {data && data.items.length === 0 && <EmptyRow colSpan={6}>{data.total === 0 && !text && !states.length && !channels.length ? 'Aún no hay envíos registrados.' : 'Ningún envío coincide con los filtros.'}</EmptyRow>}
          </Table.Tbody>
        </Table>
      </Card>
      {data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {data.total} envíos
          </Text>
          <Pagination total={Math.max(1, Math.ceil(data.total / PAGE_SIZE))} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
