import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { LiveEventData } from '../../../src/contracts/notifications.ts';

/** What a page hears: an event of the stream, or `resync` after the stream (re)opened. */
export type LiveMessage = LiveEventData | { readonly kind: 'resync' };

/** `open` while the event stream delivers; otherwise pages fall back to polling. */
export type LiveStatus = 'connecting' | 'open' | 'failed';

interface Live {
  readonly status: LiveStatus;
  readonly subscribe: (listener: (message: LiveMessage) => void) => () => void;
}

const LiveContext = createContext<Live>({ status: 'failed', subscribe: () => () => undefined });

const isLiveEventData = (value: unknown): value is LiveEventData =>
  typeof value === 'object' &&
  value !== null &&
  'kind' in value &&
  (value.kind === 'case-changed' || value.kind === 'notification');

/**
 * One event stream (`GET /v1/events`) for the signed-in person, shared by every page. EventSource
 * reconnects by itself; each (re)opening tells the pages to `resync`, since events sent while the
 * stream was down were missed.
 */
export function LiveEventsProvider({ children }: { readonly children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const listeners = useRef(new Set<(message: LiveMessage) => void>());
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setStatus('failed');
      return undefined;
    }
    const tell = (message: LiveMessage) => {
      for (const listener of [...listeners.current]) listener(message);
    };
    const source = new EventSource('/v1/events');
    let opened = false;
    source.onopen = () => {
      setStatus('open');
      if (opened) tell({ kind: 'resync' });
      opened = true;
    };
    source.onerror = () => {
      setStatus(source.readyState === EventSource.CLOSED ? 'failed' : 'connecting');
    };
    const onEvent = (event: MessageEvent<string>) => {
      try {
        const data: unknown = JSON.parse(event.data);
        if (isLiveEventData(data)) tell(data);
      } catch {
        // not an event of ours: ignored
      }
    };
    source.addEventListener('case-changed', onEvent);
    source.addEventListener('notification', onEvent);
    return () => {
      source.close();
    };
  }, []);
  const live = useMemo<Live>(
    () => ({
      status,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => {
          listeners.current.delete(listener);
        };
      },
    }),
    [status],
  );
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** Whether live updates arrive now (`open`), or pages must poll. */
export const useLiveStatus = (): LiveStatus => useContext(LiveContext).status;

/** Calls `listener` (its latest version) for every live message while the component is shown. */
export function useLiveEvents(listener: (message: LiveMessage) => void): void {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(
    () =>
      subscribe((message) => {
        latest.current(message);
      }),
    [subscribe],
  );
}

/**
 * The fallback when the event stream is not open: `poll` every `everyMs` while the tab is
 * visible. Nothing runs while live updates arrive.
 */
export function usePollingFallback(poll: () => void, everyMs: number): void {
  const status = useLiveStatus();
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (status === 'open') return undefined;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') latest.current();
    }, everyMs);
    return () => {
      window.clearInterval(timer);
    };
  }, [status, everyMs]);
}
