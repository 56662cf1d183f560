import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { INCIDENT_KIND_LABELS, INCIDENT_STEP_LABELS, type AccountIncident, type IncidentStep } from '../../../../shared/domain/social-accounts';
import { formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { nowInOffice, parseOfficeDateTime } from '../../forms/office-datetime';
import { useSubmit } from '../../forms/use-submit';

/** Records one step of an incident's protocol with its date, time and a note; closing is a step too, which the core refuses while others are missing. */
export function IncidentStepModal({ accountId, incident, step, onClose, onDone }: { accountId: string; incident: AccountIncident; step: IncidentStep; onClose: () => void; onDone: () => void }) {
  const { busy, error, run } = useSubmit();
  const detectedAt = incident.steps.detectado?.at ?? null;
  const closing = step === 'cerrado';
  const form = useForm<{ when: string; note: string }>({
    initialValues: { when: nowInOffice(), note: '' },
    validate: (v) => {
      const at = parseOfficeDateTime(v.when);
      if (!at) return { when: 'Escriba la fecha y hora como dd/mm/aaaa hh:mm.' };
      if (detectedAt && Date.parse(at) < Date.parse(detectedAt)) return { when: 'El paso no puede ser anterior a la detección del incidente.' };
      if (v.note.trim().length > 1000) return { note: 'La nota admite como máximo 1000 caracteres.' };
      return {};
    },
  });
  const submit = form.onSubmit((v) =>
    run(async () => {
      await call('socialAccounts.recordIncidentStep', { accountId, incidentId: incident.id, step: { step, at: parseOfficeDateTime(v.when) as string, note: v.note } });
      onDone();
    }),
  );
  const title = closing ? 'Cerrar incidente' : `Registrar paso: ${INCIDENT_STEP_LABELS[step]}`;
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Incidente de {INCIDENT_KIND_LABELS[incident.kind].toLowerCase()} detectado el {detectedAt ? formatDateTime(detectedAt) : '—'}. La hora del paso no puede ser anterior.
          </Text>
          {step === 'contrasena_cambiada' && (
            <Alert color="blue" variant="light" icon={<IconKey />}>
              Este paso registra también el cambio de contraseña de la cuenta (motivo: incidente) y liquida el cambio pendiente. Anote en la nota dónde quedó la nueva, nunca la contraseña.
            </Alert>
          )}
          {closing && (
            <Alert color="gray" variant="light">
              Para cerrar el incidente deben estar registrados todos los demás pasos del protocolo.
            </Alert>
          )}
          <TextInput label="Fecha y hora" description="dd/mm/aaaa hh:mm, hora de la Ciudad de México" withAsterisk {...form.getInputProps('when')} />
          <Textarea label="Nota" description={closing ? 'Conclusión del incidente.' : 'Qué se hizo, con quién, número de reporte de la plataforma…'} autosize minRows={2} {...form.getInputProps('note')} />
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancelar
            </Button>
            <Button type="submit" loading={busy}>
              {closing ? 'Cerrar incidente' : 'Registrar paso'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
