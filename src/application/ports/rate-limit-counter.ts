/** One client's count in the current fixed window of a rate limit. */
export interface RateLimitWindow {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** Milliseconds until the window closes and the count starts again from zero. */
  readonly resetInMs: number;
}

/**
 * Counts hits per key in fixed windows. Kept in the database so that every API instance of a
 * cluster counts against the same limit (a client cannot multiply its attempts by the number of
 * instances behind the load balancer).
 */
export interface RateLimitCounter {
  hit(key: string, windowMs: number): Promise<RateLimitWindow>;
}
