import type { LoginFailures } from '../../domain/people/login-throttle.ts';

/** Failed sign-ins counted per key (a hash of the name tried and the client address). */
export interface LoginFailureStore {
  failuresOf(key: string): Promise<LoginFailures | undefined>;
  /**
   * Counts one more failure at `at` and returns the new count; a count whose last failure is older
   * than `forgetBefore` starts again at one. Atomic: concurrent failures are all counted.
   */
  recordFailure(key: string, at: Date, forgetBefore: Date): Promise<LoginFailures>;
  clear(key: string): Promise<void>;
}
