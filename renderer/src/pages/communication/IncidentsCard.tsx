import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { INCIDENT_STEP_LABELS, type AccountView, type IncidentStep } from '../../../../shared/domain/social-accounts';
import { call } from '../../api/client';
import { useShownDocument } from './account-documents';
import { IncidentItem } from './IncidentItem';
import { IncidentStepModal } from './IncidentStepModal';
import { OpenIncidentModal } from './OpenIncidentModal';
import { ShownDocumentModal } from './ShownDocumentModal';

/** Décima quinta's security protocol: the account's incidents, the latest first, each with its steps. */
export function IncidentsCard({ view, onChanged }: { view: AccountView; onChanged: () => void }) {
  const { account } = view;
  const [opening, setOpening] = useState(false);
  const [recording, setRecording] = useState<{ incidentId: string; step: IncidentStep } | null>(null);
  const documents = useShownDocument();
  const removed = view.status === 'dada_de_baja';
  const numbered = account.incidents.map((incident, i) => ({ incident, number: i + 1 })).reverse();
  const recordingIncident = recording ? account.incidents.find((i) => i.id === recording.incidentId) : undefined;

  return (
    <Card withBorder radius="md" padding="lg" data-testid="incidents">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h5">
            Incidentes de seguridad
          </Title>
          <Text size="sm" c="dimmed">
            Sustracción, extravío o acceso no autorizado. Mientras un incidente esté abierto, la cuenta no debe usarse.
          </Text>
        </div>
        {!removed && (
          <Button size="sm" color="red" variant="light" leftSection={<IconAlertTriangle size={16} />} onClick={() => setOpening(true)} style={{ flexShrink: 0 }}>
            Registrar incidente
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {numbered.map(({ incident, number }) => (
          <IncidentItem
            key={incident.id}
            incident={incident}
            number={number}
            printing={documents.loading === incident.id}
            onStep={(step) => setRecording({ incidentId: incident.id, step })}
            onPrint={() => void documents.show(incident.id, `Reporte del incidente ${number}`, 'print', () => call('socialAccounts.printIncidentReport', { accountId: account.id, incidentId: incident.id }))}
          />
        ))}
        {numbered.length === 0 && (
          <Text size="sm" c="dimmed">
            No hay incidentes registrados.
          </Text>
        )}
      </Stack>
      {opening && (
        <OpenIncidentModal
          view={view}
          onClose={() => setOpening(false)}
          onDone={() => {
            setOpening(false);
            notifications.show({ color: 'red', message: 'Incidente registrado: la cuenta debe un cambio de contraseña y no debe usarse hasta cerrarlo.' });
            onChanged();
          }}
        />
      )}
      {recording && recordingIncident && (
        <IncidentStepModal
          accountId={account.id}
          incident={recordingIncident}
          step={recording.step}
          onClose={() => setRecording(null)}
          onDone={() => {
            const closed = recording.step === 'cerrado';
            setRecording(null);
            notifications.show({ color: 'green', message: closed ? 'Incidente cerrado.' : `Paso «${INCIDENT_STEP_LABELS[recording.step]}» registrado.` });
            onChanged();
          }}
        />
      )}
      <ShownDocumentModal
        shown={documents.shown}
        onClose={() => {
          const printed = documents.shown?.kind === 'print';
          documents.close();
          // The core kept the print: reload so «Impresiones guardadas» lists it.
          if (printed) onChanged();
        }}
      />
    </Card>
  );
}
