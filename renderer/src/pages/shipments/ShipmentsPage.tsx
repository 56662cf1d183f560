import { Alert, Badge, Button, Card, Group, MultiSelect, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPlus, IconQrcode, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CHANNEL_LABELS, SHIPMENT_CHANNELS, type ShipmentChannel } from '../../../../shared/domain/agencies';
import { parseSheetCode } from '../../../../shared/domain/sheet-code';
import { SHIPMENT_STATE_LABELS, SHIPMENT_STATES, type ShipmentState } from '../../../../shared/domain/shipment-states';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, type Classification, type ShipmentSortField } from '../../../../shared/domain/shipments';
import { formatDateTime } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { PageHeader } from '../../components/PageHeader';
import { useSignedIn } from '../../stores/session-store';
import type { ScanNotice } from './ShipmentDetailPage';
import { ShipmentStateBadge } from './ShipmentStateBadge';
import { SortHeader } from './SortHeader';

const PAGE_SIZE = 25;

export function ShipmentsPage() {
  const navigate = useNavigate();
  const session = useSignedIn();
  const mayPrepare = session?.user.roles.some((r) => r === 'capturista' || r === 'administrador') ?? false;
  const [text, setText] = useState('');
  const [states, setStates] = useState<ShipmentState[]>([]);
  const [channels, setChannels] = useState<ShipmentChannel[]>([]);
  const [classifications, setClassifications] = useState<Classification[]>([]);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [sort, setSort] = useState<{ field: ShipmentSortField; direction: 'asc' | 'desc' }>({ field: 'createdAt', direction: 'desc' });
  const [page, setPage] = useState(1);
  const [scanError, setScanError] = useState<string | null>(null);
  const { data: agencies } = useLoad(() => call('agencies.list', {}), []);
  // A scanned sheet code is not a search: it must not filter the list while it is being typed.
  const searchText = parseSheetCode(text) ? '' : text.trim();
  const { data, error } = useLoad(
    () =>
      call('shipments.list', {
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
        sort: sort.field,
        direction: sort.direction,
        ...(searchText ? { text: searchText } : {}),
        ...(states.length ? { states } : {}),
        ...(channels.length ? { channels } : {}),
        ...(classifications.length ? { classifications } : {}),
        ...(agencyId ? { agencyId } : {}),
        ...(range[0] ? { from: range[0] } : {}),
        ...(range[1] ? { to: range[1] } : {}),
      }),
    [page, searchText, states, channels, classifications, agencyId, range[0], range[1], sort.field, sort.direction],
  );
  const filtered = Boolean(searchText || states.length || channels.length || classifications.length || agencyId || range[0] || range[1]);

  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    setPage(1);
    set(value);
  };
  const onSort = (field: ShipmentSortField) => {
    setPage(1);
    setSort((s) => ({ field, direction: s.field === field && s.direction === 'desc' ? 'asc' : 'desc' }));
  };

  /** A keyboard-wedge scanner types the sheet's QR text and Enter: jump to that shipment. */
  const jumpToScanned = async () => {
    if (!parseSheetCode(text)) return;
    try {
      const found = await call('shipments.lookup', { code: text });
      const notice: ScanNotice = { scannedFolio: found.folio, digestMatches: found.digestMatches, sheetVoided: found.sheetVoided };
      setText('');
      setScanError(null);
      navigate(found.shipmentId, { state: notice });
    } catch (e) {
      setScanError(errorMessage(e));
    }
  };

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
      {scanError && (
        <Alert color="red" withCloseButton onClose={() => setScanError(null)} title="Código leído">
          {scanError}
        </Alert>
      )}
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Buscar"
          description="O lea el código QR de una hoja con el escáner"
          placeholder="Folio, asunto, sello, serie del medio…"
          leftSection={parseSheetCode(text) ? <IconQrcode size={16} /> : <IconSearch size={16} />}
          value={text}
          onChange={(e) => {
            setPage(1);
            setText(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void jumpToScanned();
          }}
          w={320}
          data-autofocus
        />
        <MultiSelect label="Estado" placeholder="Todos" data={SHIPMENT_STATES.map((s) => ({ value: s, label: SHIPMENT_STATE_LABELS[s] }))} value={states} onChange={changed((v: string[]) => setStates(v as ShipmentState[]))} clearable w={240} />
        <MultiSelect label="Canal" placeholder="Todos" data={SHIPMENT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} value={channels} onChange={changed((v: string[]) => setChannels(v as ShipmentChannel[]))} clearable w={240} />
      </Group>
      <Group align="flex-end" gap="sm" mt={-8}>
        <Select
          label="Dependencia"
          placeholder="Todas"
          searchable
          clearable
          data={(agencies ?? []).map(({ agency }) => ({ value: agency.id, label: `${agency.acronym} · ${agency.name}` }))}
          value={agencyId}
          onChange={changed(setAgencyId)}
          nothingFoundMessage="Sin coincidencias"
          w={320}
        />
        <MultiSelect label="Clasificación" placeholder="Todas" data={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))} value={classifications} onChange={changed((v: string[]) => setClassifications(v as Classification[]))} clearable w={240} />
        <DatePickerInput type="range" label="Creado entre" placeholder="Cualquier fecha" valueFormat="DD/MM/YYYY" allowSingleDateInRange clearable value={range} onChange={changed((v: [string | null, string | null]) => setRange(v))} w={240} />
      </Group>
      <Card withBorder padding={0} radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <SortHeader field="folio" w={170} sort={sort.field} direction={sort.direction} onSort={onSort}>
                Folio
              </SortHeader>
              <SortHeader field="subject" sort={sort.field} direction={sort.direction} onSort={onSort}>
                Asunto
              </SortHeader>
              <SortHeader field="agency" w={130} sort={sort.field} direction={sort.direction} onSort={onSort}>
                Destinatario
              </SortHeader>
              <Table.Th w={150}>Canal</Table.Th>
              <SortHeader field="state" w={180} sort={sort.field} direction={sort.direction} onSort={onSort}>
                Estado
              </SortHeader>
              <SortHeader field="updatedAt" w={160} sort={sort.field} direction={sort.direction} onSort={onSort}>
                Actualizado
              </SortHeader>
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
            {data && data.items.length === 0 && <EmptyRow colSpan={6}>{data.total === 0 && !filtered ? 'Aún no hay envíos registrados.' : 'Ningún envío coincide con los filtros.'}</EmptyRow>}
          </Table.Tbody>
        </Table>
      </Card>
      {data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {data.total === 1 ? '1 envío' : `${data.total.toLocaleString('es-MX')} envíos`}
          </Text>
          <Pagination total={Math.max(1, Math.ceil(data.total / PAGE_SIZE))} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
