import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { errorMessage } from './client';

/**
 * Loads data from the core when the component mounts or `deps` change, and
 * again on `reload()`. A late answer for an outdated request is dropped.
 */
export function useLoad<T>(fetcher: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    fetcher().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
      },
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the fetcher depends on
  }, [...deps, round]);

  return { data, error, reload: useCallback(() => setRound((n) => n + 1), []) };
}
