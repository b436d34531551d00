// A quick speed check for work on the screening engine: index build, single-query latency and
// candidate recall against the exhaustive scan, without the quality sets or the batch run.
//   node bin/run-ts.js bench/screening/speed-only.ts [--exhaustive N] [--queries N]
// (node --cpu-prof bin/run-ts.js ... profiles it.) The full benchmark is bench/screening/run.ts.
import { readNegatives } from './datasets.ts';
import { loadShippedLists } from './lists.ts';
import { measureBuild, measureExhaustive, measureLatency, queryMix } from './speed.ts';

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1] ?? fallback) : fallback;
};
const queryCount = option('--queries', 4_000);
const exhaustiveCount = option('--exhaustive', 400);

const lists = loadShippedLists();
const { index, report: build } = measureBuild(lists.parties);
console.log('build', JSON.stringify(build));
const negativesGlobal = readNegatives('negatives_global.csv');
const negativesUs = readNegatives('negatives_us.csv');
const queries = queryMix(
  lists.parties,
  [...negativesGlobal.slice(-2_000), ...negativesUs.slice(-2_000)],
  queryCount,
);
console.log('latency', JSON.stringify(measureLatency(index, queries)));
if (exhaustiveCount > 0) {
  const exhaustive = measureExhaustive(
    index,
    queries.filter((_, i) => i % 10 === 0).slice(0, exhaustiveCount),
  );
  console.log('exhaustive', JSON.stringify(exhaustive, null, 1));
}
