import { Autocomplete, Button, FileInput, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CUSTODY_EVENT_LABELS, CUSTODY_EVENT_TYPES, custodyEventInputSchema, HANDOFF_EVENT_TYPE, knownSeals, type CustodyParty, type HandoffAction, type KnownParties } from '../../../../shared/domain/custody';
import { SHIPMENT_ACTION_LABELS } from '../../../../shared/domain/shipment-states';
import type { ShipmentDetail } from '../../../../shared/domain/shipments';
import type { Input } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { fileToUpload } from '../../api/files';
import { FormError } from '../../forms/FormError';
import { nowInOffice, parseOfficeDateTime } from '../../forms/office-datetime';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';
import type { Me, Values } from './handoff-values';
import { PartyFields } from './PartyFields';
import { SealsFields } from './SealsFields';

export type { Me } from './handoff-values';

const EMPTY: CustodyParty = { name: '', position: '', institution: '', identification: '' };

/** Which side of the handoff a registered courier stands on. */
const COURIER_SIDE: Partial<Record<HandoffAction | 'libre', 'from' | 'to'>> = { despachar: 'to', registrar_acuse: 'from', rechazar: 'to', devolucion_mensajeria: 'from', libre: 'to' };

const PURPOSE: Record<HandoffAction, string> = {
  sellar: 'Sellado y resguardo del envío',
  despachar: 'Traslado al destinatario',
  registrar_acuse: 'Entrega al destinatario',
  rechazar: 'Devolución por rechazo del destinatario',
  devolucion_mensajeria: 'Devolución a la oficina remitente',
};

function defaults(detail: ShipmentDetail, action: HandoffAction | null, me: Me, usualPlace: string): Values {
  const last = detail.custody.at(-1);
  const recipient: CustodyParty = { name: detail.recipient?.fullName ?? '', position: detail.recipient?.position ?? '', institution: detail.agency?.name ?? '', identification: '' };
  const holder = last ? { ...last.to } : { ...EMPTY, ...me };
  const self = { ...EMPTY, ...me };
  const sides: Record<HandoffAction, [CustodyParty, CustodyParty]> = {
    sellar: [self, self],
    despachar: [self, EMPTY],
    registrar_acuse: [holder, recipient],
    rechazar: [recipient, holder],
    devolucion_mensajeria: [holder, self],
  };
  const [from, to] = action ? sides[action] : [holder, EMPTY];
  return {
    type: action ? HANDOFF_EVENT_TYPE[action] : 'otro',
    when: nowInOffice(),
    from,
    to,
    // Where this office usually hands over; at the destination, nothing to guess.
    place: action === 'registrar_acuse' || action === 'rechazar' ? '' : usualPlace,
    purpose: action ? PURPOSE[action] : '',
    seals: knownSeals(detail.shipment.content.envelope?.seals ?? [], detail.custody).map((number) => ({ number, intact: true, description: '' })),
    remarks: '',
    courierId: null,
    corrects: null,
    reason: '',
    scan: null,
  };
}

/**
 * The counter's handoff form: keyboard first, now by default,
 * people and places typed before suggested, seals pre-listed as intact.
 * With an `action` it is the physical handoff that moves the shipment
 * (sellar, despachar, acuse, devolución); without, a custody event only
 * (relay, archive, authorised opening, correction).
 */
export function HandoffForm({ detail, action, known, me, onDone, onChange, submitLabel }: { detail: ShipmentDetail; action: HandoffAction | null; known: KnownParties; me: Me; onDone: () => void; onChange?: () => void; submitLabel?: string }) {
  const { busy, error, run } = useSubmit();
  const form = useForm<Values>({
    initialValues: defaults(detail, action, me, known.places[0] ?? ''),
    ...(onChange ? { onValuesChange: onChange } : {}),
    validate: (v) => {
      const at = parseOfficeDateTime(v.when);
      const errors: Record<string, React.ReactNode> = at ? {} : { when: 'Escriba la fecha y hora como dd/mm/aaaa hh:mm.' };
      Object.assign(errors, zodValidate(custodyEventInputSchema)({ ...toEvent(v), at: at ?? new Date().toISOString() }));
      if ((action === 'rechazar' || action === 'devolucion_mensajeria') && v.reason.trim().length < 3) errors.reason = 'Escriba el motivo.';
      if (at && Date.parse(at) > Date.now() + 5 * 60_000) errors.when = 'La fecha y hora no pueden estar en el futuro.';
      return errors;
    },
  });
  const names = [...new Set([...known.couriers.map((c) => c.fullName), ...known.parties.map((p) => p.name)])];
  const pick = (side: 'from' | 'to') => (name: string) => {
    const courier = known.couriers.find((c) => c.fullName === name);
    const party = courier ? { name: courier.fullName, position: courier.position, institution: courier.organisation, identification: courier.identification } : known.parties.find((p) => p.name === name);
    if (party) form.setFieldValue(side, { ...party });
    if (courier) form.setFieldValue('courierId', courier.id);
  };
  const courierSide = COURIER_SIDE[action ?? 'libre'];
  const sealing = action === 'sellar' && !detail.shipment.content.envelope;

  const submit = form.onSubmit((v) =>
    run(async () => {
      const event = { ...toEvent(v), at: parseOfficeDateTime(v.when) as string };
      if (action) {
        const { type: _type, corrects: _corrects, ...payload } = event;
        const extra = action === 'registrar_acuse' ? { scan: v.scan ? await fileToUpload(v.scan) : null } : action === 'rechazar' || action === 'devolucion_mensajeria' ? { reason: v.reason } : {};
        await call('shipments.act', { shipmentId: detail.shipment.id, action, payload: { ...payload, ...extra } } as Input<'shipments.act'>);
      } else {
        await call('custody.record', { shipmentId: detail.shipment.id, event });
      }
      onDone();
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          {action ? (
            <TextInput label="Movimiento" value={CUSTODY_EVENT_LABELS[HANDOFF_EVENT_TYPE[action]]} readOnly />
          ) : (
            <Select label="Tipo de movimiento" withAsterisk data={CUSTODY_EVENT_TYPES.map((t) => ({ value: t, label: CUSTODY_EVENT_LABELS[t] }))} {...form.getInputProps('type')} allowDeselect={false} />
          )}
          <TextInput label="Fecha y hora" description="dd/mm/aaaa hh:mm, hora de la Ciudad de México" withAsterisk {...form.getInputProps('when')} />
        </SimpleGrid>
        {courierSide && known.couriers.length > 0 && (
          <Select
            label="Mensajero registrado"
            placeholder="Elegir para llenar sus datos"
            searchable
            clearable
            data={known.couriers.map((c) => ({ value: c.id, label: `${c.fullName} · ${c.organisation}` }))}
            value={form.values.courierId}
            onChange={(id) => {
              form.setFieldValue('courierId', id);
              const c = known.couriers.find((x) => x.id === id);
              if (c) form.setFieldValue(courierSide, { name: c.fullName, position: c.position, institution: c.organisation, identification: c.identification });
            }}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <PartyFields form={form} side="from" title="Entrega" names={names} onPick={pick('from')} />
          <PartyFields form={form} side="to" title="Recibe" names={names} onPick={pick('to')} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <Autocomplete label="Lugar" withAsterisk data={known.places} {...form.getInputProps('place')} />
          <TextInput label="Motivo" {...form.getInputProps('purpose')} />
        </SimpleGrid>
        <SealsFields form={form} addable={sealing} />
        {!action && detail.custody.length > 0 && (
          <Select
            label="Corrige a un evento anterior (opcional)"
            description="El evento original no se modifica; la corrección queda como un evento nuevo que lo cita."
            clearable
            data={detail.custody.map((e) => ({ value: e.id, label: `${e.seq}. ${CUSTODY_EVENT_LABELS[e.type]} — ${e.from.name} → ${e.to.name}` }))}
            {...form.getInputProps('corrects')}
            onChange={(eventId) => {
              form.setFieldValue('corrects', eventId);
              // A correction starts from the event it corrects: change only what was wrong.
              const original = detail.custody.find((e) => e.id === eventId);
              if (original) form.setValues({ type: original.type, from: { ...original.from }, to: { ...original.to }, place: original.place, purpose: original.purpose });
            }}
          />
        )}
        {(action === 'rechazar' || action === 'devolucion_mensajeria') && <Textarea label={action === 'rechazar' ? 'Motivo del rechazo' : 'Motivo de la devolución'} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />}
        <Textarea label="Observaciones" autosize minRows={2} {...form.getInputProps('remarks')} />
        {action === 'registrar_acuse' && <FileInput label="Acuse firmado escaneado (opcional)" accept="application/pdf,image/png,image/jpeg" clearable placeholder="Elegir archivo…" {...form.getInputProps('scan')} />}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel ?? (action ? SHIPMENT_ACTION_LABELS[action] : 'Registrar movimiento')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function toEvent(v: Values) {
  return { type: v.type, from: v.from, to: v.to, place: v.place, purpose: v.purpose, seals: v.seals, remarks: v.remarks, corrects: v.corrects, courierId: v.courierId };
}

