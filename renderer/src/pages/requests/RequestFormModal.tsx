import { Button, FileInput, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import type { Area } from '../../../../shared/domain/areas';
import { releaseRequestInputSchema, type ReleaseRequest } from '../../../../shared/domain/releases';
import { call } from '../../api/client';
import { DATE_INPUT_PROPS } from '../../forms/date-input';
import { assertValid } from '../../forms/first-issue';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { MATERIAL_ACCEPT, uploadMaterials } from './material-upload';

/**
 * «Nueva solicitud»: what the area wants published, why, when it would
 * suit, and its material. The user's own area is chosen for them; the core
 * refuses an area that is not active.
 */
export function RequestFormModal({ areas, defaultAreaId, onClose, onSent }: { areas: readonly Area[]; defaultAreaId: string | null; onClose: () => void; onSent: (request: ReleaseRequest) => void }) {
  const active = areas.filter((a) => a.active);
  const [areaId, setAreaId] = useState<string | null>(active.some((a) => a.id === defaultAreaId) ? defaultAreaId : null);
  const [what, setWhat] = useState('');
  const [why, setWhy] = useState('');
  const [suggestedOn, setSuggestedOn] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const { busy, error, run } = useSubmit();

  const submit = () =>
    void run(async () => {
      const request = { areaId: areaId ?? '', what, why, suggestedOn };
      // Words first, so a missing «why» is said before any file is uploaded.
      assertValid(releaseRequestInputSchema, request);
      const materials = await uploadMaterials(files);
      onSent(await call('releaseRequests.submit', { request: { ...request, materials } }));
    });

  return (
    <Modal opened onClose={onClose} title="Solicitar una difusión" size="lg" centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Comunicación Social recibe la solicitud, la prepara como difusión (boletín, publicación en redes, contenido para el sitio web…) o le
          explica por qué no procede. Verá la respuesta en esta misma pantalla.
        </Text>
        <Select label="Área que solicita" withAsterisk data={active.map((a) => ({ value: a.id, label: a.name }))} value={areaId} onChange={setAreaId} placeholder="Elija el área" searchable />
        <Textarea label="¿Qué se quiere difundir?" withAsterisk autosize minRows={3} maxRows={8} value={what} onChange={(e) => setWhat(e.currentTarget.value)} />
        <Textarea label="¿Para qué o por qué?" withAsterisk autosize minRows={2} maxRows={6} value={why} onChange={(e) => setWhy(e.currentTarget.value)} />
        <DateInput label="Fecha sugerida de publicación" {...DATE_INPUT_PROPS} value={suggestedOn} onChange={setSuggestedOn} w={240} />
        <FileInput
          label="Material"
          description="Imágenes PNG o JPG, video MP4, audio MP3 o WAV y PDF, hasta 50 MB cada uno."
          multiple
          clearable
          accept={MATERIAL_ACCEPT}
          placeholder="Elegir archivos…"
          leftSection={<IconPaperclip size={16} />}
          value={files}
          onChange={setFiles}
        />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button loading={busy} onClick={submit}>
            Enviar solicitud
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
