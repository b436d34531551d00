import type { Clock } from '../../src/application/ports/clock.ts';

/** A clock that says what the test tells it, and moves only when told. */
export function fixedClock(start = '2026-11-22T10:00:00Z'): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}
