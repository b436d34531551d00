// The screening benchmark (issues 4 and 16): recall of listed names, quality on the openly
// licensed evaluation sets (held-out halves as the headline, see bench/README.md) and speed over
// every shipped list. Writes bench/results/screening.json and prints a table.
//   node bin/run-ts.js bench/screening/run.ts [--quick] [--batch N]
// --quick screens 5,000 synthetic negatives per half, 100 names per source for perturbed recall
// and a smaller batch (a smoke run);
// --batch N sets the batch size (default 100,000; --batch 1000000 for the million-name run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultThresholds } from '../../src/domain/screening/score-names.ts';
import { readNegatives } from './datasets.ts';
import { loadOfac2021, loadShippedLists } from './lists.ts';
import { everyListedName, everyNameKinds, sampleListedNames } from './perturbations.ts';
import { aliasRecall, crossScript, falseAlerts, nomenklatura } from './quality.ts';
import {
  containmentRecall,
  perturbedRecall,
  selfRecall,
  trailingParenthesisRecall,
} from './recall.ts';
import { inHalf, type Half } from './splits.ts';
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

log('self-recall: every listed name of every shipped list, as written');
const selfRecallReport = selfRecall(index, lists.parties);
const recallSources = ['us-bis-entity-list', 'us-ofac-sdn', 'us-bis-dpl', 'us-ofac-nonsdn'];
const perSource = quick ? 100 : 500;
log(`perturbed recall (${perSource} names per source, each kind)`);
const sample = sampleListedNames(lists.parties, recallSources, perSource, 16);
const perturbed = perturbedRecall(index, sample, 1600);
log('trailing parentheses left out, over every listed organisation');
const parenthesisLeftOut = trailingParenthesisRecall(index, lists.parties);
log('acronyms in parentheses left out, over every listed name');
const [acronymsLeftOut] = perturbedRecall(
  index,
  everyListedName(lists.parties),
  1700,
  everyNameKinds,
);
const containment = containmentRecall(index, sample, 99);

// False alerts on the held-out halves of the synthetic negatives: the word frequencies were
// counted on the tuning halves (data/screening/corpus), so those are reported beside, in-sample.
const negativesGlobal = readNegatives('negatives_global.csv', true);
const negativesUs = readNegatives('negatives_us.csv', true);
const half = (file: 'negatives_global' | 'negatives_us', names: string[], which: Half) =>
  inHalf(file, names, which).filter((n) => n.length > 0);
const cap = (names: string[]) => (quick ? names.slice(0, 2_500) : names);
const negativeReport = (which: Half) => {
  const global = falseAlerts(index, cap(half('negatives_global', negativesGlobal, which)));
  const us = falseAlerts(index, cap(half('negatives_us', negativesUs, which)));
  const names = Number(global['names']) + Number(us['names']);
  const alerts = Number(global['alerts']) + Number(us['alerts']);
  const strongAlerts = Number(global['strongAlerts']) + Number(us['strongAlerts']);
  return {
    names,
    alerts,
    strongAlerts,
    perThousand: Math.round((100_000 * alerts) / names) / 100,
    strongPerThousand: Math.round((100_000 * strongAlerts) / names) / 100,
    global,
    us,
  };
};
log('false alerts on the held-out halves of the synthetic negatives');
const falseHeldOut = negativeReport('held-out');
log('false alerts on the tuning halves (in-sample for the word frequencies)');
const falseTuning = negativeReport('tuning');

log('single-query latency');
const queries = queryMix(
  lists.parties,
  [
    ...half('negatives_global', negativesGlobal, 'held-out').slice(-2_000),
    ...half('negatives_us', negativesUs, 'held-out').slice(-2_000),
  ],
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
const batchPool = [...negativesGlobal, ...negativesUs, ...queries].filter((n) => n.length > 0);
const batch = await measureBatch(
  Array.from({ length: batchNames }, (_, i) => batchPool[i % batchPool.length] ?? ''),
  2,
);

const results = {
  generatedAt: new Date().toISOString(),
  quick,
  node: process.version,
  // The speed figures time the compiled JavaScript that `cordon` runs (screening/compiled.ts).
  timedCode: 'dist/ (compiled with esbuild, as cordon runs it)',
  thresholds: defaultThresholds,
  lists: lists.perSource,
  quality: {
    nomenklatura: nomenklaturaReport,
    crossScript: crossScriptReport,
    aliasRecall: aliasReport,
    selfRecall: selfRecallReport,
    perturbedRecall: { perSource, sources: recallSources, kinds: perturbed },
    containmentRecall: containment,
    acronymsLeftOut: { over: 'every listed name', target: 0.99, ...acronymsLeftOut },
    trailingParenthesisLeftOut: { over: 'every listed organisation', ...parenthesisLeftOut },
    falseAlerts: { heldOut: falseHeldOut, tuning: falseTuning },
  },
  speed: { build, latency, httpLatency, exhaustive, batch },
};

const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}screening.json`, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
log('wrote bench/results/screening.json');
