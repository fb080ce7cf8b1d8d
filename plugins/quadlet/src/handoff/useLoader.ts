import { useEffect, useRef, useState } from 'react';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: Error & { status?: number } }
  | { status: 'done'; value: T };

/**
 * Runs `load` when `key` changes (and on `retry`), keeping the last answer only: a slow answer
 * for a previous key never replaces the current one.
 */
export function useLoader<T>(
  key: string,
  load: () => Promise<T>,
): LoadState<T> & { retry: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    loadRef.current().then(
      value => {
        if (current) setState({ status: 'done', value });
      },
      error => {
        if (current)
          setState({
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  return { ...state, retry: () => setAttempt(n => n + 1) };
}
