import { Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Input } from '../../../../shared/ipc/contract';
import { fileToUpload } from '../../api/files';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';

/** The core checks the type against the file's bytes; the picker's type is only what it declares. */
export type ScanUploadInput = Input<'socialAccounts.registerRequestScan'>['scan'];

/**
 * Registers a signed paper's scan (PDF, PNG or JPG, checked by its bytes in
 * the core): the file picker of the shipment's signature, on its own.
 */
export function ScanUploadModal({ title, explanation, fileLabel, submitLabel, onUpload, onClose }: { title: string; explanation: string; fileLabel: string; submitLabel: string; onUpload: (scan: ScanUploadInput) => Promise<void>; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const submit = () => {
    if (!file) return setError('Elija el archivo escaneado (PDF, PNG o JPG).');
    void run(async () => onUpload((await fileToUpload(file)) as ScanUploadInput));
  };
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <Stack gap="sm">
        <Text size="sm">{explanation}</Text>
        <FileInput label={fileLabel} withAsterisk accept="application/pdf,image/png,image/jpeg" clearable placeholder="Elegir archivo…" leftSection={<IconUpload size={16} />} value={file} onChange={setFile} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button loading={busy} onClick={submit}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
