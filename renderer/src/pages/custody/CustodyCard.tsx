import { Button, Card, Code, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck, IconTransfer } from '@tabler/icons-react';
import { useState } from 'react';
import type { ShipmentDetail } from '../../../../shared/domain/shipments';
import { useSignedIn } from '../../stores/session-store';
import { CustodyTimeline } from './CustodyTimeline';
import { HandoffModal, useVerification } from './ShipmentCustody';
import { VerificationResult } from './VerificationResult';

/** The shipment's chain of custody on its page: head, verification, timeline, and a free movement. */
export function CustodyCard({ detail, onChange }: { detail: ShipmentDetail; onChange: () => void }) {
  const { result: verification, checking, verify, clear } = useVerification(detail.shipment.id);
  const [recording, setRecording] = useState(false);
  const session = useSignedIn();
  const mayRecord = (session?.user.roles.some((r) => r === 'capturista' || r === 'administrador') ?? false) && detail.shipment.state !== 'borrador' && detail.shipment.state !== 'cancelado';

  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h5">
            Cadena de custodia
          </Title>
          <Text size="xs" c="dimmed">
            Cabeza de la cadena: <Code data-testid="custody-head">{detail.custodyHead ?? '—'}</Code> (se imprime en cada formato)
          </Text>
        </div>
        <Group gap="xs">
          {mayRecord && (
            <Button variant="default" leftSection={<IconTransfer size={16} />} onClick={() => setRecording(true)}>
              Registrar movimiento
            </Button>
          )}
          <Button variant="light" leftSection={<IconShieldCheck size={16} />} loading={checking} onClick={() => void verify()} disabled={detail.custody.length === 0}>
            Verificar integridad
          </Button>
        </Group>
      </Group>
      {verification && <VerificationResult result={verification} />}
      <CustodyTimeline events={detail.custody} />
      <HandoffModal
        detail={detail}
        action={null}
        free={recording}
        onClose={() => setRecording(false)}
        onDone={() => {
          setRecording(false);
          clear();
          notifications.show({ color: 'green', message: 'Movimiento de custodia registrado.' });
          onChange();
        }}
      />
    </Card>
  );
}
