/**
 * A nominal type: a `string` that has passed a smart constructor. The domain receives branded,
 * already-valid values, so it never re-validates what the edge has checked.
 *
 * @example
 * type CountryCode = Brand<string, 'CountryCode'>;
 */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };
