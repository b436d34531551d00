/**
 * A small reader for JSON reference files that records every problem with the file name and the
 * JSON pointer of the offending value, so that a broken data file is reported all at once and
 * precisely ("ear_country_groups_seed.json /groups/A:1/members/3: "XX" is not ...").
 */

/** One problem in one reference data file. */
export interface DataProblem {
  readonly file: string;
  /** JSON pointer (RFC 6901), `''` for the whole document. */
  readonly path: string;
  readonly message: string;
}

export type JsonObject = Readonly<Record<string, unknown>>;

/** A position in a parsed JSON document. */
export class JsonCursor {
  constructor(
    readonly file: string,
    readonly value: unknown,
    readonly path: string,
    private readonly problems: DataProblem[],
  ) {}

  /** A cursor on the whole document. */
  static root(file: string, value: unknown, problems: DataProblem[]): JsonCursor {
    return new JsonCursor(file, value, '', problems);
  }

  /** Records a problem at this position. */
  problem(message: string): void {
    this.problems.push({ file: this.file, path: this.path || '/', message });
  }

  get exists(): boolean {
    return this.value !== undefined;
  }

  /** The child at `key` (an object property or an array index). */
  at(key: string | number): JsonCursor {
    const v = this.value;
    let child: unknown;
    if (typeof key === 'number') child = Array.isArray(v) ? (v[key] as unknown) : undefined;
    else if (isObject(v)) child = v[key];
    return new JsonCursor(this.file, child, `${this.path}/${escape(String(key))}`, this.problems);
  }

  isObject(): boolean {
    return isObject(this.value);
  }

  /** The object's own keys; a problem (and none) when this is not an object. */
  keys(): readonly string[] {
    if (!isObject(this.value)) {
      this.problem(`expected an object, found ${kind(this.value)}`);
      return [];
    }
    return Object.keys(this.value);
  }

  /** The array's elements; a problem (and none) when this is not an array. */
  items(): readonly JsonCursor[] {
    if (!Array.isArray(this.value)) {
      this.problem(`expected an array, found ${kind(this.value)}`);
      return [];
    }
    return this.value.map((_, i) => this.at(i));
  }

  /** The elements, or none when absent; a problem when present but not an array. */
  optionalItems(): readonly JsonCursor[] {
    return this.exists ? this.items() : [];
  }

  /** A required non-empty string. */
  string(): string | undefined {
    if (typeof this.value === 'string' && this.value.trim() !== '') return this.value;
    this.problem(`expected a non-empty string, found ${kind(this.value)}`);
    return undefined;
  }

  /** A string if present; a problem when present with another type. */
  optionalString(): string | undefined {
    return this.exists ? this.string() : undefined;
  }

  /** A list of strings (absent means empty). */
  strings(): readonly string[] {
    return this.optionalItems().flatMap((c) => {
      const s = c.string();
      return s === undefined ? [] : [s];
    });
  }

  optionalBoolean(): boolean | undefined {
    if (!this.exists) return undefined;
    if (typeof this.value === 'boolean') return this.value;
    this.problem(`expected true or false, found ${kind(this.value)}`);
    return undefined;
  }
}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

const kind = (v: unknown): string =>
  v === undefined
    ? 'nothing'
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'an array'
        : typeof v === 'string'
          ? v.trim() === ''
            ? 'an empty string'
            : 'a string'
          : `a ${typeof v}`;

/** The first ISO date (YYYY-MM-DD) in a text, if any. */
export const firstIsoDate = (text: string | undefined): string | undefined =>
  text?.match(/\b(\d{4}-\d{2}-\d{2})\b/)?.[1];
