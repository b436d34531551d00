import type { CorpusGroup, WordFrequencies } from './word-frequency.ts';
// A namespace import: the generator itself loads this module while it rewrites the table.
import * as table from './word-frequency-table.ts';

function decode(encoded: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!encoded) return counts;
  const parts = encoded.split(' ');
  for (let i = 0; i + 1 < parts.length; i += 2) counts.set(parts[i] ?? '', Number(parts[i + 1]));
  return counts;
}

let decoded: WordFrequencies | undefined;

/**
 * The word frequencies Cordon ships: counted from the names of ordinary companies (SEC EDGAR)
 * and of ordinary people (synthetic customers, the tuning half only), never from the lists; see
 * data/screening/corpus/README.md. Decoded once, on first use.
 */
export function shippedWordFrequencies(): WordFrequencies {
  if (!decoded) {
    const groups: CorpusGroup[] = table.corpusGroups.map((group) => ({
      name: group.name,
      names: group.names,
      consonantalNames: group.consonantalNames,
      latin: decode(group.latin),
      skeleton: decode(group.skeleton),
    }));
    decoded = { groups, source: table.corpusSource };
  }
  return decoded;
}
