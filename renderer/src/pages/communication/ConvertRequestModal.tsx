import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Area, MediaOutlet } from '../../../../shared/domain/areas';
import { RELEASE_KIND_LABELS, RELEASE_KINDS, releaseContentSchema, type ReleaseKind, type ReleaseRequest } from '../../../../shared/domain/releases';
import { NETWORK_LABELS, type AccountView } from '../../../../shared/domain/social-accounts';
import { call } from '../../api/client';
import { assertValid } from '../../forms/first-issue';
import { FormError } from '../../forms/FormError';
import { parseOfficeDateTime } from '../../forms/office-datetime';
import { useSubmit } from '../../forms/use-submit';
import { channelOf, conversionDefaults, releasePath } from './request-conversion';

/**
 * «Convertir en difusión»: the release's content, prefilled from the
 * request, saved as a release in borrador; its page opens next, where the
 * rest (classification, embargo, more material) is completed.
 */
export function ConvertRequestModal({ request, areas, accounts, outlets, onClose }: { request: ReleaseRequest; areas: readonly Area[]; accounts: readonly AccountView[]; outlets: readonly MediaOutlet[]; onClose: () => void }) {
  const navigate = useNavigate();
  const [values, setValues] = useState(() => conversionDefaults(request));
  const { busy, error, setError, run } = useSubmit();
  // A refusal is about what was sent: it goes once the form changes.
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setError(null);
  };

  const channelOptions = [
    { group: 'Cuentas oficiales', items: accounts.filter((a) => a.usable).map((a) => ({ value: `cuenta:${a.account.id}`, label: `${NETWORK_LABELS[a.account.network]} · ${a.account.handle}` })) },
    { group: 'Medios de comunicación', items: outlets.filter((o) => o.active).map((o) => ({ value: `medio:${o.id}`, label: o.name })) },
  ];

  const submit = () => {
    const plannedAt = parseOfficeDateTime(values.plannedAt);
    if (!plannedAt) return setError('Escriba la fecha y hora planeadas como dd/mm/aaaa hh:mm.');
    void run(async () => {
      const content = {
        kind: values.kind ?? ('' as ReleaseKind),
        title: values.title,
        body: values.body,
        materials: request.materials,
        providingAreaId: values.areaId ?? '',
        channels: values.channels.map(channelOf),
        plannedAt,
      };
      assertValid(releaseContentSchema, content);
      const { release } = await call('releaseRequests.convert', { requestId: request.id, content });
      onClose();
      navigate(releasePath(release.release.id));
    });
  };

  return (
    <Modal opened onClose={onClose} title={`Convertir la solicitud ${request.folio} en difusión`} size="xl" centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          La difusión se crea en borrador con el material de la solicitud ({request.materials.length === 1 ? '1 archivo' : `${request.materials.length} archivos`}). La clasificación,
          el embargo y el resto se completan en la página de la difusión.
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <Select label="Tipo de difusión" withAsterisk data={RELEASE_KINDS.map((k) => ({ value: k, label: RELEASE_KIND_LABELS[k] }))} value={values.kind} onChange={(v) => set('kind', v as typeof values.kind)} placeholder="Elija el tipo" />
          <Select label="Área que proporciona la información" withAsterisk data={areas.filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }))} value={values.areaId} onChange={(v) => set('areaId', v)} searchable />
        </SimpleGrid>
        <TextInput label="Título" withAsterisk value={values.title} onChange={(e) => set('title', e.currentTarget.value)} />
        <Textarea label="Texto" withAsterisk autosize minRows={4} maxRows={12} value={values.body} onChange={(e) => set('body', e.currentTarget.value)} />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="Fecha y hora planeadas" description="dd/mm/aaaa hh:mm, hora de la Ciudad de México" withAsterisk value={values.plannedAt} onChange={(e) => set('plannedAt', e.currentTarget.value)} />
          <MultiSelect
            label="Canales"
            description="Cuentas oficiales utilizables y medios del directorio"
            withAsterisk
            data={channelOptions}
            value={values.channels}
            onChange={(v) => set('channels', v)}
            searchable
            placeholder={values.channels.length === 0 ? 'Elija al menos uno' : undefined}
          />
        </SimpleGrid>
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button loading={busy} onClick={submit}>
            Crear la difusión
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
