import { Alert, Button, Code, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconArchive, IconCircleCheck, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { DriveInfo } from '../../../../shared/domain/media';
import type { ReleaseDossierSummary } from '../../../../shared/domain/releases';
import { formatBytes } from '../../../../shared/format/bytes';
import { countOf } from '../../../../shared/format/plural';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { DrivePicker } from '../media/DrivePicker';

/** The drive to write a release's dossier on, then what was written (and a classified one's passphrase, once). */
export function ReleaseDossierModal({ releaseId, onClose }: { releaseId: string; onClose: () => void }) {
  const [drive, setDrive] = useState<DriveInfo | null>(null);
  const [done, setDone] = useState<ReleaseDossierSummary | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const exportIt = () => {
    if (!drive) return setError('Elija la unidad extraíble donde se grabará el expediente.');
    void run(async () => setDone(await call('releases.exportDossier', { releaseId, drivePath: drive.mountPath })));
  };
  return (
    <Modal opened onClose={onClose} title="Exportar el expediente de la difusión" size="lg" centered closeOnClickOutside={!done?.passphrase}>
      {!done ? (
        <Stack gap="sm">
          <Text size="sm">
            Se graba en la unidad un paquete BagIt con el texto, el material, la validación del área, la revisión jurídica, las hojas de autorización,
            el escaneo firmado, las publicaciones con sus capturas y el historial, además de un LEEME.txt que explica cómo comprobarlo. Una difusión
            clasificada se graba cifrada.
          </Text>
          <DrivePicker value={drive} onChange={setDrive} />
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancelar
            </Button>
            <Button loading={busy} onClick={exportIt} leftSection={<IconArchive size={16} />}>
              Grabar expediente
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm" data-testid="dossier-result">
          <Alert color="green" icon={<IconCircleCheck />} title="Expediente grabado y verificado">
            <Text size="sm">
              La carpeta <b>{done.bagName}</b> quedó en la unidad con {countOf(done.files, 'archivo', 'archivos')} ({formatBytes(done.bytes)}); se leyó de nuevo y sus
              manifiestos coinciden.
            </Text>
          </Alert>
          {done.passphrase && (
            <Alert color="orange" icon={<IconKey />} title="Frase de paso: anótela ahora">
              <Text size="sm" mb={6}>
                La difusión está clasificada: cada archivo va cifrado. Entregue la frase por separado del medio; Valija no guarda copia y no se vuelve a mostrar.
              </Text>
              <Code fz="md" data-testid="dossier-passphrase">
                {done.passphrase}
              </Code>
            </Alert>
          )}
          <Text size="sm" fw={600}>
            Contenido
          </Text>
          <ScrollArea.Autosize mah={220}>
            <List size="sm" spacing={2}>
              {done.contents.map((c) => (
                <List.Item key={c}>
                  <Code>data/{c}</Code>
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button onClick={onClose}>Listo</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
