import { Alert, Button, Card, Code, Group, Modal, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck, IconTransfer } from '@tabler/icons-react';
import { useState } from 'react';
import type { CustodyVerification, HandoffAction } from '../../../../shared/domain/custody';
import { DamageNotice, hasDamage } from '../../components/DamageNotice';
import { SHIPMENT_ACTION_LABELS } from '../../../../shared/domain/shipment-states';
import type { ShipmentDetail } from '../../../../shared/domain/shipments';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useSignedIn } from '../../stores/session-store';
import { CustodyTimeline } from './CustodyTimeline';
import { HandoffForm, type Me } from './HandoffForm';
import { useDiscardGuard } from '../../forms/discard-guard';

export function useMe(): Me {
  const session = useSignedIn();
  return { name: session?.user.fullName ?? '', position: session?.user.position ?? '', institution: session?.office.institution ?? '' };
}

/** The handoff form in a modal: for a handoff action (`action`), or a custody event only (`free`). */
export function HandoffModal({ detail, action, free = false, onClose, onDone }: { detail: ShipmentDetail; action: HandoffAction | null; free?: boolean; onClose: () => void; onDone: () => void }) {
  const opened = action !== null || free;
  const { data: known } = useLoad(() => (opened ? call('custody.known', {}) : Promise.resolve(null)), [opened]);
  const me = useMe();
  const title = action ? SHIPMENT_ACTION_LABELS[action] : 'Registrar movimiento de custodia';
  const discard = useDiscardGuard(title);
  return (
    <Modal opened={opened} onClose={discard.guard(onClose)} title={title} size="xl" centered>
      {opened && known && (
        <HandoffForm
          detail={detail}
          action={action}
          known={known}
          me={me}
          onChange={discard.markDirty}
          onDone={() => {
            discard.clear();
            onDone();
          }}
        />
      )}
    </Modal>
  );
}

/** Runs a verification (one shipment, or the whole vault) and keeps its result for display. */
export function useVerification(shipmentId?: string) {
  const [result, setResult] = useState<CustodyVerification | null>(null);
  const [checking, setChecking] = useState(false);
  const verify = async () => {
    setChecking(true);
    try {
      setResult(await call('custody.verify', shipmentId ? { shipmentId } : {}));
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setChecking(false);
    }
  };
  return { result, checking, verify, clear: () => setResult(null) };
}

export function VerificationResult({ result }: { result: CustodyVerification }) {
  if (result.ok) {
    return (
      <Alert color="green" title="Integridad verificada" data-testid="verification-ok">
        {result.checked} {result.checked === 1 ? 'evento revisado' : 'eventos revisados'}
        {result.shipments > 1 ? ` en ${result.shipments} envíos` : ''}
        {result.audit ? ` y ${result.audit.checked} registros de la bitácora` : ''}: todo coincide.
      </Alert>
    );
  }
  const broken = result.firstBad !== null || result.audit?.ok === false;
  const findings = result.findings.length > 0 && (
    <>
      {result.findings.slice(0, 10).map((f) => (
        <Text size="sm" key={f.eventId}>
          Envío {f.folio ?? '(sin folio)'}: {f.reason}
        </Text>
      ))}
      {result.findings.length > 10 && <Text size="sm">… y {result.findings.length - 10} más.</Text>}
    </>
  );
  if (!broken) {
    return (
      <Alert color="orange" title="Las huellas coinciden, pero hay fechas que no pueden ser ciertas" data-testid="verification-findings">
        <Text size="sm" mb={4}>
          Ningún evento fue alterado, quitado ni reordenado ({result.checked} {result.checked === 1 ? 'evento revisado' : 'eventos revisados'}). Sin embargo:
        </Text>
        {findings}
      </Alert>
    );
  }
  return (
    <Alert color="red" title="La verificación encontró un problema" data-testid="verification-bad">
      {result.firstBad && (
        <Text size="sm">
          Envío {result.firstBad.folio ?? '(sin folio)'}, evento {result.firstBad.seq}: {result.firstBad.reason}
        </Text>
      )}
      {result.audit?.firstBad && (
        <Text size="sm">
          Bitácora de auditoría, registro {result.audit.firstBad.seq}: {result.audit.firstBad.reason}
        </Text>
      )}
      {findings}
      {hasDamage(result.damage) && (
        <div style={{ marginTop: 8 }}>
          <DamageNotice damage={result.damage} />
        </div>
      )}
    </Alert>
  );
}

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
