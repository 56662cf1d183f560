import { useCallback, useState } from 'react';
import type { JobStatus } from '../../../../shared/domain/jobs';
import { errorMessage } from '../../api/client';

/**
 * A long task started from a panel: starts it, keeps its result once done,
 * and a Spanish problem if it could not start. `running` is true from the
 * start until it ends; a failed or cancelled task can be started again.
 */
export function useJob<R>(after?: (result: R) => void) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const start = async (launch: () => Promise<JobStatus>) => {
    setResult(null);
    setProblem(null);
    try {
      setJob(await launch());
    } catch (e) {
      setProblem(errorMessage(e));
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
    if (status.state !== 'done') setJob(null);
  }, []);
  return { job, result, problem, setProblem, start, onDone, onEnd, running: job !== null && result === null };
}
