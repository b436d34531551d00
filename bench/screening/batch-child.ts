// One batch run in a process of its own, as `cordon screen-file` runs: loads the shipped lists,
// screens the CSV given with `screenFile`, and prints the summary with the process's peak
// resident memory (main thread and worker threads together) as one JSON line on stdout.
//   node bin/run-ts.js bench/screening/batch-child.ts IN.csv OUT.jsonl WORKERS
// `screenFile` and its workers run the compiled JavaScript in dist/, as `cordon screen-file` does
// (see compiled.ts).
import { readFileSync } from 'node:fs';
import { screenFile } from './compiled.ts';
import { loadShippedLists } from './lists.ts';

const [input, output, workers] = process.argv.slice(2);
if (input === undefined || output === undefined) {
  process.stderr.write('usage: batch-child.ts IN.csv OUT.jsonl [WORKERS]\n');
  process.exit(2);
}

/** Peak resident memory of this process in bytes, from the kernel where it keeps it. */
function peakRss(sampled: number): number {
  try {
    const kB = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kB !== undefined) return Math.max(sampled, Number(kB) * 1024);
  } catch {
    // Not Linux: the sampled figure is all there is.
  }
  return sampled;
}

let sampled = process.memoryUsage().rss;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 200);
const { parties, perSource } = loadShippedLists();
const result = await screenFile({
  input,
  output,
  parties,
  // As `cordon screen-file` does: every line names the list snapshots it was screened against.
  snapshot: perSource.map((list) => `${list.source}@${list.dataDate}`),
  ...(workers !== undefined ? { workers: Number(workers) } : {}),
});
clearInterval(sampler);
process.stdout.write(
  `${JSON.stringify(result.ok ? { ...result.value, peakRssBytes: peakRss(sampled) } : { error: result.error })}\n`,
);
