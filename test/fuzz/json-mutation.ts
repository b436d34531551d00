/** JSON as the fuzzers see it: anything `JSON.parse` can return. */
export type Json = unknown;

/** Every path into a JSON value, so that a mutation can reach any field at any depth. */
export function jsonPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((v, i) => jsonPaths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null)
    return [...here, ...Object.entries(value).flatMap(([k, v]) => jsonPaths(v, [...prefix, k]))];
  return here;
}

/** A copy of `value` with the node at `at` replaced (or, with `undefined`, removed). */
export function replaceAt(value: Json, at: readonly (string | number)[], next: Json): Json {
  if (at.length === 0) return next;
  const [head, ...rest] = at;
  if (Array.isArray(value)) {
    const copy = [...(value as Json[])];
    if (rest.length === 0 && next === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = replaceAt(copy[Number(head)], rest, next);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy = new Map(Object.entries(value as Record<string, Json>));
    if (rest.length === 0 && next === undefined) copy.delete(String(head));
    else copy.set(String(head), replaceAt(copy.get(String(head)), rest, next));
    return Object.fromEntries(copy);
  }
  return value;
}
