import { Alert, Text } from '@mantine/core';
import type { ScanCheck } from '../../files/read-sheet-qr';

export function ScanCheckNotice({ check }: { check: ScanCheck | 'checking' | null }) {
  if (check === null) return null;
  if (check === 'checking') return <Text size="xs" c="dimmed">Leyendo el código QR de la hoja escaneada…</Text>;
  switch (check.kind) {
    case 'match':
      return (
        <Alert color="green" data-testid="scan-check">
          El código QR de la hoja escaneada corresponde a este envío y a su contenido actual.
        </Alert>
      );
    case 'mismatch':
      return (
        <Alert color="red" data-testid="scan-check" title="La hoja escaneada no corresponde">
          Su código QR es del folio {check.code.folio} con otra huella de contenido: no es la hoja vigente de este envío. Revise que escaneó la hoja correcta.
        </Alert>
      );
    case 'no_code':
      return (
        <Alert color="yellow" data-testid="scan-check">
          No se encontró el código QR de Valija en el escaneo; revise la hoja a simple vista.
        </Alert>
      );
    case 'unreadable':
      return (
        <Alert color="yellow" data-testid="scan-check">
          No se pudo leer el archivo para buscar el código QR; revise la hoja a simple vista.
        </Alert>
      );
  }
}
