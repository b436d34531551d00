import v8 from 'node:v8';
import type { ScreeningIndex } from '../../domain/screening/screening-index.ts';

/**
 * The bytes of a cached screening index, laid out so that a short-lived process (`cordon screen`)
 * reads only what a query touches. A query looks at a few dozen of the 58,000 listed names and
 * their parties, and cites a handful of records, so names, parties and records are stored one by
 * one behind offset tables and decoded when first read; the rest of the index (vocabularies,
 * postings, typed arrays) is one structured-clone block. Decoding the whole index at once was a
 * fifth of a warm `cordon screen`, and collecting its garbage another fifth.
 *
 * Layout: the magic `CORDON-INDEX-2\n`, a 32-bit length, the head (node:v8 encoding of `IndexHead`),
 * then the names, the parties and the records (UTF-8 JSON), each item at `[start[i], start[i+1])`.
 */
const magic = Buffer.from('CORDON-INDEX-2\n', 'latin1');

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
  /** The index without its names and parties. */
  readonly index: Omit<ScreeningIndex, 'names' | 'parties'>;
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
  const { names, parties, ...rest } = content.index;
  const head: IndexHead = {
    key: content.key,
    snapshots: content.snapshots,
    index: rest,
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
