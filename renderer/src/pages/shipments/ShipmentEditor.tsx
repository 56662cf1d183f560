import { ActionIcon, Alert, Button, Card, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { CHANNEL_LABELS } from '../../../../shared/domain/agencies';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, SHIPMENT_CHANNELS, shipmentContentSchema, type ShipmentDetail } from '../../../../shared/domain/shipments';
import { formatCivilDate } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { areaOptions } from '../../components/area-options';
import { BackLink } from '../../components/DetailField';
import { PageHeader } from '../../components/PageHeader';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';
import { AttachmentsSection } from './form/AttachmentsSection';
import { emptyItem, formErrorPath, initialValues, toContent, type FormValues } from './form/form-values';
import { MediaSection } from './form/MediaSection';
import { ReportPeriodSelect } from './form/ReportPeriodSelect';
import { SUBJECT_MAX } from '../../../../shared/domain/shipments';

export function ShipmentEditor({ detail }: { detail?: ShipmentDetail }) {
  const navigate = useNavigate();
  const shipment = detail?.shipment;
  const { data: agencies } = useLoad(() => call('agencies.list', {}), []);
  const { data: areas = [] } = useLoad(() => call('areas.list', {}), []);
  const { busy, error, run } = useSubmit();
  const form = useForm<FormValues>({
    initialValues: initialValues(shipment),
    validate: (v) => {
      const errors = zodValidate(shipmentContentSchema)(toContent(v));
      const mapped: Record<string, React.ReactNode> = {};
      for (const [key, message] of Object.entries(errors)) mapped[formErrorPath(key)] ??= message;
      return mapped;
    },
  });

  // Only agencies with a current agreement can be chosen; the others say why not.
  const agencyOptions = (agencies ?? [])
    .filter(({ agency }) => agency.active)
    .map(({ agency, agreement }) => {
      const valid = agreement !== null && (agreement.status === 'vigente' || agreement.status === 'por_vencer');
      const why = !agreement ? 'sin convenio' : agreement.status === 'vencido' ? `convenio vencido el ${formatCivilDate(agreement.validTo)}` : 'convenio aún no vigente';
      return { value: agency.id, label: valid ? `${agency.acronym} · ${agency.name}` : `${agency.acronym} · ${agency.name} — no disponible: ${why}`, disabled: !valid };
    });
  const chosen = agencies?.find(({ agency }) => agency.id === form.values.agencyId)?.agency;
  const recipientOptions = (chosen?.recipients ?? []).map((r) => ({ value: r.id, label: `${r.fullName} · ${r.position}` }));

  const submit = form.onSubmit((values) =>
    run(async () => {
      // The union is checked by the same schema in validate() and again by the core.
      const content = toContent(values);
      const saved = shipment ? await call('shipments.update', { shipmentId: shipment.id, content }) : await call('shipments.create', { content });
      navigate(`/envios/${saved.id}`);
    }),
  );

  return (
    <Stack gap="lg" maw={980}>
      <BackLink to={shipment ? `/envios/${shipment.id}` : '/envios'}>{shipment ? 'Volver al envío' : 'Envíos'}</BackLink>
      <PageHeader
        title={shipment ? `Modificar envío ${shipment.folio ?? '(borrador)'}` : 'Nuevo envío'}
        description={shipment ? 'Los cambios quedan en el historial del envío.' : 'Se guarda como borrador; después se envía a revisión jurídica.'}
      />
      {detail?.edit === 'back_to_review' && (
        <Alert color="orange" title="Al guardar, la hoja de autorización queda anulada">
          Este envío ya tiene hoja de autorización impresa. Si cambia su contenido, esa hoja deja de valer: el envío vuelve a
          revisión jurídica y habrá que imprimir y firmar una hoja nueva (con el mismo folio).
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm">
              <Text fw={500} size="sm">
                Canal
              </Text>
              <SegmentedControl data={SHIPMENT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} disabled={Boolean(shipment)} {...form.getInputProps('channel')} />
              <Select label="Dependencia destinataria" withAsterisk searchable data={agencyOptions} nothingFoundMessage="Sin coincidencias" {...form.getInputProps('agencyId')} onChange={(v) => { form.setFieldValue('agencyId', v); form.setFieldValue('recipientId', null); form.setFieldValue('reportPeriod', null); }} />
              <Select label="Destinatario autorizado" withAsterisk data={recipientOptions} disabled={!chosen} placeholder={chosen && recipientOptions.length === 0 ? 'La dependencia no tiene destinatarios registrados' : undefined} {...form.getInputProps('recipientId')} />
              <Select
                label="Área que proporciona la información"
                description="Opcional. El área de la oficina de la que proviene lo que se envía."
                placeholder="Ninguna"
                clearable
                searchable
                data={areaOptions(areas, shipment?.content.providingAreaId ?? null)}
                nothingFoundMessage="Ningún área con ese nombre"
                {...form.getInputProps('providingAreaId')}
              />
              <Textarea
                label="Asunto"
                withAsterisk
                autosize
                minRows={2}
                maxLength={SUBJECT_MAX}
                description={`${form.values.subject.length} de ${SUBJECT_MAX} caracteres`}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                {...form.getInputProps('subject')}
              />
              <SimpleGrid cols={2}>
                <Select label="Clasificación" withAsterisk data={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))} {...form.getInputProps('classification')} />
                <TextInput label="Número de oficio de remisión" withAsterisk={form.values.channel === 'oficio'} {...form.getInputProps('coveringOficio')} />
              </SimpleGrid>
              {form.values.classification !== 'publica' && <Textarea label="Fundamento legal de la clasificación" withAsterisk autosize minRows={2} {...form.getInputProps('legalBasis')} />}
            </Stack>
          </Card>

          <Card withBorder radius="md" padding="lg">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h5">
                Inventario del contenido
              </Title>
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('inventory', emptyItem())}>
                Agregar elemento
              </Button>
            </Group>
            <Stack gap="xs">
              {form.values.inventory.map((_, index) => (
                <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
                  <TextInput label="Descripción" style={{ flex: 3 }} {...form.getInputProps(`inventory.${index}.description`)} />
                  <TextInput label="Tipo" placeholder="oficio, anexo…" style={{ flex: 1 }} {...form.getInputProps(`inventory.${index}.type`)} />
                  <NumberInput label="Cantidad" min={1} allowDecimal={false} w={100} {...form.getInputProps(`inventory.${index}.quantity`)} />
                  <NumberInput label="Fojas" min={0} allowDecimal={false} w={100} {...form.getInputProps(`inventory.${index}.sheets`)} />
                  <ActionIcon variant="subtle" color="red" mt={26} aria-label="Quitar elemento" disabled={form.values.inventory.length === 1} onClick={() => form.removeListItem('inventory', index)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              {typeof form.errors.inventory === 'string' && (
                <Text size="xs" c="red">
                  {form.errors.inventory}
                </Text>
              )}
            </Stack>
          </Card>

          {form.values.channel === 'sobre_cerrado' && (
            <Card withBorder radius="md" padding="lg">
              <Title order={2} size="h5" mb="xs">
                Sobre cerrado
              </Title>
              <SimpleGrid cols={2}>
                <TextInput label="Tamaño del sobre" withAsterisk {...form.getInputProps('envelopeSize')} />
                <NumberInput label="Número de hojas" withAsterisk min={1} allowDecimal={false} {...form.getInputProps('envelopeSheets')} />
              </SimpleGrid>
              <TagsInput label="Números de sello" description="Escriba cada número y pulse Intro." withAsterisk mt="sm" {...form.getInputProps('seals')} />
              <Textarea label="Notas de empaque" autosize minRows={2} mt="sm" {...form.getInputProps('packingNotes')} />
            </Card>
          )}

          {form.values.channel === 'medio_magnetico' && <MediaSection form={form} />}

          <AttachmentsSection form={form} />

          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm">
              <ReportPeriodSelect form={form} shipmentId={shipment?.id} />
              <Textarea label="Notas" autosize minRows={2} {...form.getInputProps('notes')} />
            </Stack>
          </Card>
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={shipment ? `/envios/${shipment.id}` : '/envios'}>
              Cancelar
            </Button>
            <Button type="submit" loading={busy}>
              {shipment ? 'Guardar cambios' : 'Guardar borrador'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
