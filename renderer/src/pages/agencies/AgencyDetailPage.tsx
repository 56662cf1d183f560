import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { AGENCY_KIND_LABELS, CHANNEL_LABELS, FREQUENCY_LABELS, type Agreement } from '../../../../shared/domain/agencies';
import { formatCivilDate } from '../../../../shared/format/date';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { useLoad } from '../../api/use-load';
import { BackLink, DetailField } from '../../components/DetailField';
import { PageHeader } from '../../components/PageHeader';
import { AgreementStatusBadge } from '../../components/status-badges';
import { useIsAdmin } from '../../stores/session-store';
import { AgencyFormModal } from './AgencyFormModal';
import { AgreementFormModal } from './AgreementFormModal';
import { EmptyRow } from '../../components/EmptyRow';
import { EligibilityCheck } from './EligibilityCheck';

export function AgencyDetailPage() {
  const { agencyId = '' } = useParams();
  const isAdmin = useIsAdmin();
  const { data, error, reload } = useLoad(() => call('agencies.get', { agencyId }), [agencyId]);
  const [editing, setEditing] = useState(false);
  const [agreementForm, setAgreementForm] = useState<{ agreement?: Agreement } | null>(null);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return null;
  const { agency, agreements, obligations } = data;

  const download = async (agreement: Agreement) => {
    try {
      const file = await call('agreements.document', { agreementId: agreement.id });
      downloadBase64(file.fileName, file.mediaType, file.base64);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  return (
    <Stack gap="lg">
      <BackLink to="/dependencias">Dependencias</BackLink>
      <PageHeader
        title={`${agency.acronym} · ${agency.name}`}
        description={
          <Group gap="xs" component="span">
            {AGENCY_KIND_LABELS[agency.kind]}
            {!agency.active && <Badge color="gray" tt="none">Dada de baja</Badge>}
            {agency.example && <Badge color="grape" variant="light" tt="none">Ejemplo</Badge>}
          </Group>
        }
        actions={
          isAdmin && (
            <Button variant="default" leftSection={<IconEdit size={18} />} onClick={() => setEditing(true)}>
              Modificar
            </Button>
          )
        }
      />

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h5" mb="sm">
            Datos de contacto
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <DetailField label="Domicilio">{agency.address}</DetailField>
            <DetailField label="Teléfono">{agency.phone}</DetailField>
            <DetailField label="Correo institucional">{agency.email}</DetailField>
            <DetailField label="Notas">{agency.notes}</DetailField>
          </SimpleGrid>
          <Title order={3} size="h6" mt="md" mb="xs">
            Destinatarios autorizados
          </Title>
          {agency.recipients.length === 0 ? (
            <Text size="sm" c="dimmed">
              Sin destinatarios registrados.
            </Text>
          ) : (
            <Stack gap={4}>
              {agency.recipients.map((r) => (
                <Text size="sm" key={r.id}>
                  <b>{r.fullName}</b> · {r.position}
                  {r.identification && ` · ${r.identification}`}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
        <EligibilityCheck agencyId={agency.id} />
      </SimpleGrid>

      <Card withBorder radius="md" padding={0}>
        <Group justify="space-between" p="md">
          <Title order={2} size="h5">
            Convenios de colaboración
          </Title>
          {isAdmin && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAgreementForm({})}>
              Registrar convenio
            </Button>
          )}
        </Group>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Número</Table.Th>
              <Table.Th>Alcance</Table.Th>
              <Table.Th>Firma</Table.Th>
              <Table.Th>Vigencia</Table.Th>
              <Table.Th>Estado</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreements.map((a) => (
              <Table.Tr key={a.id} data-testid={`agreement-row-${a.number}`}>
                <Table.Td fw={600}>{a.number}</Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={2}>
                    {a.scope}
                  </Text>
                </Table.Td>
                <Table.Td>{formatCivilDate(a.signedOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatCivilDate(a.validFrom)} – {a.validTo ? formatCivilDate(a.validTo) : 'indefinida'}
                </Table.Td>
                <Table.Td>
                  <AgreementStatusBadge status={a.status} />
                  {a.status === 'por_vencer' && a.daysLeft !== null && (
                    <Text size="xs" c="dimmed">
                      {a.daysLeft === 0 ? 'vence hoy' : `faltan ${a.daysLeft} días`}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {a.document && (
                      <Button size="xs" variant="subtle" leftSection={<IconDownload size={14} />} onClick={() => void download(a)}>
                        Documento
                      </Button>
                    )}
                    {isAdmin && (
                      <Button size="xs" variant="default" onClick={() => setAgreementForm({ agreement: a })}>
                        Modificar
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {agreements.length === 0 && (
              <EmptyRow colSpan={6}>
                    Sin convenios: esta dependencia no puede recibir información oficial.
</EmptyRow>
            )}
          </Table.Tbody>
        </Table>
      </Card>

      {obligations.length > 0 && (
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h5" mb="sm">
            Reportes periódicos que recibe
          </Title>
          <Stack gap={4}>
            {obligations.map((o) => (
              <Text size="sm" key={o.id}>
                {o.reportName} · {FREQUENCY_LABELS[o.frequency]}, día {o.dueDay} · {CHANNEL_LABELS[o.usualChannel]}
              </Text>
            ))}
          </Stack>
        </Card>
      )}

      <AgencyFormModal
        opened={editing}
        agency={agency}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          reload();
        }}
      />
      <AgreementFormModal
        opened={agreementForm !== null}
        agencyId={agency.id}
        {...(agreementForm?.agreement ? { agreement: agreementForm.agreement } : {})}
        onClose={() => setAgreementForm(null)}
        onSaved={() => {
          setAgreementForm(null);
          notifications.show({ color: 'green', message: 'Convenio guardado.' });
          reload();
        }}
      />
    </Stack>
  );
}
