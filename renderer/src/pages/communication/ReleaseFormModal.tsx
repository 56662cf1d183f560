import { Alert, Button, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { BLACKOUT_EXCEPTION_LABELS, RELEASE_KINDS, RELEASE_KIND_LABELS, type BlackoutException, type Release, type ReleaseKind, type ReleaseView } from '../../../../shared/domain/releases';
import { CLASSIFICATIONS, CLASSIFICATION_LABELS, type Classification } from '../../../../shared/domain/shipments';
import { formatCivilDate } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { areaOptions } from '../../components/area-options';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { blackoutForPlanned, emptyReleaseForm, exceptionsOffered, releaseContentOf, releaseFormValues, type ReleaseFormValues } from './release-form-values';
import { ReleaseChannelsField } from './ReleaseChannelsField';
import { ReleaseMaterialsField } from './ReleaseMaterialsField';

const BODY_MAX = 20_000;

/**
 * Prepares a release or edits one: what is said, the material, the area
 * that provides it, where and when. The core checks everything again and
 * its refusal shows under the form in its own words.
 */
export function ReleaseFormModal({ release, backToReview = false, onClose, onSaved }: { release: Release | null; backToReview?: boolean; onClose: () => void; onSaved: (view: ReleaseView) => void }) {
  const [values, setValues] = useState<ReleaseFormValues>(() => (release ? releaseFormValues(release) : emptyReleaseForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();
  const areas = useLoad(() => call('areas.list', {}), []).data ?? [];
  const accounts = useLoad(() => call('socialAccounts.list', {}), []).data ?? [];
  const outlets = useLoad(() => call('outlets.list', {}), []).data ?? [];
  const blackouts = useLoad(() => call('blackouts.list', {}), []).data ?? [];
  const set = <K extends keyof ReleaseFormValues>(key: K, value: ReleaseFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const blackout = blackoutForPlanned(blackouts, values.plannedAt);
  const offered = exceptionsOffered(blackout);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = releaseContentOf({ ...values, blackoutException: blackout ? values.blackoutException : null });
    setErrors(checked.errors ?? {});
    if (!checked.content) return;
    const content = checked.content;
    void run(async () => onSaved(release ? await call('releases.update', { releaseId: release.id, content }) : await call('releases.create', { content })));
  };

  const title = release ? `Modificar difusión ${release.folio}` : 'Nueva difusión';
  return (
    <Modal opened onClose={onClose} title={title} size="xl" centered closeOnClickOutside={false}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {backToReview && (
            <Alert color="orange" icon={<IconAlertTriangle />} title="La hoja firmada quedará anulada">
              Al guardar un cambio, la hoja de autorización quedará anulada y la difusión volverá a revisión.
            </Alert>
          )}
          <SimpleGrid cols={2}>
            <Select label="Tipo de difusión" withAsterisk data={RELEASE_KINDS.map((k) => ({ value: k, label: RELEASE_KIND_LABELS[k] }))} value={values.kind} onChange={(v) => set('kind', v as ReleaseKind | null)} error={errors.kind} allowDeselect={false} />
            <Select label="Área que proporciona la información" withAsterisk data={areaOptions(areas, values.providingAreaId)} value={values.providingAreaId} onChange={(v) => set('providingAreaId', v)} error={errors.providingAreaId} searchable nothingFoundMessage="No hay áreas con ese nombre" />
          </SimpleGrid>
          <TextInput label="Título" withAsterisk value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} maxLength={300} />
          <Textarea
            label="Texto"
            withAsterisk
            autosize
            minRows={5}
            maxRows={14}
            value={values.body}
            onChange={(e) => set('body', e.currentTarget.value)}
            error={errors.body}
            description={`${values.body.length.toLocaleString('es-MX')} de ${BODY_MAX.toLocaleString('es-MX')} caracteres`}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <ReleaseMaterialsField value={values.materials} onChange={(m) => set('materials', m)} error={errors.materials} />
          <ReleaseChannelsField accounts={accounts} outlets={outlets} accountIds={values.accountIds} outletIds={values.outletIds} onAccounts={(ids) => set('accountIds', ids)} onOutlets={(ids) => set('outletIds', ids)} error={errors.channels} />
          <SimpleGrid cols={2}>
            <TextInput label="Fecha y hora planeadas de publicación" withAsterisk placeholder="dd/mm/aaaa hh:mm" value={values.plannedAt} onChange={(e) => set('plannedAt', e.currentTarget.value)} error={errors.plannedAt} />
            <TextInput label="Embargo: no publicar antes de (opcional)" placeholder="dd/mm/aaaa hh:mm" value={values.embargoUntil} onChange={(e) => set('embargoUntil', e.currentTarget.value)} error={errors.embargoUntil} />
          </SimpleGrid>
          {blackout && (
            <Alert color="yellow" icon={<IconAlertTriangle />} title={`La fecha cae en el periodo de veda «${blackout.name}»`} data-testid="release-blackout">
              <Stack gap="xs">
                <Text size="sm">
                  Del {formatCivilDate(blackout.from)} al {formatCivilDate(blackout.to)}.{' '}
                  {offered.length === 0 ? 'Esta veda no admite excepciones: cambie la fecha.' : 'Sólo puede autorizarse con una de las excepciones que admite esta veda:'}
                </Text>
                {offered.length > 0 && (
                  <Radio.Group value={values.blackoutException ?? ''} onChange={(v) => set('blackoutException', v as BlackoutException)} error={errors.blackoutException} aria-label="Excepción de la veda">
                    <Stack gap={6}>
                      {offered.map((e) => (
                        <Radio key={e} value={e} label={BLACKOUT_EXCEPTION_LABELS[e]} />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
              </Stack>
            </Alert>
          )}
          <SimpleGrid cols={2}>
            <Select label="Clasificación" data={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))} value={values.classification} onChange={(v) => set('classification', (v ?? 'publica') as Classification)} allowDeselect={false} />
            {values.classification !== 'publica' && <TextInput label="Fundamento legal de la clasificación" withAsterisk value={values.legalBasis} onChange={(e) => set('legalBasis', e.currentTarget.value)} error={errors.legalBasis} />}
          </SimpleGrid>
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancelar
            </Button>
            <Button type="submit" loading={busy}>
              {release ? 'Guardar cambios' : 'Crear difusión'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
