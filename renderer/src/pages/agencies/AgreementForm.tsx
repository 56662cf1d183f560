import { Button, Checkbox, FileInput, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { agreementInputSchema, type Agreement } from '../../../../shared/domain/agencies';
import { call, errorMessage } from '../../api/client';
import { fileToUpload } from '../../api/files';
import { DATE_INPUT_PROPS as DATE_PROPS } from '../../forms/date-input';
import { zodValidate } from '../../forms/zod-form';
import { FormError } from '../../forms/FormError';

const MAX_SCAN_BYTES = 20_000_000;

export function AgreementForm({ agencyId, agreement, onSaved }: { agencyId: string; agreement?: Agreement; onSaved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scan, setScan] = useState<File | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      agencyId,
      number: agreement?.number ?? '',
      scope: agreement?.scope ?? '',
      signedOn: agreement?.signedOn ?? (null as string | null),
      validFrom: agreement?.validFrom ?? (null as string | null),
      validTo: agreement?.validTo ?? (null as string | null),
      indefinite: agreement ? agreement.validTo === null : false,
    },
    validate: (values) =>
      zodValidate(agreementInputSchema)({
        ...values,
        signedOn: values.signedOn ?? '',
        validFrom: values.validFrom ?? '',
        validTo: values.indefinite ? null : (values.validTo ?? ''),
      }),
  });

  const pickScan = (file: File | null) => {
    setScanError(null);
    if (file && !['application/pdf', 'image/png', 'image/jpeg'].includes(file.type)) return setScanError('El documento debe ser PDF, PNG o JPG.');
    if (file && file.size > MAX_SCAN_BYTES) return setScanError('El documento escaneado no puede pasar de 20 MB.');
    setScan(file);
  };

  const submit = form.onSubmit(async (values) => {
    if (scanError) return;
    setBusy(true);
    setError(null);
    try {
      await call('agreements.save', {
        ...(agreement ? { agreementId: agreement.id } : {}),
        agreement: {
          agencyId,
          number: values.number,
          scope: values.scope,
          signedOn: values.signedOn ?? '',
          validFrom: values.validFrom ?? '',
          validTo: values.indefinite ? null : (values.validTo ?? ''),
        },
        ...(scan ? { document: await fileToUpload(scan) } : {}),
      });
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Número de convenio" withAsterisk {...form.getInputProps('number')} />
        <Textarea label="Alcance" description="Qué información puede compartirse al amparo de este convenio." withAsterisk autosize minRows={2} {...form.getInputProps('scope')} />
        <SimpleGrid cols={3}>
          <DateInput label="Fecha de firma" withAsterisk {...DATE_PROPS} {...form.getInputProps('signedOn')} />
          <DateInput label="Vigente desde" withAsterisk {...DATE_PROPS} {...form.getInputProps('validFrom')} />
          <DateInput label="Vigente hasta" withAsterisk={!form.values.indefinite} disabled={form.values.indefinite} {...DATE_PROPS} {...form.getInputProps('validTo')} />
        </SimpleGrid>
        <Checkbox label="Vigencia indefinida" {...form.getInputProps('indefinite', { type: 'checkbox' })} />
        <FileInput
          label="Documento escaneado (PDF o imagen)"
          description={agreement?.document ? `Actual: ${agreement.document.fileName}. Elija otro archivo para reemplazarlo.` : 'Se guarda cifrado en la bóveda.'}
          placeholder="Elegir archivo…"
          accept="application/pdf,image/png,image/jpeg"
          clearable
          value={scan}
          onChange={pickScan}
          error={scanError}
        />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            Guardar convenio
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
