// The screening benchmark (issue 4, item 6): quality on the openly licensed evaluation sets and
// speed over every shipped list. Writes bench/results/screening.json and prints a table.
//   node bin/run-ts.js bench/screening/run.ts [--quick] [--batch N]
// --quick screens 5,000 instead of 100,000 synthetic negatives and a smaller batch (for a smoke run);
// --batch N sets the batch size (default 100,000; --batch 1000000 for the million-name run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultThresholds } from '../../src/domain/screening/score-names.ts';
import { readNegatives } from './datasets.ts';
import { loadOfac2021, loadShippedLists } from './lists.ts';
import { aliasRecall, crossScript, falseAlerts, nomenklatura } from './quality.ts';
import {
  measureBatch,
  measureBuild,
  measureExhaustive,
  measureHttpLatency,
  measureLatency,
  queryMix,
} from './speed.ts';
import { printTable } from './table.ts';

const quick = process.argv.includes('--quick');
const started = performance.now();
const log = (message: string): void => {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
};

log('loading the shipped lists');
const lists = loadShippedLists();
log(`${lists.parties.length} list records; building the index`);
const { index, report: build } = measureBuild(lists.parties);

log('nomenklatura pairs');
const nomenklaturaReport = nomenklatura();
log('cross-script pairs');
const crossScriptReport = crossScript();

log('alias recall (OFAC SDN 2021-07-07)');
const ofac2021 = loadOfac2021();
const aliasReport = aliasRecall(measureBuild(ofac2021).index, ofac2021);

const negativesGlobal = readNegatives('negatives_global.csv');
const negativesUs = readNegatives('negatives_us.csv');
const negativeCount = quick ? 2_500 : negativesGlobal.length;
log(`false alerts on ${negativeCount * 2} synthetic negatives`);
const globalReport = falseAlerts(index, negativesGlobal.slice(0, negativeCount));
const usReport = falseAlerts(index, negativesUs.slice(0, negativeCount));
const names = Number(globalReport['names']) + Number(usReport['names']);
const alerts = Number(globalReport['alerts']) + Number(usReport['alerts']);
const strongAlerts = Number(globalReport['strongAlerts']) + Number(usReport['strongAlerts']);

log('single-query latency');
const queries = queryMix(
  lists.parties,
  [...negativesGlobal.slice(-2_000), ...negativesUs.slice(-2_000)],
  4_000,
);
const latency = measureLatency(index, queries);

log('exhaustive scan comparison');
const exhaustive = measureExhaustive(
  index,
  queries.filter((_, i) => i % 10 === 0).slice(0, quick ? 100 : 400),
);

log('single-query latency over HTTP (embedded cordon serve)');
const httpLatency = await measureHttpLatency(queries.slice(0, quick ? 500 : 2_000));

const batchAt = process.argv.indexOf('--batch');
const batchNames = batchAt >= 0 ? Number(process.argv[batchAt + 1]) : quick ? 20_000 : 100_000;
log(`batch throughput (${batchNames} names, 2 workers, in a process of its own)`);
const batchPool = [...negativesGlobal, ...negativesUs, ...queries];
const batch = await measureBatch(
  Array.from({ length: batchNames }, (_, i) => batchPool[i % batchPool.length] ?? ''),
  2,
);

const results = {
  generatedAt: new Date().toISOString(),
  quick,
  node: process.version,
  thresholds: defaultThresholds,
  lists: lists.perSource,
  quality: {
    nomenklatura: nomenklaturaReport,
    crossScript: crossScriptReport,
    aliasRecall: aliasReport,
    falseAlerts: {
      names,
      alerts,
      strongAlerts,
      perThousand: Math.round((100_000 * alerts) / names) / 100,
      strongPerThousand: Math.round((100_000 * strongAlerts) / names) / 100,
      global: globalReport,
      us: usReport,
    },
  },
  speed: { build, latency, httpLatency, exhaustive, batch },
};

const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}screening.json`, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
log('wrote bench/results/screening.json');
