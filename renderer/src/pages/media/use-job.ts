import { useCallback, useState } from 'react';
import type { JobStatus } from '../../../../shared/domain/jobs';
import { errorMessage } from '../../api/client';

/**
 * A long task started from a panel: starts it, keeps its result once done,
 * and a Spanish problem if it could not start. `running` is true from the
 * click until the task ends; a failed, cancelled or finished task can be
 * started again. A task that fails after starting leaves its message as the
 * problem too, so the person sees why whatever panel started it.
 */
export function useJob<R>(after?: (result: R) => void) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const start = async (launch: () => Promise<JobStatus>) => {
    // Forget the previous task too: left in place, its finished status would
    // be followed again and its old result shown as the new one's.
    setJob(null);
    setResult(null);
    setProblem(null);
    setStarting(true);
    try {
      setJob(await launch());
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };
  const onDone = useCallback(
    (value: unknown) => {
      setResult(value as R);
      after?.(value as R);
    },
    [after],
  );
  const onEnd = useCallback((status: JobStatus) => {
    if (status.state === 'done') return;
    // The progress bar that showed the failure goes away with the job: the panel keeps its Spanish message.
    if (status.state === 'failed') setProblem(status.message);
    setJob(null);
  }, []);
  return { job, result, problem, setProblem, start, onDone, onEnd, running: starting || (job !== null && result === null) };
}
