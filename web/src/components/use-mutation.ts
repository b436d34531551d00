import { useCallback, useRef, useState } from 'react';

/** What a form needs of one change it sends: whether it is under way, its error, and the trigger. */
export interface Mutation<A extends unknown[]> {
  readonly busy: boolean;
  readonly error: unknown;
  /** Runs the change unless one is under way; resolves true when it succeeded. */
  readonly submit: (...args: A) => Promise<boolean>;
  readonly clearError: () => void;
}

/**
 * The one way a page sends a change: busy while it runs (a second click does nothing), the error
 * kept for `ErrorMessage`, `onDone` called with the answer. Replaces the hand-written
 * busy/error/then/catch/finally of each form.
 */
export function useMutation<A extends unknown[], T>(
  run: (...args: A) => Promise<T>,
  onDone?: (result: T) => void,
): Mutation<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const latest = useRef({ run, onDone });
  latest.current = { run, onDone };
  const submit = useCallback(async (...args: A): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await latest.current.run(...args);
      latest.current.onDone?.(result);
      return true;
    } catch (caught: unknown) {
      setError(caught);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => {
    setError(null);
  }, []);
  return { busy, error, submit, clearError };
}
