// Splits each evaluation set into a tuning half and a held-out half (issue 16, item 7), with a
// fixed seed, and writes the split to bench/data/screening/splits/ so that it is committed and
// never changes by accident. It also writes the person-name corpus Cordon's word frequencies are
// counted from (data/screening/corpus/person-names-yente-tuning-half.csv): the full names of the
// tuning half of the synthetic negatives, so that false alerts are measured on names the
// frequencies never saw.
//   node bin/run-ts.js bench/screening/make-splits.ts          (writes)
//   node bin/run-ts.js bench/screening/make-splits.ts --check  (fails when the files differ)
// Rows are assigned within strata (label and group for labelled pairs) by a keyed SHA-256 of the
// row's own content, so that a row keeps its half whatever its position, and the halves are
// balanced per stratum. Thresholds, weights and dictionaries may be tuned on the tuning half only.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readNegatives } from './datasets.ts';
import { inHalf, splitFile, splitRows, type SplitSet } from './splits.ts';

const check = process.argv.includes('--check');
let drifted = 0;
const csvField = (value: string): string =>
  /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
const outputs: { file: string; content: () => string }[] = splitRows().map((set) => ({
  file: splitFile(set.name),
  content: () => `${JSON.stringify(set satisfies SplitSet, null, 1)}\n`,
}));
outputs.push({
  file: fileURLToPath(
    new URL('../../data/screening/corpus/person-names-yente-tuning-half.csv', import.meta.url),
  ),
  content: () => {
    const rows = ['full_name,file'];
    for (const file of ['negatives_global', 'negatives_us'] as const)
      for (const name of inHalf(file, readNegatives(`${file}.csv`, true), 'tuning'))
        rows.push(`${csvField(name)},${file}`);
    return `${rows.join('\n')}\n`;
  },
});
for (const output of outputs) {
  const content = output.content();
  const file = output.file;
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === content) continue;
  if (check) {
    drifted += 1;
    process.stderr.write(`${file} differs from the split the seed gives\n`);
  } else {
    writeFileSync(file, content);
    process.stderr.write(`wrote ${file}\n`);
  }
}
if (drifted > 0) process.exit(1);
