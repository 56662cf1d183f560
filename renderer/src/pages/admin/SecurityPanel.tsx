import { Alert, Button, Card, Code, Group, NumberInput, Progress, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconKey, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { JobStatus } from '../../../../shared/domain/jobs';
import { call, errorMessage } from '../../api/client';
import { PrintablePdf } from '../../components/PrintablePdf';
import { useSessionStore } from '../../stores/session-store';

export function SecurityPanel() {
  return (
    <Stack gap="lg" maw={820}>
      <IdleSettings />
      <KeyRotation />
      <RecoveryCodeRenewal />
    </Stack>
  );
}

type NumericSetting = 'idleMinutes' | 'agreementWarnDays';

function IdleSettings() {
  return (
    <>
      <NumberSetting
        setting="idleMinutes"
        title="Bloqueo automático"
        label="Minutos sin actividad antes de bloquear la sesión"
        max={120}
        saved={(n) => `Bloqueo automático: ${n} minutos sin actividad.`}
      />
      <NumberSetting
        setting="agreementWarnDays"
        title="Convenios por vencer"
        label="Días de anticipación para avisar que un convenio vence"
        max={365}
        saved={(n) => `Se avisará ${n} días antes de que venza un convenio.`}
      />
    </>
  );
}

function NumberSetting({ setting, title, label, max, saved }: { setting: NumericSetting; title: string; label: string; max: number; saved: (n: number) => string }) {
  const [value, setValue] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const refresh = useSessionStore((s) => s.refresh);
  useEffect(() => {
    void call('settings.get', {}).then((s) => setValue(s[setting]));
  }, [setting]);
  const save = async () => {
    setError(null);
    try {
      const result = await call('settings.update', { [setting]: Number(value) });
      setValue(result[setting]);
      await refresh();
      notifications.show({ color: 'green', message: saved(result[setting]) });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Group align="flex-end">
        <NumberInput label={label} value={value} onChange={setValue} min={1} max={max} w={440} error={error} allowDecimal={false} />
        <Button onClick={() => void save()}>Guardar</Button>
      </Group>
    </Card>
  );
}

function KeyRotation() {
  const [job, setJob] = useState<JobStatus | null>(null);
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      void call('jobs.get', { jobId: job.id }).then(setJob, (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }));
    }, 250);
    return () => clearTimeout(timer);
  }, [job]);

  const start = () =>
    modals.openConfirmModal({
      title: '¿Renovar la llave de cifrado?',
      children: (
        <Text size="sm">
          Valija volverá a cifrar toda la bóveda con una llave nueva. Puede tardar unos minutos; si el equipo se apaga a medio
          camino, la bóveda seguirá abriendo con la llave anterior. Las contraseñas y el código de recuperación no cambian.
        </Text>
      ),
      labels: { confirm: 'Renovar llave', cancel: 'Cancelar' },
      onConfirm: async () => {
        try {
          setJob(await call('vault.rotateKey', {}));
        } catch (e) {
          notifications.show({ color: 'red', title: 'No se pudo renovar la llave', message: errorMessage(e) });
        }
      },
    });

  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h5" mb="xs">
        Llave de cifrado
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Renueve la llave si sospecha que una copia de la bóveda salió de la oficina junto con una contraseña.
      </Text>
      {job && (
        <Stack gap={4} mb="sm">
          <Progress value={job.state === 'done' ? 100 : percent} animated={job.state === 'running'} color={job.state === 'failed' ? 'red' : undefined} aria-label="Avance" />
          <Text size="sm" role="status">
            {job.message}
          </Text>
        </Stack>
      )}
      <Button leftSection={<IconRefresh size={18} />} variant="light" onClick={start} disabled={job?.state === 'running'} style={{ alignSelf: 'flex-start' }}>
        Renovar llave de cifrado
      </Button>
    </Card>
  );
}

function RecoveryCodeRenewal() {
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
