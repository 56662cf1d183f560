import { Alert, Button, Card, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type AuditVerification } from '../../../../shared/domain/audit';
import { formatDateTime } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { EmptyRow } from '../../components/EmptyRow';
import { countOf } from '../../../../shared/format/plural';

/** Which form was printed, which sheet, and whether it was a reprint: what an auditor asks of «Formato impreso». */
function printedDetail(details: Record<string, unknown>): string {
  const parts = [String(details.formato ?? 'Formato')];
  if (typeof details.hoja === 'number') parts.push(`hoja ${details.hoja}`);
  parts.push(typeof details.reimpresion === 'number' && details.reimpresion > 0 ? `reimpresión ${details.reimpresion}` : 'primera impresión');
  return parts.join(' · ');
}

const PAGE_SIZE = 25;
const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }));

/** Start of a calendar day in Mexico City, as UTC ISO (the office's day, not the machine's). */
function dayStartIso(day: string): string {
  return new Date(`${day}T00:00:00-06:00`).toISOString();
}
function dayEndIso(day: string): string {
  return new Date(`${day}T23:59:59.999-06:00`).toISOString();
}

export function AuditLogPanel() {
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const [action, setAction] = useState<AuditAction | null>(null);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  const { data, error } = useLoad(
    () =>
      call('audit.list', {
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(action ? { action } : {}),
        ...(range[0] ? { from: dayStartIso(range[0]) } : {}),
        ...(range[1] ? { to: dayEndIso(range[1]) } : {}),
      }),
    [page, text, action, range],
  );
  const entries: AuditEntry[] = data?.entries ?? [];
  const total = data?.total ?? 0;

  const verify = async () => {
    try {
      setVerification(await call('audit.verify', {}));
    } catch (e) {
      notifications.show({ color: 'red', title: 'No se pudo verificar', message: errorMessage(e) });
    }
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <TextInput label="Buscar" placeholder="Usuario, acción, detalle…" leftSection={<IconSearch size={16} />} value={text} onChange={(e) => { setPage(1); setText(e.currentTarget.value); }} w={260} />
        <Select label="Acción" placeholder="Todas" data={ACTION_OPTIONS} value={action} onChange={(v) => { setPage(1); setAction(v as AuditAction | null); }} clearable w={260} />
        <DatePickerInput type="range" label="Fechas" placeholder="Cualquier fecha" value={range} onChange={(v) => { setPage(1); setRange(v as [string | null, string | null]); }} clearable valueFormat="DD/MM/YYYY" w={240} />
        <Button variant="light" leftSection={<IconShieldCheck size={18} />} onClick={() => void verify()} ml="auto">
          Verificar integridad
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="No se pudo leer la bitácora">
          {error}
        </Alert>
      )}
      {verification &&
        (verification.ok ? (
          <Alert color="green" icon={<IconShieldCheck />} title="Bitácora íntegra" withCloseButton onClose={() => setVerification(null)}>
            Se revisaron {verification.checked} registros encadenados; ninguno fue alterado, quitado ni reordenado.
          </Alert>
        ) : (
          <Alert color="red" icon={<IconShieldX />} title="La bitácora fue alterada" withCloseButton onClose={() => setVerification(null)}>
            {verification.firstBad?.reason}
          </Alert>
        ))}
      <Card withBorder padding={0} radius="md">
        <Table striped verticalSpacing="xs" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>Fecha y hora</Table.Th>
              <Table.Th w={230}>Acción</Table.Th>
              <Table.Th>Quién</Table.Th>
              <Table.Th>Detalle</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.seq}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} c={entry.action === 'session.sign_in_failed' ? 'red.8' : undefined}>
                    {AUDIT_ACTIONS[entry.action]}
                  </Text>
                </Table.Td>
                <Table.Td>{entry.actor ? `${entry.actor.fullName} (${entry.actor.userName})` : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.subject}</Text>
                  {entry.action === 'document.printed' && (
                    <Text size="xs" c="dimmed">
                      {printedDetail(entry.details)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {entries.length === 0 && (
              <EmptyRow colSpan={4}>
                    No hay registros con esos filtros.
</EmptyRow>
            )}
          </Table.Tbody>
        </Table>
      </Card>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {countOf(total, 'registro', 'registros')}
        </Text>
        <Pagination total={Math.max(1, Math.ceil(total / PAGE_SIZE))} value={page} onChange={setPage} size="sm" />
      </Group>
    </Stack>
  );
}
