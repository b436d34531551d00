import type { LiveEvent } from '../../domain/notifications/live-event.ts';

/** Tells every running instance (this one, and in a cluster the others) that something changed. */
export interface LiveEventPublisher {
  publish(events: readonly LiveEvent[]): Promise<void>;
}

/** The live events reaching this instance; `subscribe` returns the way to stop listening. */
export interface LiveEventSource {
  subscribe(listener: (event: LiveEvent) => void): () => void;
}
