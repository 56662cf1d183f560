import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { NETWORK_LABELS } from '../../../../shared/domain/social-accounts';
import type { DocumentDownload } from '../../../../shared/ipc/contract';
import { formatCivilDate } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';
import { PageHeader } from '../../components/PageHeader';
import { AccountBadges } from './AccountBadges';
import { AccountFormModal } from './AccountFormModal';
import { kindLabel } from './account-labels';
import { PrintedPdfModal } from './PrintedPdfModal';

/** The directory of the institution's social-network accounts (Comunicación Social → Cuentas). */
export function AccountsPage() {
  const navigate = useNavigate();
  const { data, error } = useLoad(() => call('socialAccounts.list', {}), []);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState<DocumentDownload | null>(null);

  // Octava: the accounts that count as official and the personal ones whose holders asked to be listed, for Excel.
  const exportDirectory = async () => {
    setExporting(true);
    try {
      const file = await call('socialAccounts.exportDirectory', {});
      downloadBase64(file.fileName, file.mediaType, file.base64);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  // The same entries, printed for the transparency portal and the files.
  const printDirectory = async () => {
    setPrinting(true);
    try {
      setPrinted(await call('socialAccounts.printDirectory', {}));
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Cuentas de redes sociales"
        description="Directorio de las cuentas oficiales y personales registradas, quién custodia cada contraseña y cuándo se validaron."
        actions={
          <Group gap="sm">
            <Button variant="default" leftSection={<IconFileTypeCsv size={18} />} loading={exporting} onClick={() => void exportDirectory()}>
              Exportar directorio público (CSV)
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={18} />} loading={printing} onClick={() => void printDirectory()}>
              Imprimir directorio público
            </Button>
            <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
              Registrar cuenta
            </Button>
          </Group>
        }
      />
      {error && <Alert color="red">{error}</Alert>}
      <Card withBorder padding={0} radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Red</Table.Th>
              <Table.Th>Usuario o enlace</Table.Th>
              <Table.Th w={210}>Tipo</Table.Th>
              <Table.Th>Área</Table.Th>
              <Table.Th w={230}>Estado</Table.Th>
              <Table.Th w={130}>Próxima validación</Table.Th>
              <Table.Th>Custodios vigentes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((view) => {
              const { account } = view;
              const current = account.custodies.filter((c) => c.endedOn === null);
              return (
                <Table.Tr key={account.id} style={{ cursor: 'pointer' }} onClick={() => navigate(account.id)} data-testid={`account-row-${account.handle}`}>
                  <Table.Td fw={600}>{NETWORK_LABELS[account.network]}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={account.id} fw={600} size="sm" onClick={(e) => e.stopPropagation()}>
                      {account.handle}
                    </Anchor>
                    {account.url && (
                      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                        {account.url}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{kindLabel(view)}</Text>
                    {account.holder && (
                      <Text size="xs" c="dimmed">
                        {account.holder.fullName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{account.area}</Text>
                  </Table.Td>
                  <Table.Td>
                    <AccountBadges view={view} />
                  </Table.Td>
                  <Table.Td>{view.status === 'dada_de_baja' ? '—' : formatCivilDate(view.revalidationDueOn)}</Table.Td>
                  <Table.Td>
                    {current.length === 0 ? (
                      <Badge color={view.status === 'dada_de_baja' ? 'gray' : 'orange'} variant="light" tt="none" styles={BADGE_FULL_WIDTH}>
                        Sin custodio
                      </Badge>
                    ) : (
                      <Stack gap={0}>
                        {current.map((c) => (
                          <Text size="sm" key={c.id}>
                            {c.custodian.fullName}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {data && data.length === 0 && <EmptyRow colSpan={7}>Aún no hay cuentas registradas. Use «Registrar cuenta» para dar de alta la primera.</EmptyRow>}
          </Table.Tbody>
        </Table>
      </Card>
      {printed && <PrintedPdfModal title="Directorio público de cuentas" pdf={printed} onClose={() => setPrinted(null)} />}
      {creating && (
        <AccountFormModal
          onClose={() => setCreating(false)}
          onSaved={(view) => {
            setCreating(false);
            navigate(view.account.id);
          }}
        />
      )}
    </Stack>
  );
}
