import { Alert, Button, Card, Code, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { PrintablePdf } from '../../components/PrintablePdf';

export function RecoveryCodeRenewal() {
  const [renewed, setRenewed] = useState<{ code: string; pdfBase64: string } | null>(null);
  const renew = () =>
    modals.openConfirmModal({
      title: '¿Generar un nuevo código de recuperación?',
      children: <Text size="sm">El código anterior dejará de servir. Imprima la nueva hoja y destruya la anterior.</Text>,
      labels: { confirm: 'Generar código', cancel: 'Cancelar' },
      onConfirm: async () => {
        try {
          const result = await call('vault.newRecoveryCode', {});
          setRenewed({ code: result.recoveryCode, pdfBase64: result.recoverySheetPdfBase64 });
        } catch (e) {
          notifications.show({ color: 'red', title: 'No se pudo generar el código', message: errorMessage(e) });
        }
      },
    });
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h5" mb="xs">
        Código de recuperación
      </Title>
      {renewed ? (
        <Stack gap="sm">
          <Alert color="yellow" title="Nuevo código: se muestra una sola vez">
            <Code fz="lg" fw={700}>
              {renewed.code}
            </Code>
          </Alert>
          <PrintablePdf base64={renewed.pdfBase64} fileName="hoja-de-recuperacion.pdf" label="Hoja de recuperación" />
        </Stack>
      ) : (
        <Button leftSection={<IconKey size={18} />} variant="light" onClick={renew} style={{ alignSelf: 'flex-start' }}>
          Generar nuevo código de recuperación
        </Button>
      )}
    </Card>
  );
}
