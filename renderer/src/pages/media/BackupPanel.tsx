import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { JobStatus } from '../../../../shared/domain/jobs';
import type { BackupSummary, DriveInfo } from '../../../../shared/domain/media';
import { formatBytes } from '../../../../shared/format/bytes';
import { call, errorMessage } from '../../api/client';
import { DrivePicker } from './DrivePicker';
import { JobProgress } from './JobProgress';

/** A full backup of the vault, still encrypted, as a verified bag (administrators). */
export function BackupPanel() {
  const [drive, setDrive] = useState<DriveInfo | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const start = async () => {
    if (!drive) return;
    setSummary(null);
    setProblem(null);
    try {
      setJob(await call('backup.create', { drivePath: drive.mountPath }));
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const done = useCallback((value: unknown) => setSummary(value as BackupSummary), []);

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="sm">
        Respaldo de la bóveda
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Copia completa y cifrada: sólo se abre con la contraseña de un usuario o con el código de recuperación. Guarde la unidad bajo llave.
        </Text>
        <DrivePicker value={drive} onChange={setDrive} />
        {problem && <Alert color="red">{problem}</Alert>}
        {job && !summary && <JobProgress job={job} onDone={done} onEnd={(s) => s.state !== 'done' && setJob(null)} />}
        {summary && (
          <Alert color="green" title="Respaldo grabado y verificado" data-testid="backup-result">
            {summary.files} archivos ({formatBytes(summary.bytes)}) en la carpeta «{summary.bagName}».
          </Alert>
        )}
        <Group justify="flex-end">
          <Button leftSection={<IconDatabaseExport size={16} />} disabled={!drive || (job !== null && !summary)} onClick={() => void start()}>
            Respaldar
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
