/**
 * Parses every shipped list as the first-start import does and prints counts and timings.
 *
 *   npx tsx src/adapters/lists/scripts/time-shipped-lists.ts [repository root]
 */
import { parseListFiles } from '../parse-list-files.ts';
import { readShippedListFiles, shippedListManifest } from '../shipped-lists.ts';

const root = process.argv[2] ?? '.';
let total = 0;
for (const list of shippedListManifest) {
  const files = readShippedListFiles(root, list);
  const started = performance.now();
  const parsed = parseListFiles(list.source, files);
  const elapsed = performance.now() - started;
  total += elapsed;
  if (!parsed.ok) {
    console.log(`${list.source}: FAILED ${JSON.stringify(parsed.error.problems.slice(0, 3))}`);
    continue;
  }
  const { records, skipped, dataDate } = parsed.value;
  console.log(
    `${list.source.padEnd(20)} ${String(records.length).padStart(6)} records ${String(skipped.length).padStart(5)} skipped  data date ${dataDate ?? list.dataDate}  ${elapsed.toFixed(0).padStart(5)} ms`,
  );
}
console.log(`all shipped lists: ${total.toFixed(0)} ms`);
