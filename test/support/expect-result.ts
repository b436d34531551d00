import { expect } from 'vitest';
import type { Result } from '../../src/domain/shared/result.ts';

/**
 * Asserts that `result` succeeded, failing the test with its error otherwise, and returns its
 * value: what a test writes instead of an assertion behind `if (result.ok)`.
 *
 * @example
 * const session = expectOk(await login(deps, { username: 'carol', password }));
 */
export function expectOk<T, E>(result: Result<T, E>): T {
  if (!result.ok) expect.fail(`expected a success, got the error ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Asserts that `result` failed, failing the test with its value otherwise, and returns its error. */
export function expectErr<T, E>(result: Result<T, E>): E {
  if (result.ok) expect.fail(`expected an error, got the value ${JSON.stringify(result.value)}`);
  return result.error;
}
