import { Button, FileInput, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { SHIPMENT_ACTION_LABELS, type ShipmentAction } from '../../../../shared/domain/shipment-states';
import type { HandoffAction } from '../../../../shared/domain/custody';
import type { Shipment } from '../../../../shared/domain/shipments';
import type { Input } from '../../../../shared/ipc/contract';
import { OFFICE_TIME_ZONE } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { fileToUpload } from '../../api/files';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { checkSheetScan, type ScanCheck } from '../../files/read-sheet-qr';
import { ScanCheckNotice } from './ScanCheckNotice';

type FieldKind = 'text' | 'textarea' | 'date' | 'scan';

interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  description?: string;
}

/** The actions decided at a desk; the physical handoffs use the custody form (HandoffForm). */
export type DeskAction = Exclude<ShipmentAction, HandoffAction>;

/** What each action asks for; the core checks it again with the same schema. */
const FIELDS: Record<DeskAction, Field[]> = {
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
  cancelar: [{ name: 'reason', label: 'Motivo de la cancelación', kind: 'textarea', required: true }],
};

/** Today as a civil date in the office, the default date of a signature. */
function officeToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function ActionForm({ shipment, action, signer, onDone }: { shipment: Shipment; action: DeskAction; signer: { name: string; position: string } | null; onDone: () => void }) {
  const fields = FIELDS[action];
  // The signature is the office's Director's, dated today: pre-filled, editable (docs/DOMAIN.md, "The signature").
  const [values, setValues] = useState<Record<string, string | File | null>>((): Record<string, string | File | null> =>
    action === 'registrar_firma' ? { signerName: signer?.name ?? '', signerPosition: signer?.position ?? 'Director(a) General', signedOn: officeToday() } : {},
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();
  const [scanCheck, setScanCheck] = useState<ScanCheck | 'checking' | null>(null);
  /** A signed sheet's scan is read for its QR at once, so a wrong or outdated sheet is noticed before it is registered. */
  const pickScan = (name: string, file: File | null) => {
    set(name, file);
    setScanCheck(file && action === 'registrar_firma' ? 'checking' : null);
    if (file && action === 'registrar_firma') void checkSheetScan(file, { folio: shipment.folio, digest: shipment.digest }).then(setScanCheck);
  };
  const set = (name: string, value: string | File | null) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const payload: Record<string, unknown> = {};
    for (const field of fields) {
      const value = values[field.name];
      if (field.kind === 'scan') continue;
      if (field.required && (!value || (typeof value === 'string' && !value.trim()))) errors[field.name] = `Escriba ${field.label.toLowerCase()}.`;
      payload[field.name] = typeof value === 'string' ? value : (value ?? '');
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
        {action === 'registrar_firma' && (
          <Text size="sm">
            Registre la firma autógrafa de la hoja de autorización impresa. La fecha va del día en que se generó la hoja a hoy.
          </Text>
        )}
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
          if (field.kind === 'scan')
            return (
              <Stack key={field.name} gap={6}>
                <FileInput {...common} accept="application/pdf,image/png,image/jpeg" clearable placeholder="Elegir archivo…" value={(values[field.name] as File | null) ?? null} onChange={(f) => pickScan(field.name, f)} />
                {action === 'registrar_firma' && <ScanCheckNotice check={scanCheck} />}
              </Stack>
            );
          return <TextInput key={field.name} {...common} value={String(values[field.name] ?? '')} onChange={(e) => set(field.name, e.currentTarget.value)} />;
        })}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} color={action === 'cancelar' ? 'red' : undefined}>
            {SHIPMENT_ACTION_LABELS[action]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
