import fc from 'fast-check';

/**
 * Inputs per property: a bounded number in CI (the whole folder stays well under a minute), and
 * `npm run fuzz:long` sets CORDON_FUZZ_RUNS=100000. CORDON_FUZZ_SEED replays a run.
 */
export const fuzzRuns = (ciDefault: number): number => {
  const raw = process.env['CORDON_FUZZ_RUNS'];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : ciDefault;
};

export const fuzzParameters = (ciDefault: number): fc.Parameters<unknown> => {
  const seed = process.env['CORDON_FUZZ_SEED'];
  return {
    numRuns: fuzzRuns(ciDefault),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    // A long run reports its seed and the shrunk counter-example, to make a regression test of it.
    verbose: fc.VerbosityLevel.Verbose,
  };
};

/** Each input must be answered within this long: a parser that takes longer is treated as hanging. */
export const perInputBudgetMs = 2_000;

/** The ways a real file goes wrong: cut short, bytes changed, lines lost or doubled, delimiters swapped, noise. */
export function mutationOf(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  const text = new TextDecoder().decode(bytes);
  const lines = text.split('\n');
  const encode = (s: string) => new TextEncoder().encode(s);
  const lastLine = Math.max(0, lines.length - 1);
  return fc.oneof(
    fc.nat({ max: bytes.length }).map((end) => bytes.slice(0, end)),
    fc
      .array(
        fc.tuple(fc.nat({ max: Math.max(0, bytes.length - 1) }), fc.integer({ min: 0, max: 255 })),
        { minLength: 1, maxLength: 20 },
      )
      .map((flips) => {
        const copy = bytes.slice();
        for (const [at, value] of flips) copy[at] = value;
        return copy;
      }),
    fc.array(fc.nat({ max: lastLine }), { minLength: 1, maxLength: 10 }).map((drop) => {
      const dropped = new Set(drop);
      return encode(lines.filter((_, i) => !dropped.has(i)).join('\n'));
    }),
    fc.array(fc.nat({ max: lastLine }), { minLength: 1, maxLength: 10 }).map((copies) => {
      const doubled = [...lines];
      for (const at of copies) doubled.splice(at, 0, lines[at] ?? '');
      return encode(doubled.join('\n'));
    }),
    fc
      .tuple(fc.nat({ max: lastLine }), fc.string({ unit: 'binary', maxLength: 200 }))
      .map(([at, inserted]) => {
        const changed = [...lines];
        changed.splice(at, 0, inserted);
        return encode(changed.join('\n'));
      }),
    fc
      .constantFrom<[string, string]>(
        [',', '\t'],
        ['\t', ','],
        [',', ';'],
        ['"', "'"],
        ['"', ''],
        ['<', '['],
        ['>', ''],
        ['\n', '\r'],
        ['\n', '\r\n'],
      )
      .map(([from, to]) => encode(text.split(from).join(to))),
    fc.uint8Array({ maxLength: 2_000 }),
    fc.string({ unit: 'binary', maxLength: 2_000 }).map(encode),
  );
}
