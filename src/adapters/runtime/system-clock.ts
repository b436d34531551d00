import type { Clock } from '../../application/ports/clock.ts';

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };
