/**
 * Sign-in back-off per account and client address, instead of a lock on the account: failures
 * from one address slow down only that address's attempts at that account, so nobody can lock a
 * user out by failing on purpose from elsewhere. The key is the same for names that exist and
 * names that do not, so the answer says nothing about which accounts exist.
 */
export interface LoginThrottlePolicy {
  /** Failures allowed before the back-off starts. */
  readonly freeFailures: number;
  /** The first wait, doubled with each further failure. */
  readonly firstDelaySeconds: number;
  /** The longest wait. */
  readonly maxDelaySeconds: number;
  /** Failures older than this are forgotten. */
  readonly forgetAfterHours: number;
}

export const defaultLoginThrottlePolicy: LoginThrottlePolicy = {
  freeFailures: 5,
  firstDelaySeconds: 2,
  maxDelaySeconds: 900,
  forgetAfterHours: 24,
};

/** The failures counted for one account from one address. */
export interface LoginFailures {
  readonly failures: number;
  readonly lastFailureAt: Date;
}

/**
 * Until when the next attempt from this address at this account is refused (undefined: go ahead).
 *
 * @example
 * // five free failures, then 2 s, 4 s, 8 s ... up to 15 minutes after the last failure
 * retryAfter({ failures: 7, lastFailureAt }, now) // lastFailureAt + 8 s
 */
export function retryAfter(
  counted: LoginFailures | undefined,
  now: Date,
  policy: LoginThrottlePolicy = defaultLoginThrottlePolicy,
): Date | undefined {
  if (counted === undefined || counted.failures < policy.freeFailures) return undefined;
  if (now.getTime() - counted.lastFailureAt.getTime() > policy.forgetAfterHours * 3_600_000) {
    return undefined;
  }
  const doublings = counted.failures - policy.freeFailures;
  const seconds = Math.min(
    policy.maxDelaySeconds,
    policy.firstDelaySeconds * 2 ** Math.min(doublings, 20),
  );
  const until = new Date(counted.lastFailureAt.getTime() + seconds * 1000);
  return until > now ? until : undefined;
}

/** The counter key of a sign-in attempt: the name as typed (lower case) and the client address. */
export const throttleKey = (username: string, address: string): string =>
  `${username.trim().toLowerCase()}|${address}`;
