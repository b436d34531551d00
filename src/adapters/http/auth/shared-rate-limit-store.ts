import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitCounter } from '../../../application/ports/rate-limit-counter.ts';

/** What a route's rate-limit options say about the route (the plugin passes them to `child`). */
interface RouteNaming {
  readonly method?: string | readonly string[];
  readonly url?: string;
}

/**
 * A `@fastify/rate-limit` store that counts in a `RateLimitCounter` (the database), so that the
 * API instances of a cluster share one limit per route and client. Each route gets its own
 * counters (`<method> <url> <client key>`).
 */
export function sharedRateLimitStore(counter: RateLimitCounter): FastifyRateLimitStoreCtor {
  class SharedStore implements FastifyRateLimitStore {
    readonly #prefix: string;

    constructor(_options?: unknown, prefix = '') {
      this.#prefix = prefix;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      counter.hit(`${this.#prefix}${key}`, timeWindow).then(
        (window) => {
          callback(null, { current: window.hits, ttl: window.resetInMs });
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    child(routeOptions: RouteNaming & { readonly routeInfo?: RouteNaming }) {
      const route = routeOptions.routeInfo ?? routeOptions;
      const method =
        typeof route.method === 'string' ? route.method : (route.method ?? []).join(',');
      return new SharedStore(undefined, `${this.#prefix}${method} ${route.url ?? ''} `);
    }
  }
  return SharedStore;
}
