// Dexie's liveQuery as a Preact hook: the component re-renders when the rows it read change.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

/** With `initial`, the first render shows it while the live query starts. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial?: { value: T }): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>(initial ? { status: 'ready', value: initial.value } : { status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) =>
        setResult({ status: 'error', error: error instanceof Error ? error.message : String(error) }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result;
}

/** The current time, refreshed every `intervalMs`, for countdowns. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
