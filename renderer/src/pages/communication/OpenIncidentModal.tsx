import { Alert, Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { INCIDENT_KIND_LABELS, INCIDENT_KINDS, incidentInputSchema, type AccountView, type IncidentKind } from '../../../../shared/domain/social-accounts';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { nowInOffice, parseOfficeDateTime } from '../../forms/office-datetime';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';

const KIND_OPTIONS = INCIDENT_KINDS.map((value) => ({ value, label: INCIDENT_KIND_LABELS[value] }));
const WHEN_FORMAT = 'Escriba la fecha y hora como dd/mm/aaaa hh:mm.';

/** «Registrar incidente» (décima quinta): what happened and when it was detected; it opens the protocol and a password change owed. */
export function OpenIncidentModal({ view, onClose, onDone }: { view: AccountView; onClose: () => void; onDone: () => void }) {
  const { busy, error, run } = useSubmit();
  const validate = zodValidate(incidentInputSchema);
  const form = useForm<{ kind: IncidentKind | ''; description: string; when: string }>({
    initialValues: { kind: '', description: '', when: nowInOffice() },
    validate: (v) => {
      const at = parseOfficeDateTime(v.when);
      const errors: Record<string, React.ReactNode> = { ...validate({ kind: v.kind || undefined, description: v.description, detectedAt: at ?? new Date().toISOString() }) };
      if (!at) errors.when = WHEN_FORMAT;
      else if (Date.parse(at) > Date.now() + 60_000) errors.when = 'La hora de detección no puede ser posterior a ahora.';
      if (errors.detectedAt) delete errors.detectedAt;
      return errors;
    },
  });
  const submit = form.onSubmit((v) =>
    run(async () => {
      await call('socialAccounts.openIncident', { accountId: view.account.id, incident: { kind: v.kind as IncidentKind, description: v.description, detectedAt: parseOfficeDateTime(v.when) as string } });
      onDone();
    }),
  );
  return (
    <Modal opened onClose={onClose} title="Registrar incidente" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
            Al registrar el incidente se abre el protocolo de seguridad: la cuenta queda con un cambio de contraseña pendiente y no debe usarse hasta cerrar el incidente.
          </Alert>
          {/* Aligned at the inputs: the time's description takes two lines in this width. */}
          <Group grow align="flex-end">
            <Select label="Tipo de incidente" withAsterisk data={KIND_OPTIONS} placeholder="Elija…" allowDeselect={false} {...form.getInputProps('kind')} />
            <TextInput label="Fecha y hora de detección" description="dd/mm/aaaa hh:mm, hora de la Ciudad de México" withAsterisk {...form.getInputProps('when')} />
          </Group>
          <Textarea label="Qué ocurrió" withAsterisk description="Cómo se detectó, qué se vio y a quién se avisó. Nunca la contraseña." autosize minRows={3} {...form.getInputProps('description')} />
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancelar
            </Button>
            <Button type="submit" color="red" loading={busy}>
              Registrar incidente
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
