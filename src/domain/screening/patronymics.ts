import type { Alignment } from './align-tokens.ts';

// Father and son around "bin": two names with the same words that denote two people.

/** Words that join a person's name to the father's ("son of", "daughter of"). */
const patronymicMarkers: ReadonlySet<string> = new Set([
  'bin',
  'ibn',
  'ben',
  'bint',
  'binti',
  'ould',
  'walad',
]);

/**
 * True when two names put the same two people on opposite sides of "bin"/"ibn": "SALMAN BIN
 * MUHAMMAD" (Salman, son of Muhammad) and "MUHAMMAD BIN SALMAN" share every token but denote the
 * father and the son.
 */
export function patronymicReversal(
  alignment: Alignment,
  query: readonly string[],
  listed: readonly string[],
): boolean {
  // Most names hold no "bin" between two words: nothing to pair up then.
  let marked = false;
  for (let i = 1; i + 1 < query.length && !marked; i += 1)
    marked = patronymicMarkers.has(query[i] ?? '');
  if (!marked) return false;
  const partner = new Map<number, number>();
  for (const pair of alignment.pairs) {
    if (
      pair.kind !== 'unmatched' &&
      pair.queryLength === 1 &&
      pair.listedLength === 1 &&
      pair.credit >= 0.5
    )
      partner.set(pair.queryStart, pair.listedStart);
  }
  for (let i = 1; i + 1 < query.length; i += 1) {
    if (!patronymicMarkers.has(query[i] ?? '')) continue;
    const before = partner.get(i - 1);
    const after = partner.get(i + 1);
    if (before === undefined || after === undefined) continue;
    const marker = partner.get(i);
    const between = marker ?? (before + after) / 2;
    if (
      before > after &&
      patronymicMarkers.has(listed[Math.round(between)] ?? '') &&
      before - after === 2
    )
      return true;
  }
  return false;
}
