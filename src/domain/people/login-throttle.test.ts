import { describe, expect, it } from 'vitest';
import { retryAfter } from './login-throttle.ts';

const last = new Date('2026-12-06T10:00:00Z');
const plus = (ms: number) => new Date(last.getTime() + ms);

describe(retryAfter.name, () => {
  it('lets five failures through, then doubles the wait from 2 s up to 15 minutes', () => {
    expect(retryAfter({ failures: 4, lastFailureAt: last }, last)).toBeUndefined();
    expect(retryAfter({ failures: 5, lastFailureAt: last }, last)).toEqual(plus(2_000));
    expect(retryAfter({ failures: 7, lastFailureAt: last }, last)).toEqual(plus(8_000));
    expect(retryAfter({ failures: 500, lastFailureAt: last }, last)).toEqual(plus(900_000));
    expect(retryAfter({ failures: 7, lastFailureAt: last }, plus(8_001))).toBeUndefined();
  });

  it('forgets failures after a day', () => {
    expect(
      retryAfter({ failures: 500, lastFailureAt: last }, plus(25 * 3_600_000)),
    ).toBeUndefined();
  });
});
