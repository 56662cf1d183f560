import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconQrcode } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { HANDOFF_ACTIONS, type HandoffAction } from '../../../../shared/domain/custody';
import { parseSheetCode } from '../../../../shared/domain/sheet-code';
import { SHIPMENT_ACTION_LABELS } from '../../../../shared/domain/shipment-states';
import type { FolioMatch, ShipmentDetail } from '../../../../shared/domain/shipments';
import { ApiError, call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { ShipmentStateBadge } from '../shipments/ShipmentStateBadge';
import { HandoffForm } from './HandoffForm';
import { useMe } from './ShipmentCustody';

const FREE = 'libre';


/**
 * Finds the shipment from a scanned sheet code or a typed folio (case,
 * zeros and the prefix optional; the number alone for this year). Several
 * matches are returned for the clerk to choose.
 */
async function findShipment(text: string): Promise<{ detail: ShipmentDetail; stale: boolean } | FolioMatch[]> {
  if (parseSheetCode(text)) {
    const found = await call('shipments.lookup', { code: text });
    return { detail: await call('shipments.get', { shipmentId: found.shipmentId }), stale: !found.digestMatches };
  }
  const matches = await call('shipments.findFolio', { text });
  const [only] = matches;
  if (!only) throw new ApiError({ code: 'NOT_FOUND', message: `No hay ningún envío con el folio ${text}. Puede escribirlo completo (C4/DG/0001/2026), sin ceros (c4/dg/1/2026) o sólo el número si es de este año.` });
  if (matches.length > 1) return matches;
  return { detail: await call('shipments.get', { shipmentId: only.id }), stale: false };
}

/**
 * The counter: a courier is waiting. Scan the sheet (or type the
 * folio) and Enter; the form opens on the handoff the shipment is due for,
 * with now, the seals and the usual people already filled in.
 */
export function CounterPanel({ onRecorded }: { onRecorded: () => void }) {
  const [code, setCode] = useState('');
  const [found, setFound] = useState<{ detail: ShipmentDetail; stale: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [choices, setChoices] = useState<FolioMatch[] | null>(null);
  const [choice, setChoice] = useState<string>(FREE);
  const [formKey, setFormKey] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const { data: known, reload: reloadKnown } = useLoad(() => call('custody.known', {}), []);
  const me = useMe();

  const open = (result: { detail: ShipmentDetail; stale: boolean }) => {
    const due = HANDOFF_ACTIONS.filter((a) => result.detail.allowedActions.includes(a));
    setChoice(due[0] ?? FREE);
    setFound(result);
    setFormKey((k) => k + 1);
  };

  const pick = async (id: string) => {
    setChoices(null);
    try {
      open({ detail: await call('shipments.get', { shipmentId: id }), stale: false });
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  const look = async () => {
    if (!code.trim()) return;
    setProblem(null);
    setChoices(null);
    try {
      const result = await findShipment(code.trim());
      if (Array.isArray(result)) {
        setFound(null);
        setChoices(result);
        return;
      }
      open(result);
    } catch (e) {
      setFound(null);
      setProblem(errorMessage(e));
    }
  };

  const recorded = () => {
    notifications.show({ color: 'green', message: `Movimiento registrado en el envío ${found?.detail.shipment.folio ?? ''}.` });
    setFound(null);
    setCode('');
    reloadKnown();
    onRecorded();
    input.current?.focus();
  };

  const due = found ? HANDOFF_ACTIONS.filter((a) => found.detail.allowedActions.includes(a)) : [];
  const action: HandoffAction | null = choice === FREE ? null : (choice as HandoffAction);
  const s = found?.detail.shipment;

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="sm">
        Registrar una entrega en ventanilla
      </Title>
      <Stack gap="sm">
        <TextInput
          ref={input}
          label="Folio o código de la hoja"
          description="Lea el código QR de cualquier formato impreso con el escáner, o escriba el folio y pulse Intro."
          placeholder="C4/DG/0001/2026"
          leftSection={<IconQrcode size={16} />}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void look();
            }
          }}
          data-autofocus
          autoFocus
          w={420}
        />
        {problem && <Alert color="red">{problem}</Alert>}
        {choices && (
          <Stack gap={4} data-testid="counter-matches">
            <Text size="sm">{choices.length} envíos tienen ese número. Elija uno:</Text>
            {choices.map((m) => (
              <Group key={m.id} gap="sm">
                <Button variant="light" size="xs" onClick={() => void pick(m.id)}>
                  {m.folio}
                </Button>
                <ShipmentStateBadge state={m.state} />
                <Text size="sm">{m.subject}</Text>
              </Group>
            ))}
          </Stack>
        )}
        {found && s && known && (
          <Stack gap="sm" data-testid="counter-shipment">
            <Group gap="sm">
              <Text fw={700}>
                <Link to={`/envios/${s.id}`}>{s.folio ?? 'Sin folio'}</Link>
              </Text>
              <ShipmentStateBadge state={s.state} />
              <Text size="sm">
                {found.detail.agency?.acronym} · {s.content.subject}
              </Text>
            </Group>
            {found.stale && (
              <Alert color="red" title="La hoja leída no corresponde al contenido actual">
                El contenido del envío cambió después de imprimir esa hoja. No reciba ni entregue el paquete con esa hoja; consulte al área que lo preparó.
              </Alert>
            )}
            {found.detail.brokenSeal && <Alert color="red">Este envío ya tiene registrado un sello dañado.</Alert>}
            <SegmentedControl
              data={[...due.map((a) => ({ value: a, label: SHIPMENT_ACTION_LABELS[a] })), { value: FREE, label: 'Otro movimiento' }]}
              value={choice}
              onChange={(v) => {
                setChoice(v);
                setFormKey((k) => k + 1);
              }}
            />
            <HandoffForm key={formKey} detail={found.detail} action={action} known={known} me={me} onDone={recorded} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
