import { Alert, Anchor, Button, Card, Group, MultiSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { RELEASE_STATES, RELEASE_STATE_LABELS, type ReleaseState } from '../../../../shared/domain/release-states';
import { RELEASE_KIND_LABELS } from '../../../../shared/domain/releases';
import { COMMUNICATION } from '../../../../shared/ipc/access';
import { formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { areaName } from '../../components/area-options';
import { EmptyRow } from '../../components/EmptyRow';
import { PageHeader } from '../../components/PageHeader';
import { useSignedIn } from '../../stores/session-store';
import { ReleaseBadges } from './ReleaseBadges';
import { ReleaseFormModal } from './ReleaseFormModal';

const STATE_OPTIONS = RELEASE_STATES.map((s) => ({ value: s, label: RELEASE_STATE_LABELS[s] }));

/** Comunicación Social → Difusiones: every release the signed-in user may read, the latest first. */
export function ReleasesPage() {
  const navigate = useNavigate();
  const roles = useSignedIn()?.user.roles ?? [];
  const communication = COMMUNICATION.some((r) => roles.includes(r));
  const [states, setStates] = useState<ReleaseState[]>([]);
  const [text, setText] = useState('');
  const { data, error } = useLoad(() => call('releases.list', { ...(states.length > 0 ? { states } : {}), ...(text.trim() ? { text: text.trim() } : {}) }), [states.join(), text]);
  const areas = useLoad(() => call('areas.list', {}), []).data ?? [];
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Difusiones"
        description="Boletines, posturas, campañas, publicaciones en redes sociales oficiales y contenidos del sitio web: revisión jurídica, validación del área, autorización firmada y publicación."
        actions={
          communication && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
              Nueva difusión
            </Button>
          )
        }
      />
      <Group gap="sm" align="flex-end">
        <MultiSelect label="Estado" placeholder={states.length === 0 ? 'Todos los estados' : undefined} data={STATE_OPTIONS} value={states} onChange={(v) => setStates(v as ReleaseState[])} clearable w={420} />
        <TextInput label="Buscar" placeholder="Folio o título" leftSection={<IconSearch size={16} />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Card withBorder padding={0} radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>Folio</Table.Th>
              <Table.Th w={190}>Tipo</Table.Th>
              <Table.Th>Título</Table.Th>
              <Table.Th w={200}>Área que proporciona</Table.Th>
              <Table.Th w={150}>Publicación planeada</Table.Th>
              <Table.Th w={230}>Estado</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((view) => {
              const { release } = view;
              return (
                <Table.Tr key={release.id} style={{ cursor: 'pointer' }} onClick={() => navigate(release.id)} data-testid={`release-row-${release.folio}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={release.id} fw={600} size="sm" onClick={(e) => e.stopPropagation()}>
                      {release.folio}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{RELEASE_KIND_LABELS[release.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {release.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{areaName(areas, release.providingAreaId)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(release.plannedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ReleaseBadges view={view} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {data && data.length === 0 && (
              <EmptyRow colSpan={6}>
                {states.length > 0 || text.trim()
                  ? 'Ninguna difusión coincide con el filtro.'
                  : communication
                    ? 'Aún no hay difusiones. Use «Nueva difusión» para preparar la primera.'
                    : 'No hay difusiones que le corresponda consultar: aquí aparecen las que revisa, autoriza o valida como titular del área que proporciona la información.'}
              </EmptyRow>
            )}
          </Table.Tbody>
        </Table>
      </Card>
      {creating && (
        <ReleaseFormModal
          release={null}
          onClose={() => setCreating(false)}
          onSaved={(view) => {
            setCreating(false);
            navigate(view.release.id);
          }}
        />
      )}
    </Stack>
  );
}
