import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { AGENCY_KIND_LABELS } from '../../../../shared/domain/agencies';
import type { AgencySummary } from '../../../../shared/domain/directory-views';
import { formatCivilDate } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { PageHeader } from '../../components/PageHeader';
import { AgreementStatusBadge } from '../../components/status-badges';
import { useIsAdmin } from '../../stores/session-store';
import { AgencyFormModal } from './AgencyFormModal';
import { CsvImportModal } from './CsvImportModal';
import { EmptyRow } from '../../components/EmptyRow';

type SortKey = 'nombre' | 'siglas' | 'vencimiento';

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function sortSummaries(list: AgencySummary[], key: SortKey): AgencySummary[] {
  const copy = [...list];
  if (key === 'siglas') return copy.sort((a, b) => a.agency.acronym.localeCompare(b.agency.acronym, 'es'));
  if (key === 'vencimiento') return copy.sort((a, b) => (a.agreement?.validTo ?? '9999-12-31').localeCompare(b.agreement?.validTo ?? '9999-12-31'));
  return copy.sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'es'));
}

export function AgenciesPage() {
  const isAdmin = useIsAdmin();
  const navigate = useNavigate();
  const { data, error, reload } = useLoad(() => call('agencies.list', {}), []);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('nombre');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const rows = useMemo(() => {
    const q = fold(query.trim());
    const filtered = (data ?? []).filter(({ agency }) => !q || fold(`${agency.name} ${agency.acronym}`).includes(q));
    return sortSummaries(filtered, sort);
  }, [data, query, sort]);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Dependencias y convenios"
        description="Sólo se envía información oficial a dependencias con un convenio de colaboración vigente en la fecha de despacho."
        actions={
          isAdmin && (
            <>
              <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={() => setImporting(true)}>
                Importar CSV
              </Button>
              <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
                Nueva dependencia
              </Button>
            </>
          )
        }
      />
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="space-between">
        <TextInput placeholder="Buscar por nombre o siglas" leftSection={<IconSearch size={16} />} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={340} aria-label="Buscar dependencia" />
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Ordenar por
          </Text>
          <SegmentedControl
            size="xs"
            value={sort}
            onChange={(v) => setSort(v as SortKey)}
            data={[
              { value: 'nombre', label: 'Nombre' },
              { value: 'siglas', label: 'Siglas' },
              { value: 'vencimiento', label: 'Vencimiento' },
            ]}
          />
        </Group>
      </Group>
      <Card withBorder padding={0} radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Siglas</Table.Th>
              <Table.Th>Dependencia</Table.Th>
              <Table.Th w={150}>Tipo</Table.Th>
              <Table.Th w={260}>Convenio</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ agency, agreement }) => (
              <Table.Tr key={agency.id} style={{ cursor: 'pointer' }} onClick={() => navigate(agency.id)} data-testid={`agency-row-${agency.acronym}`}>
                <Table.Td fw={600}>{agency.acronym}</Table.Td>
                <Table.Td>
                  <Text size="sm">{agency.name}</Text>
                  <Group gap={6}>
                    {!agency.active && (
                      <Badge size="xs" color="gray" tt="none">
                        Dada de baja
                      </Badge>
                    )}
                    {agency.example && (
                      <Badge size="xs" color="grape" variant="light" tt="none">
                        Ejemplo
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{AGENCY_KIND_LABELS[agency.kind]}</Table.Td>
                <Table.Td>
                  {agreement ? (
                    <Group gap="xs" wrap="nowrap">
                      <AgreementStatusBadge status={agreement.status} />
                      <Text size="xs" c="dimmed">
                        {agreement.number} · {agreement.validTo ? `hasta ${formatCivilDate(agreement.validTo)}` : 'indefinido'}
                      </Text>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Sin convenio
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {data && rows.length === 0 && (
              <EmptyRow colSpan={4}>
                    {data.length === 0 ? 'Aún no hay dependencias registradas.' : 'Ninguna dependencia coincide con la búsqueda.'}
</EmptyRow>
            )}
          </Table.Tbody>
        </Table>
      </Card>
      <AgencyFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(agency) => {
          setCreating(false);
          navigate(agency.id);
        }}
      />
      <CsvImportModal opened={importing} onClose={() => setImporting(false)} onImported={reload} />
    </Stack>
  );
}
