import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupSummary, DriveInfo } from '../../../../shared/domain/media';
import { formatBytes } from '../../../../shared/format/bytes';
import { call } from '../../api/client';
import { DrivePicker } from './DrivePicker';
import { JobProgress } from './JobProgress';
import { useJob } from './use-job';

/** A full backup of the vault, still encrypted, as a verified bag (administrators). */
export function BackupPanel() {
  const [drive, setDrive] = useState<DriveInfo | null>(null);
  const { job, result: summary, problem, start, onDone, onEnd, running } = useJob<BackupSummary>();

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
        {job && running && <JobProgress key={job.id} job={job} onDone={onDone} onEnd={onEnd} />}
        {summary && (
          <Alert color="green" title="Respaldo grabado y verificado" data-testid="backup-result">
            {summary.files} archivos ({formatBytes(summary.bytes)}) en la carpeta «{summary.bagName}».
          </Alert>
        )}
        <Group justify="flex-end">
          <Button leftSection={<IconDatabaseExport size={16} />} disabled={!drive || running} onClick={() => drive && void start(() => call('backup.create', { drivePath: drive.mountPath }))}>
            Respaldar
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
