import { Anchor, Badge, Button, Card, Checkbox, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { CUSTODY_EVENT_LABELS, describeParty, type CustodyFilterInput } from '../../../../shared/domain/custody';
import { formatDateTime } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { useVerification } from './ShipmentCustody';
import { VerificationResult } from './VerificationResult';

const PAGE_SIZE = 25;

/** Every handoff in the vault, newest first, with filters, CSV export and whole-vault verification. */
export function CustodyLog({ version }: { version: number }) {
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [person, setPerson] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  const [page, setPage] = useState(1);
  const { result: verification, checking, verify: verifyAll } = useVerification();
  const [exporting, setExporting] = useState(false);
  const { data: agencies } = useLoad(() => call('agencies.list', {}), []);
  const filter: CustodyFilterInput = {
    ...(range[0] ? { from: range[0] } : {}),
    ...(range[1] ? { to: range[1] } : {}),
    ...(person.trim() ? { person: person.trim() } : {}),
    ...(agencyId ? { agencyId } : {}),
    ...(broken ? { brokenSealOnly: true } : {}),
  };
  const { data } = useLoad(() => call('custody.list', { ...filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }), [page, range[0], range[1], person, agencyId, broken, version]);
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    setPage(1);
    set(v);
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const file = await call('custody.exportCsv', filter);
      downloadBase64(file.fileName, file.mediaType, file.base64);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Bitácora de custodia
        </Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFileTypeCsv size={16} />} loading={exporting} onClick={() => void exportCsv()}>
            Exportar CSV
          </Button>
          <Button variant="light" leftSection={<IconShieldCheck size={16} />} loading={checking} onClick={() => void verifyAll()}>
            Verificar toda la bóveda
          </Button>
        </Group>
      </Group>
      <Stack gap="sm">
        {verification && <VerificationResult result={verification} />}
        <Group align="flex-end" gap="sm">
          <DatePickerInput type="range" label="Fecha" placeholder="Cualquier fecha" valueFormat="DD/MM/YYYY" allowSingleDateInRange clearable value={range} onChange={changed((v: [string | null, string | null]) => setRange(v))} w={240} />
          <TextInput label="Persona" placeholder="Entrega, recibe o registró" value={person} onChange={(e) => changed(setPerson)(e.currentTarget.value)} w={220} />
          <Select label="Dependencia" placeholder="Todas" clearable searchable data={(agencies ?? []).map(({ agency }) => ({ value: agency.id, label: agency.acronym }))} value={agencyId} onChange={changed(setAgencyId)} w={180} />
          <Checkbox label="Sólo con sello dañado" checked={broken} onChange={(e) => changed(setBroken)(e.currentTarget.checked)} mb={8} />
        </Group>
        <Table verticalSpacing="xs" highlightOnHover data-testid="custody-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Fecha y hora</Table.Th>
              <Table.Th w={150}>Folio</Table.Th>
              <Table.Th>Movimiento</Table.Th>
              <Table.Th>Entrega</Table.Th>
              <Table.Th>Recibe</Table.Th>
              <Table.Th>Lugar</Table.Th>
              <Table.Th w={110}>Sellos</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/envios/${e.shipmentId}`} size="sm" fw={600}>
                    {e.folio ?? 'Sin folio'}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {e.agencyAcronym}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {CUSTODY_EVENT_LABELS[e.type]}
                  {e.corrects && (
                    <Text size="xs" c="dimmed">
                      Corrección
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{describeParty(e.from)}</Table.Td>
                <Table.Td>{describeParty(e.to)}</Table.Td>
                <Table.Td>{e.place}</Table.Td>
                <Table.Td>
                  {e.brokenSeal ? (
                    <Badge color="red" size="sm" title="Sello dañado">
                      Dañado
                    </Badge>
                  ) : e.seals.length > 0 ? (
                    <Text size="xs">{e.seals.length === 1 ? '1 íntegro' : `${e.seals.length} íntegros`}</Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {data && data.items.length === 0 && <EmptyRow colSpan={7}>{Object.keys(filter).length ? 'Ningún movimiento coincide con los filtros.' : 'Aún no hay movimientos de custodia.'}</EmptyRow>}
          </Table.Tbody>
        </Table>
        {data && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {data.total === 1 ? '1 movimiento' : `${data.total.toLocaleString('es-MX')} movimientos`}
            </Text>
            <Pagination total={Math.max(1, Math.ceil(data.total / PAGE_SIZE))} value={page} onChange={setPage} size="sm" />
          </Group>
        )}
      </Stack>
    </Card>
  );
}
