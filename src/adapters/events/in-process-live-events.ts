import type { LiveEventPublisher, LiveEventSource } from '../../application/ports/live-events.ts';
import type { LiveEvent } from '../../domain/notifications/live-event.ts';

/** The live events of one process: what is published reaches this process's listeners only. */
export interface LiveEventBus extends LiveEventPublisher, LiveEventSource {
  /** Delivers events to this process's listeners (what a cluster's LISTEN connection calls). */
  deliver(event: LiveEvent): void;
  /** How many listeners (open event streams) there are now. */
  listenerCount(): number;
}

/**
 * The in-process bus (the embedded database: one process serves). A listener that throws is
 * reported to `onListenerError` and the others still hear the event.
 */
export function inProcessLiveEvents(
  onListenerError: (error: unknown) => void = () => undefined,
): LiveEventBus {
  const listeners = new Set<(event: LiveEvent) => void>();
  const deliver = (event: LiveEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        onListenerError(error);
      }
    }
  };
  return {
    deliver,
    publish(events) {
      for (const event of events) deliver(event);
      return Promise.resolve();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    listenerCount: () => listeners.size,
  };
}
