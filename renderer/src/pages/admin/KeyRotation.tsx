import { Button, Card, Progress, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { JobStatus } from '../../../../shared/domain/jobs';
import { call, errorMessage } from '../../api/client';

export function KeyRotation() {
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
