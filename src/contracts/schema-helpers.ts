import { Type, type TArray, type TEnum, type TImmutable, type TSchema } from 'typebox';

/**
 * A schema admitting exactly the given strings, from an enumeration the domain defines once:
 * `literals(partyRoles)` is `'end-user' | 'consignee' | ...` in types and an `enum` in JSON Schema.
 */
export const literals = <T extends string>(
  values: readonly T[],
  options?: { readonly description?: string },
): TEnum<T[]> => Type.Enum([...values], options);

/** An array whose static type is readonly, as the domain's values are (`readonly T[]`). */
export const list = <T extends TSchema>(
  items: T,
  options?: Parameters<typeof Type.Array>[1],
): TImmutable<TArray<T>> => Type.Immutable(Type.Array(items, options));
