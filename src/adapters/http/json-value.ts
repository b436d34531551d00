/**
 * A value as `JSON.stringify` writes it, in types: dates become ISO strings, `undefined` fields
 * vanish. Giving the handler this type (instead of `Record<string, unknown>`) lets the compiler
 * hold a domain value against the response schema its route declares.
 */
export type JsonOf<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? readonly JsonOf<U>[]
    : T extends object
      ? { readonly [K in keyof T]: JsonOf<T[K]> }
      : T;

/** The JSON form of a domain value (dates as ISO strings), typed as such. */
export const jsonOf = <T>(value: T): JsonOf<T> => JSON.parse(JSON.stringify(value)) as JsonOf<T>;
