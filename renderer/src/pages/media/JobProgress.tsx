import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../../shared/domain/jobs';
import { call, errorMessage } from '../../api/client';

/**
 * Follows a long task in the core: a progress bar with its caption and
 * «Cancelar» while it runs; calls `onDone` once with its result.
 */
export function JobProgress({ job, onDone, onEnd }: { job: JobStatus; onDone: (result: unknown) => void; onEnd?: (status: JobStatus) => void }) {
  const [status, setStatus] = useState(job);
  const [problem, setProblem] = useState<string | null>(null);
  const finished = useRef(false);

  useEffect(() => {
    const timer = setInterval(() => {
      void call('jobs.get', { jobId: job.id }).then(
        (next) => {
          setStatus(next);
          if (next.state !== 'running' && !finished.current) {
            finished.current = true;
            clearInterval(timer);
            if (next.state === 'done') onDone(next.result);
            onEnd?.(next);
          }
        },
        (e: unknown) => setProblem(errorMessage(e)),
      );
    }, 400);
    return () => clearInterval(timer);
  }, [job.id, onDone, onEnd]);

  const percent = status.total > 0 ? Math.min(100, (status.done / status.total) * 100) : 0;
  return (
    <Stack gap={6} data-testid="job-progress">
      {status.state === 'running' && (
        <>
          <Group justify="space-between">
            <Text size="sm">{status.message}</Text>
            {status.cancellable && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => void call('jobs.cancel', { jobId: job.id }).catch((e: unknown) => setProblem(errorMessage(e)))}>
                Cancelar
              </Button>
            )}
          </Group>
          <Progress value={percent} animated aria-label="Avance de la tarea" />
        </>
      )}
      {status.state === 'failed' && <Alert color="red" title="No se completó">{status.message}</Alert>}
      {status.state === 'cancelled' && <Alert color="yellow">{status.message}</Alert>}
      {problem && <Alert color="red">{problem}</Alert>}
    </Stack>
  );
}
