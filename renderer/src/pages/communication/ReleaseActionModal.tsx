import { Alert, Button, FileInput, Group, Modal, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReleaseAction } from '../../../../shared/domain/release-states';
import { channelKey, type ReleaseActInput, type ReleaseDetail, type ReleaseView } from '../../../../shared/domain/releases';
import { OFFICE_TIME_ZONE } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { fileToUpload } from '../../api/files';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { FormError } from '../../forms/FormError';
import { nowInOffice } from '../../forms/office-datetime';
import { useSubmit } from '../../forms/use-submit';
import { LegalChecklistFields } from './LegalChecklistFields';
import { actionLabel, actionPayload, emptyChecklist, type ActionValues } from './release-actions';

const EXPLANATIONS: Partial<Record<ReleaseAction, string>> = {
  enviar_a_validacion: 'La difusión va a redes sociales: la valida y aprueba primero el titular del área que proporciona la información (directiva 6.1.4, C.2).',
  validar_area: 'Como titular del área que proporciona la información, confirma que el texto y el material son correctos para publicarse.',
  enviar_a_revision: 'Jurídico revisará la difusión antes de que se imprima la hoja de autorización.',
  aprobar_revision: 'Responda cada pregunta; un «sí» necesita una nota que diga cómo se atendió. La información reservada o confidencial no se difunde.',
  autorizar: 'Registre la firma autógrafa del Director(a) General en la hoja impresa y adjunte su escaneo. La fecha va del día de la impresión a hoy.',
  autorizar_urgente:
    'Sólo para información de protección civil o de una emergencia: el Director(a) General autorizó de palabra y la difusión se publica de inmediato. Después deben llegar la revisión jurídica y la hoja firmada, dentro del plazo que marca la oficina.',
  ratificar_revision: 'Revisión jurídica posterior de una difusión publicada con autorización verbal urgente.',
  ratificar_autorizacion: 'Registre la hoja firmada que ratifica la autorización verbal urgente, con su escaneo.',
  publicar: 'Registre dónde y cuándo se publicó, con la dirección de la publicación y, si la tiene, una captura.',
  cerrar: 'La difusión queda cerrada: ya no se registran más publicaciones.',
  cancelar: 'La cancelación no se puede deshacer: la difusión conserva su folio y su historial.',
};

function officeToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function initialText(action: ReleaseAction, signer: { name: string; position: string } | null): Record<string, string> {
  if (action === 'autorizar' || action === 'ratificar_autorizacion') return { signerName: signer?.name ?? '', signerPosition: signer?.position ?? 'Director(a) General', signedOn: officeToday() };
  if (action === 'autorizar_urgente' || action === 'publicar') return { at: nowInOffice() };
  return {};
}

/** One step of the release's life cycle: what the step asks for, sent to the core, which checks it again. */
export function ReleaseActionModal({ detail, action, signer, onClose, onDone }: { detail: ReleaseDetail; action: ReleaseAction; signer: { name: string; position: string } | null; onClose: () => void; onDone: (view: ReleaseView) => void }) {
  const [values, setValues] = useState<ActionValues>(() => ({ text: initialText(action, signer), checklist: emptyChecklist() }));
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();
  const label = actionLabel(action);
  const text = (name: string) => values.text[name] ?? '';
  const setText = (name: string, value: string) => setValues((v) => ({ ...v, text: { ...v.text, [name]: value } }));
  const signature = action === 'autorizar' || action === 'ratificar_autorizacion';

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const built = actionPayload(action, values);
    const errs = { ...(built.errors ?? {}) };
    if (signature && !file) errs.scan = 'Adjunte el escaneo de la hoja firmada (PDF, PNG o JPG).';
    setErrors(errs);
    if (!built.payload || Object.keys(errs).length > 0) return;
    const payload = built.payload;
    void run(async () => {
      if (signature && file) payload.scan = await fileToUpload(file);
      if (action === 'publicar') payload.capture = file ? await fileToUpload(file) : null;
      onDone(await call('releases.act', { releaseId: detail.release.id, action, payload } as ReleaseActInput));
    });
  };

  const observations = (required: boolean, name = 'observations', fieldLabel = required ? 'Observaciones' : 'Observaciones (opcional)') => (
    <Textarea label={fieldLabel} withAsterisk={required} autosize minRows={3} value={text(name)} onChange={(e) => setText(name, e.currentTarget.value)} error={errors[name]} />
  );

  const fields = () => {
    switch (action) {
      case 'enviar_a_validacion':
      case 'enviar_a_revision':
      case 'cerrar':
        return observations(false, 'remarks');
      case 'validar_area':
        return observations(false);
      case 'devolver_area':
      case 'devolver':
        return observations(true);
      case 'aprobar_revision':
      case 'ratificar_revision':
        return (
          <>
            <LegalChecklistFields value={values.checklist} onChange={(checklist) => setValues((v) => ({ ...v, checklist }))} errors={errors} />
            {observations(false, 'observations', 'Opinión y observaciones (opcional)')}
          </>
        );
      case 'autorizar':
      case 'ratificar_autorizacion':
        return (
          <>
            <TextInput label="Nombre de quien firmó" withAsterisk value={text('signerName')} onChange={(e) => setText('signerName', e.currentTarget.value)} error={errors.signerName} />
            <TextInput label="Cargo" withAsterisk value={text('signerPosition')} onChange={(e) => setText('signerPosition', e.currentTarget.value)} error={errors.signerPosition} />
            <DateInput label="Fecha de la firma" withAsterisk {...DATE_INPUT_PROPS} value={text('signedOn') || null} onChange={(v) => setText('signedOn', v ?? '')} error={errors.signedOn} />
            <FileInput label="Hoja firmada escaneada" withAsterisk accept="application/pdf,image/png,image/jpeg" clearable placeholder="Elegir archivo…" leftSection={<IconUpload size={16} />} value={file} onChange={setFile} error={errors.scan} />
          </>
        );
      case 'autorizar_urgente':
        return (
          <>
            <TextInput label="Quién autorizó de palabra" withAsterisk placeholder="Nombre del Director(a) General" value={text('authorizedBy')} onChange={(e) => setText('authorizedBy', e.currentTarget.value)} error={errors.authorizedBy} />
            <TextInput label="Fecha y hora de la autorización verbal" withAsterisk placeholder="dd/mm/aaaa hh:mm" value={text('at')} onChange={(e) => setText('at', e.currentTarget.value)} error={errors.at} />
            <Radio.Group label="Tipo de información" withAsterisk value={text('category')} onChange={(v) => setText('category', v)} error={errors.category}>
              <Group gap="lg" mt={4}>
                <Radio value="proteccion_civil" label="Protección civil" />
                <Radio value="emergencia" label="Emergencia" />
              </Group>
            </Radio.Group>
            {observations(true, 'reason', 'Por qué no puede esperar la revisión y la firma')}
          </>
        );
      case 'publicar':
        return (
          <>
            <Select
              label="Canal"
              withAsterisk
              data={detail.channelViews.filter((c) => detail.pendingChannels.some((p) => channelKey(p) === channelKey(c.channel))).map((c) => ({ value: channelKey(c.channel), label: c.label }))}
              value={text('channel') || null}
              onChange={(v) => setText('channel', v ?? '')}
              error={errors.channel}
              allowDeselect={false}
            />
            <TextInput label="Fecha y hora de la publicación" withAsterisk placeholder="dd/mm/aaaa hh:mm" value={text('at')} onChange={(e) => setText('at', e.currentTarget.value)} error={errors.at} />
            <TextInput label="Dirección de la publicación (URL)" placeholder="https://" value={text('url')} onChange={(e) => setText('url', e.currentTarget.value)} error={errors.url} />
            <TextInput label="Nota (opcional)" value={text('note')} onChange={(e) => setText('note', e.currentTarget.value)} />
            <FileInput label="Captura de la publicación (opcional)" accept="image/png,image/jpeg,application/pdf" clearable placeholder="Elegir archivo…" leftSection={<IconUpload size={16} />} value={file} onChange={setFile} />
          </>
        );
      case 'cancelar':
        return observations(true, 'reason', 'Motivo de la cancelación');
    }
  };

  return (
    <Modal opened onClose={onClose} title={label} size={action === 'aprobar_revision' || action === 'ratificar_revision' ? 'lg' : 'md'} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {EXPLANATIONS[action] && (
            <Text size="sm" c={action === 'cancelar' ? 'red' : undefined}>
              {EXPLANATIONS[action]}
            </Text>
          )}
          {action === 'autorizar_urgente' && (
            <Alert color="orange" variant="light">
              Quedará «pendiente de ratificar» hasta que Jurídico la revise y se registre la hoja firmada.
            </Alert>
          )}
          {fields()}
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Volver
            </Button>
            <Button type="submit" loading={busy} color={action === 'cancelar' ? 'red' : action === 'autorizar_urgente' ? 'orange' : undefined}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
