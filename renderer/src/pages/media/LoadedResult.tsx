import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { LoadResult } from '../../../../shared/domain/media';
import { formatBytes } from '../../../../shared/format/bytes';
import { downloadBase64 } from '../../api/files';
import { PassphraseOnce } from './PassphraseOnce';

export function LoadedResult({ result }: { result: LoadResult }) {
  return (
    <Stack gap="sm" data-testid="load-result">
      <Alert color="green" title="Medio grabado y verificado">
        Se grabaron {result.files} {result.files === 1 ? 'archivo' : 'archivos'} ({formatBytes(result.bytes)}) en la carpeta «{result.bagName}» y se
        comprobaron leyéndolos de nuevo. La carga quedó en la cadena de custodia del envío.
      </Alert>
      {result.passphrase && (
        <PassphraseOnce
          passphrase={result.passphrase}
          testId="passphrase"
          advice="Imprima la hoja «Clave de apertura» y envíela por un canal distinto al del medio. Valija no guarda esta clave: si se pierde, el medio tendrá que grabarse de nuevo."
        />
      )}
      <Group justify="flex-end">
        {result.openingKeyPdfBase64 && (
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => downloadBase64(`clave-de-apertura-${result.bagName}.pdf`, 'application/pdf', result.openingKeyPdfBase64 ?? '')}>
            Hoja «Clave de apertura» (PDF)
          </Button>
        )}
        <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => downloadBase64(`manifiesto-${result.bagName}.pdf`, 'application/pdf', result.manifestPdfBase64)}>
          Manifiesto (PDF)
        </Button>
      </Group>
    </Stack>
  );
}
