/**
 * The outcome of an operation whose failure is expected (bad input, a refused transition, an
 * unknown id): a value, never an exception. Only bugs and broken infrastructure throw.
 */
export type Result<T, E> = Ok<T> | Err<E>;

export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

/** Wraps a successful value. */
export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

/** Wraps an expected failure. */
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** Applies `f` to the value of a success and passes a failure through unchanged. */
export const mapResult = <T, U, E>(result: Result<T, E>, f: (value: T) => U): Result<U, E> =>
  result.ok ? ok(f(result.value)) : result;
