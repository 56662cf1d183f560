import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCalendarCheck, IconEdit, IconKey, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { INCIDENT_KIND_LABELS, NETWORK_LABELS, openIncidents } from '../../../../shared/domain/social-accounts';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { BackLink, DetailField } from '../../components/DetailField';
import { PageHeader } from '../../components/PageHeader';
import { AccountBadges } from './AccountBadges';
import { AccountFormModal } from './AccountFormModal';
import { AccountHistory } from './AccountHistory';
import { CustodiansCard } from './CustodiansCard';
import { IncidentsCard } from './IncidentsCard';
import { KeptPrintsCard } from './KeptPrintsCard';
import { RemoveAccountModal } from './RemoveAccountModal';
import { RequestScanSection } from './RequestScanSection';
import { RotationModal } from './RotationModal';
import { ValidateModal } from './ValidateModal';
import { kindLabel, pendingReason } from './account-labels';

type Dialog = 'edit' | 'validate' | 'rotation' | 'remove' | null;

/** One account: its data and status, who holds the password, its changes, and every step taken on it. */
export function AccountDetailPage() {
  const { accountId = '' } = useParams();
  const { data, error, reload } = useLoad(() => call('socialAccounts.get', { accountId }), [accountId]);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return null;
  const { account, pendingRotation } = data;
  const removed = data.status === 'dada_de_baja';
  const done = (message: string) => {
    setDialog(null);
    notifications.show({ color: 'green', message });
    reload();
  };

  return (
    <Stack gap="lg">
      <BackLink to="/comunicacion/cuentas">Cuentas de redes sociales</BackLink>
      <PageHeader title={`${NETWORK_LABELS[account.network]} · ${account.handle}`} description={kindLabel(data)} />
      <Group justify="space-between" align="center" gap="sm">
        <AccountBadges view={data} size="lg" />
        {!removed && (
          <Group gap="sm" data-testid="account-actions">
            <Button variant="default" leftSection={<IconEdit size={18} />} onClick={() => setDialog('edit')}>
              Modificar
            </Button>
            <Button variant="default" leftSection={<IconCalendarCheck size={18} />} onClick={() => setDialog('validate')}>
              Registrar validación
            </Button>
            <Button variant={pendingRotation ? 'filled' : 'default'} leftSection={<IconKey size={18} />} onClick={() => setDialog('rotation')}>
              Registrar cambio de contraseña
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={18} />} onClick={() => setDialog('remove')}>
              Dar de baja
            </Button>
          </Group>
        )}
      </Group>
      {openIncidents(account).map((incident) => (
        <Alert key={incident.id} color="red" variant="filled" icon={<IconAlertTriangle />} title={`Incidente abierto: ${INCIDENT_KIND_LABELS[incident.kind]}`} data-testid="open-incident-notice">
          Detectado el {formatDateTime(incident.steps.detectado?.at ?? '')}. La cuenta no debe usarse hasta cerrar el incidente con todos los pasos del protocolo (abajo, en «Incidentes de seguridad»).
        </Alert>
      ))}
      {pendingRotation && !removed && (
        <Alert color="red" icon={<IconKey />} title="Cambio de contraseña pendiente" data-testid="pending-rotation-notice">
          {pendingReason(data)} Mientras no se registre el cambio, la cuenta no debe usarse para publicar.
        </Alert>
      )}
      {data.status === 'en_revision' && (
        <Alert color="yellow" icon={<IconCalendarCheck />} title="En revisión">
          La cuenta no se ha validado dentro del periodo de revalidación (debía validarse a más tardar el {formatCivilDate(data.revalidationDueOn)}). Compruebe que sigue existiendo y que es de la institución, y registre la validación.
        </Alert>
      )}

      <Card withBorder radius="md" padding="lg">
        <Title order={2} size="h5" mb="sm">
          Datos de la cuenta
        </Title>
        <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
          <DetailField label="Red social">{NETWORK_LABELS[account.network]}</DetailField>
          <DetailField label="Usuario o nombre">{account.handle}</DetailField>
          <DetailField label="Dirección (URL)">
            {account.url && (
              <Text span size="sm" style={{ wordBreak: 'break-all' }}>
                {account.url}
              </Text>
            )}
          </DetailField>
          <DetailField label="Área responsable">{account.area}</DetailField>
          <DetailField label="Fecha de alta">{formatCivilDate(account.addedOn)}</DetailField>
          <DetailField label="Última validación">{formatCivilDate(account.lastValidatedOn)}</DetailField>
          <DetailField label="Próxima validación">{removed ? '' : formatCivilDate(data.revalidationDueOn)}</DetailField>
          <DetailField label="Cambio periódico de contraseña">{account.rotationEveryDays ? `Cada ${account.rotationEveryDays} días` : 'Sólo al salir un custodio o por incidente'}</DetailField>
          {account.holder && (
            <>
              <DetailField label="Titular">{account.holder.fullName}</DetailField>
              <DetailField label="Cargo del titular">{account.holder.position}</DetailField>
              <DetailField label="Nivel jerárquico">{account.holder.level === 0 ? '0 (titular de la institución)' : `${account.holder.level} (por debajo del titular)`}</DetailField>
              <DetailField label="Directorio público">{account.listedPublicly ? 'Sí, a petición del titular' : 'No'}</DetailField>
            </>
          )}
          {removed && <DetailField label="Fecha de baja">{formatCivilDate(account.removedOn)}</DetailField>}
        </SimpleGrid>
        {account.holder && <RequestScanSection view={data} onChanged={reload} />}
        {account.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-line' }}>
            <Text span size="xs" c="dimmed">
              Notas:{' '}
            </Text>
            {account.notes}
          </Text>
        )}
        {account.rotations.length > 0 && (
          <Text size="sm" mt="sm" c="dimmed">
            Último cambio de contraseña registrado: {formatCivilDate(account.rotations[account.rotations.length - 1]!.on)}.
          </Text>
        )}
      </Card>

      <CustodiansCard view={data} onChanged={reload} />
      <IncidentsCard view={data} onChanged={reload} />
      <KeptPrintsCard account={data.account} />
      <AccountHistory history={data.history} />

      {dialog === 'edit' && <AccountFormModal account={account} onClose={() => setDialog(null)} onSaved={() => done('Datos de la cuenta guardados.')} />}
      {dialog === 'validate' && <ValidateModal accountId={account.id} onClose={() => setDialog(null)} onDone={() => done('Validación registrada.')} />}
      {dialog === 'rotation' && <RotationModal view={data} onClose={() => setDialog(null)} onDone={() => done('Cambio de contraseña registrado.')} />}
      {dialog === 'remove' && <RemoveAccountModal view={data} onClose={() => setDialog(null)} onDone={() => done('La cuenta se dio de baja.')} />}
    </Stack>
  );
}
