import { useCallback, useEffect, useState } from 'react';

/** Loads data when its inputs change, and again on reload(); keeps the last error. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    run()
      .then((value) => current && (setData(value), setError(undefined)))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [run, version]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}
