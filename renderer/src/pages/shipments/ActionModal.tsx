import { Button, FileInput, Group, Modal, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { SHIPMENT_ACTION_LABELS, type ShipmentAction } from '../../../../shared/domain/shipment-states';
import type { Shipment } from '../../../../shared/domain/shipments';
import type { Input } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { fileToUpload } from '../../api/files';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';

type FieldKind = 'text' | 'textarea' | 'date' | 'datetime' | 'tags' | 'scan';
interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  description?: string;
}

/** What each action asks for; the core checks it again with the same schema. */
const FIELDS: Record<ShipmentAction, Field[]> = {
  enviar_a_revision: [{ name: 'remarks', label: 'Observaciones (opcional)', kind: 'textarea' }],
  devolver: [{ name: 'observations', label: 'Observaciones para quien preparó el envío', kind: 'textarea', required: true }],
  aprobar_revision: [{ name: 'observations', label: 'Observaciones (opcional)', kind: 'textarea' }],
  generar_hoja: [],
  registrar_firma: [
    { name: 'signerName', label: 'Nombre de quien firmó', kind: 'text', required: true },
    { name: 'signerPosition', label: 'Cargo', kind: 'text', required: true },
    { name: 'signedOn', label: 'Fecha de la firma', kind: 'date', required: true },
    { name: 'scan', label: 'Hoja firmada escaneada (opcional)', kind: 'scan' },
  ],
  sellar: [
    { name: 'sealsSeen', label: 'Sellos colocados', kind: 'tags', description: 'Confirme cada número de sello tal como quedó en el paquete.' },
    { name: 'remarks', label: 'Observaciones (opcional)', kind: 'textarea' },
  ],
  despachar: [
    { name: 'courier', label: 'Mensajero que recibe el paquete', kind: 'text', required: true },
    { name: 'courierOrganisation', label: 'Empresa o área de mensajería', kind: 'text' },
    { name: 'remarks', label: 'Observaciones (opcional)', kind: 'textarea' },
  ],
  registrar_acuse: [
    { name: 'receivedBy', label: 'Recibió', kind: 'text', required: true },
    { name: 'receiverPosition', label: 'Cargo de quien recibió', kind: 'text', required: true },
    { name: 'receivedAt', label: 'Fecha y hora de recepción', kind: 'datetime', required: true, description: 'dd/mm/aaaa hh:mm, hora de la Ciudad de México' },
    { name: 'scan', label: 'Acuse firmado escaneado (opcional)', kind: 'scan' },
  ],
  rechazar: [{ name: 'reason', label: 'Motivo del rechazo', kind: 'textarea', required: true }],
  devolucion_mensajeria: [{ name: 'reason', label: 'Motivo de la devolución', kind: 'textarea', required: true }],
  cancelar: [{ name: 'reason', label: 'Motivo de la cancelación', kind: 'textarea', required: true }],
};

/** «23/11/2026 14:05» in Mexico City (UTC−6 all year since 2022) to an ISO instant. */
function parseOfficeDateTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [, d, mo, y, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h + 6, mi));
  const back = new Date(date.getTime() - 6 * 3_600_000);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return null;
  return date.toISOString();
}

function nowInOffice(): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('es-MX', { timeZone: 'America/Mexico_City', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date())
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export function ActionModal({ shipment, action, onClose, onDone }: { shipment: Shipment; action: ShipmentAction | null; onClose: () => void; onDone: () => void }) {
  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? SHIPMENT_ACTION_LABELS[action] : ''} size="lg" centered>
      {action && <ActionForm shipment={shipment} action={action} onDone={onDone} />}
    </Modal>
  );
}

function ActionForm({ shipment, action, onDone }: { shipment: Shipment; action: ShipmentAction; onDone: () => void }) {
  const fields = FIELDS[action];
  const [values, setValues] = useState<Record<string, string | string[] | File | null>>(() => ({
    sealsSeen: shipment.content.envelope?.seals ?? [],
    receivedAt: nowInOffice(),
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();
  const set = (name: string, value: string | string[] | File | null) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const payload: Record<string, unknown> = {};
    for (const field of fields) {
      const value = values[field.name];
      if (field.kind === 'datetime') {
        const iso = parseOfficeDateTime(String(value ?? ''));
        if (!iso) errors[field.name] = 'Escriba la fecha y hora como dd/mm/aaaa hh:mm.';
        else payload[field.name] = iso;
        continue;
      }
      if (field.kind === 'scan') continue;
      if (field.required && (!value || (typeof value === 'string' && !value.trim()))) errors[field.name] = `Escriba ${field.label.toLowerCase()}.`;
      payload[field.name] = field.kind === 'tags' ? (value ?? []) : typeof value === 'string' ? value : (value ?? '');
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    void run(async () => {
      const scan = values.scan instanceof File ? await fileToUpload(values.scan) : null;
      if (fields.some((f) => f.kind === 'scan')) payload.scan = scan;
      await call('shipments.act', { shipmentId: shipment.id, action, payload } as Input<'shipments.act'>);
      onDone();
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {action === 'generar_hoja' && (
          <Text size="sm">
            Se asigna el folio definitivo y se produce la hoja de autorización con la huella del contenido, para firma autógrafa del
            Director(a) General.
          </Text>
        )}
        {fields.map((field) => {
          const common = { label: field.label, withAsterisk: field.required ?? false, description: field.description, error: fieldErrors[field.name] };
          if (field.kind === 'textarea') return <Textarea key={field.name} {...common} autosize minRows={2} value={String(values[field.name] ?? '')} onChange={(e) => set(field.name, e.currentTarget.value)} />;
          if (field.kind === 'date') return <DateInput key={field.name} {...common} {...DATE_INPUT_PROPS} value={(values[field.name] as string | null) ?? null} onChange={(v) => set(field.name, v)} />;
          if (field.kind === 'tags') return <TagsInput key={field.name} {...common} value={(values[field.name] as string[]) ?? []} onChange={(v) => set(field.name, v)} />;
          if (field.kind === 'scan') return <FileInput key={field.name} {...common} accept="application/pdf,image/png,image/jpeg" clearable placeholder="Elegir archivo…" value={(values[field.name] as File | null) ?? null} onChange={(f) => set(field.name, f)} />;
          return <TextInput key={field.name} {...common} value={String(values[field.name] ?? '')} onChange={(e) => set(field.name, e.currentTarget.value)} />;
        })}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} color={action === 'cancelar' || action === 'rechazar' ? 'red' : undefined}>
            {SHIPMENT_ACTION_LABELS[action]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
