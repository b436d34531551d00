import v8 from 'node:v8';
import type { ScreeningIndex, SpaceIndex } from '../../domain/screening/screening-index.ts';

/**
 * The bytes of a cached screening index, laid out so that a short-lived process (`cordon screen`)
 * decodes only what a query touches. A query looks at a few dozen of the 58,000 listed names and
 * their parties, and cites a handful of records, so names, parties and records are stored one by
 * one behind offset tables and decoded when first read; the maps (vocabularies, fuzzy keys, exact
 * names) are stored as sorted keys with their values and searched, never rebuilt; the rest (typed
 * arrays) is copied. Decoding the whole index at once was a fifth of a warm `cordon screen`, and
 * collecting its garbage another fifth.
 *
 * Layout: the magic `CORDON-INDEX-3\n`, a 32-bit length, the head (node:v8 encoding of `IndexHead`),
 * then the names, the parties and the records (UTF-8 JSON), each item at `[start[i], start[i+1])`.
 */
const magic = Buffer.from('CORDON-INDEX-3\n', 'latin1');

/** What the file holds, as the disk cache hands it over. */
export interface IndexFileContent {
  readonly key: string;
  readonly snapshots: readonly string[];
  readonly index: ScreeningIndex;
  /** The records' entity ids, and the record as JSON at the same position. */
  readonly ids: readonly string[];
  readonly records: readonly string[];
  readonly provenance?: readonly (readonly [string, string])[];
}

/** The same, read back: `index.names` and `index.parties` decode an item when it is first read. */
export interface IndexFileView {
  readonly key: string;
  readonly snapshots: readonly string[];
  readonly index: ScreeningIndex;
  readonly ids: readonly string[];
  /** The JSON of the record at this position (decoded now, not kept). */
  readonly record: (position: number) => string | undefined;
  readonly provenance?: readonly (readonly [string, string])[];
}

interface IndexHead {
  readonly key: string;
  readonly snapshots: readonly string[];
  /** The index without its names and parties, its maps as sorted keys and values. */
  readonly index: Omit<ScreeningIndex, 'names' | 'parties' | 'latin' | 'skeleton' | 'exactNames'>;
  readonly latin: StoredSpace;
  readonly skeleton: StoredSpace;
  readonly exactNames: StoredListMap;
  readonly ids: readonly string[];
  readonly provenance?: readonly (readonly [string, string])[];
  /** Byte offsets (from the end of the head) of each name, party and record, and of the end. */
  readonly names: Float64Array;
  readonly parties: Float64Array;
  readonly records: Float64Array;
}

/** Encodes a cached index (see the layout above). */
export function encodeIndexFile(content: IndexFileContent): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const section = (items: readonly Buffer[]): Float64Array => {
    const start = new Float64Array(items.length + 1);
    items.forEach((item, i) => {
      start[i] = offset;
      chunks.push(item);
      offset += item.length;
    });
    start[items.length] = offset;
    return start;
  };
  const { names, parties, latin, skeleton, exactNames, ...rest } = content.index;
  const head: IndexHead = {
    key: content.key,
    snapshots: content.snapshots,
    index: rest,
    latin: storeSpace(latin),
    skeleton: storeSpace(skeleton),
    exactNames: storeListMap(exactNames),
    ids: content.ids,
    ...(content.provenance ? { provenance: content.provenance } : {}),
    names: section(names.map((n) => v8.serialize(n))),
    parties: section(parties.map((p) => v8.serialize(p))),
    records: section(content.records.map((r) => Buffer.from(r, 'utf8'))),
  };
  const headBytes = v8.serialize(head);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headBytes.length);
  return Buffer.concat([magic, length, headBytes, ...chunks]);
}

/**
 * Reads a cached index; undefined for a file of another format (an older cache, a cut file),
 * which the caller rebuilds.
 */
export function decodeIndexFile(bytes: Buffer): IndexFileView | undefined {
  if (bytes.length < magic.length + 4 || !bytes.subarray(0, magic.length).equals(magic)) {
    return undefined;
  }
  const headLength = bytes.readUInt32LE(magic.length);
  const bodyStart = magic.length + 4 + headLength;
  const head = v8.deserialize(bytes.subarray(magic.length + 4, bodyStart)) as IndexHead;
  const end = head.records[head.records.length - 1] ?? 0;
  if (bytes.length !== bodyStart + end) return undefined;
  const slice = (starts: Float64Array, i: number): Buffer | undefined => {
    const from = starts[i];
    const to = starts[i + 1];
    return from === undefined || to === undefined
      ? undefined
      : bytes.subarray(bodyStart + from, bodyStart + to);
  };
  const decode = (starts: Float64Array) => (i: number) =>
    v8.deserialize(slice(starts, i) ?? Buffer.alloc(0)) as unknown;
  const index = {
    ...head.index,
    latin: readSpace(head.latin),
    skeleton: readSpace(head.skeleton),
    exactNames: readListMap(head.exactNames),
    names: lazyList(head.names.length - 1, decode(head.names)),
    parties: lazyList(head.parties.length - 1, decode(head.parties)),
  } as ScreeningIndex;
  return {
    key: head.key,
    snapshots: head.snapshots,
    index,
    ids: head.ids,
    record: (i) => slice(head.records, i)?.toString('utf8'),
    ...(head.provenance ? { provenance: head.provenance } : {}),
  };
}

/**
 * A read-only array of `length` items, each made by `load` when first read and then kept: every
 * array method works (`map`, `length`, iteration), reading only what it touches.
 */
function lazyList<T>(length: number, load: (i: number) => T): readonly T[] {
  const loaded: (T | undefined)[] = new Array<T | undefined>(length);
  return new Proxy(loaded, {
    get(target, property, receiver) {
      if (typeof property === 'string') {
        const i = arrayIndex(property, length);
        if (i !== undefined) return (target[i] ??= load(i));
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
    has(target, property) {
      return typeof property === 'string' && arrayIndex(property, length) !== undefined
        ? true
        : Reflect.has(target, property);
    },
  }) as readonly T[];
}

/** The array index a property key names, if it names one below `length`. */
function arrayIndex(property: string, length: number): number | undefined {
  const code = property.charCodeAt(0);
  if (!(code >= 48 && code <= 57)) return undefined;
  const i = Number(property);
  return Number.isInteger(i) && i < length && String(i) === property ? i : undefined;
}

/** A space with its two maps stored as sorted keys and their values. */
type StoredSpace = Omit<SpaceIndex, 'vocabulary' | 'gramIds'> & {
  readonly vocabulary: StoredMap;
  readonly gramIds: StoredMap;
};

/** A `Map<string, number>` as its keys in code-unit order and the value of each. */
interface StoredMap {
  readonly keys: readonly string[];
  readonly values: Int32Array;
}

/** A `Map<string, number[]>` as its keys in code-unit order and each value at `[start[i], start[i+1])`. */
interface StoredListMap {
  readonly keys: readonly string[];
  readonly start: Int32Array;
  readonly values: Int32Array;
}

const sortedKeys = (map: ReadonlyMap<string, unknown>): string[] =>
  [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function storeMap(map: ReadonlyMap<string, number>): StoredMap {
  const keys = sortedKeys(map);
  return { keys, values: int32s(keys.map((k) => map.get(k) ?? 0)) };
}

function storeSpace(space: SpaceIndex): StoredSpace {
  return { ...space, vocabulary: storeMap(space.vocabulary), gramIds: storeMap(space.gramIds) };
}

function storeListMap(map: ReadonlyMap<string, readonly number[]>): StoredListMap {
  const keys = sortedKeys(map);
  const start = new Int32Array(keys.length + 1);
  const values: number[] = [];
  keys.forEach((k, i) => {
    start[i] = values.length;
    values.push(...(map.get(k) ?? []));
  });
  start[keys.length] = values.length;
  return { keys, start, values: int32s(values) };
}

function readSpace(space: StoredSpace): SpaceIndex {
  const { vocabulary, gramIds } = space;
  return {
    ...space,
    vocabulary: new SortedMap(vocabulary.keys, (i) => vocabulary.values[i] ?? 0),
    gramIds: new SortedMap(gramIds.keys, (i) => gramIds.values[i] ?? 0),
  };
}

function readListMap(map: StoredListMap): ReadonlyMap<string, readonly number[]> {
  return new SortedMap(map.keys, (i) => [...map.values.subarray(map.start[i], map.start[i + 1])]);
}

/**
 * A read-only map over keys in code-unit order, found by binary search: nothing to build when it
 * is read from a file (a `Map` of 140,000 keys took a fifth of a second to decode).
 */
class SortedMap<V> implements ReadonlyMap<string, V> {
  readonly #keys: readonly string[];
  readonly #value: (i: number) => V;

  constructor(keys: readonly string[], value: (i: number) => V) {
    this.#keys = keys;
    this.#value = value;
  }

  get size(): number {
    return this.#keys.length;
  }

  #find(key: string): number {
    let low = 0;
    let high = this.#keys.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = this.#keys[mid] ?? '';
      if (at < key) low = mid + 1;
      else if (at > key) high = mid - 1;
      else return mid;
    }
    return -1;
  }

  get(key: string): V | undefined {
    const i = this.#find(key);
    return i < 0 ? undefined : this.#value(i);
  }

  has(key: string): boolean {
    return this.#find(key) >= 0;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    this.#keys.forEach((key, i) => {
      callback(this.#value(i), key, this);
    });
  }

  *entries(): MapIterator<[string, V]> {
    for (const [i, key] of this.#keys.entries()) yield [key, this.#value(i)];
  }

  keys(): MapIterator<string> {
    return this.#keys.values();
  }

  *values(): MapIterator<V> {
    for (let i = 0; i < this.#keys.length; i += 1) yield this.#value(i);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** Ids as 32-bit integers; anything else is a bug in the index, not a value to round. */
function int32s(values: readonly number[]): Int32Array {
  const stored = Int32Array.from(values);
  if (stored.some((v, i) => v !== values[i]))
    throw new Error('an index id is not a 32-bit integer');
  return stored;
}
