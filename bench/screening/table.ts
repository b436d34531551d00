// The benchmark's readable table: each figure beside its target (issues 4 and 16).

type Json = Record<string, unknown>;

const get = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Json | undefined)?.[key], value);
const num = (value: unknown, path: string): number => Number(get(value, path));

interface Row {
  readonly metric: string;
  readonly value: string;
  readonly target: string;
  readonly met?: boolean;
}

export function printTable(results: Json): void {
  const r = results;
  const nk = 'quality.nomenklatura';
  const f1 = (half: string): string =>
    `${num(r, `${nk}.${half}.atDefault.f1`).toFixed(4)} at 0.80 (TP ${num(r, `${nk}.${half}.atDefault.truePositives`)}, FP ${num(r, `${nk}.${half}.atDefault.falsePositives`)}, FN ${num(r, `${nk}.${half}.atDefault.falseNegatives`)}; P ${num(r, `${nk}.${half}.atDefault.precision`).toFixed(3)}, R ${num(r, `${nk}.${half}.atDefault.recall`).toFixed(3)}); best ${num(r, `${nk}.${half}.best.f1`).toFixed(4)} at ${num(r, `${nk}.${half}.best.threshold`).toFixed(2)}`;
  const kinds = (get(r, 'quality.perturbedRecall.kinds') ?? []) as Json[];
  const fa = (half: string): string =>
    `${num(r, `quality.falseAlerts.${half}.perThousand`).toFixed(2)} (strong ${num(r, `quality.falseAlerts.${half}.strongPerThousand`).toFixed(2)}; global ${num(r, `quality.falseAlerts.${half}.global.perThousand`).toFixed(2)}, US ${num(r, `quality.falseAlerts.${half}.us.perThousand`).toFixed(2)}; ${num(r, `quality.falseAlerts.${half}.names`)} names)`;
  const rows: Row[] = [
    {
      metric: 'self-recall: listed names as written, own entry strong on top',
      value: `${(100 * num(r, 'quality.selfRecall.recall')).toFixed(3)}% of ${num(r, 'quality.selfRecall.entries')} (entry, name) pairs, ${num(r, 'quality.selfRecall.names')} distinct names`,
      target: '100%',
      met: num(r, 'quality.selfRecall.recall') === 1,
    },
    ...kinds.map((kind) => ({
      metric: `perturbed recall@3: ${String(kind['kind'])}`,
      value: `${(100 * Number(kind['recall'])).toFixed(2)}% (${String(kind['found'])} / ${String(kind['applicable'])})`,
      ...(kind['target'] === undefined
        ? { target: 'reported' }
        : {
            target: `>= ${String(100 * Number(kind['target']))}%`,
            met: Number(kind['recall']) >= Number(kind['target']),
          }),
    })),
    {
      metric: 'acronym in parentheses left out, every listed name (top 3, >= review)',
      value: `${(100 * num(r, 'quality.acronymsLeftOut.recall')).toFixed(2)}% (${num(r, 'quality.acronymsLeftOut.found')} / ${num(r, 'quality.acronymsLeftOut.applicable')})`,
      target: '>= 99%',
      met: num(r, 'quality.acronymsLeftOut.recall') >= 0.99,
    },
    {
      metric: 'trailing parenthesis left out, every listed organisation (>= review)',
      value: `${(100 * num(r, 'quality.trailingParenthesisLeftOut.recall')).toFixed(2)}% (${num(r, 'quality.trailingParenthesisLeftOut.found')} / ${num(r, 'quality.trailingParenthesisLeftOut.names')})`,
      target: '>= 99%',
      met: num(r, 'quality.trailingParenthesisLeftOut.recall') >= 0.99,
    },
    {
      metric: 'containment recall (organisation + qualifier, >= review)',
      value: `${(100 * num(r, 'quality.containmentRecall.recall')).toFixed(2)}% (${num(r, 'quality.containmentRecall.found')} / ${num(r, 'quality.containmentRecall.names')})`,
      target: '>= 99%',
      met: num(r, 'quality.containmentRecall.recall') >= 0.99,
    },
    {
      metric: 'nomenklatura F1, HELD-OUT half',
      value: f1('heldOut'),
      target: '>= 0.88 at 0.80',
      met: num(r, `${nk}.heldOut.atDefault.f1`) >= 0.88,
    },
    { metric: 'nomenklatura F1, tuning half (in-sample)', value: f1('tuning'), target: 'reported' },
    { metric: 'nomenklatura F1, all pairs', value: f1('all'), target: 'reported' },
    {
      metric: 'nomenklatura F1 with screening word weights, held-out / tuning',
      value: `${f1('withScreeningWeights.heldOut')} / ${num(r, `${nk}.withScreeningWeights.tuning.atDefault.f1`).toFixed(4)}`,
      target: 'reported',
    },
    {
      metric: 'logic-v2 (frozen) F1 at 0.70 / best',
      value: `${num(r, `${nk}.logicV2.at070.f1`).toFixed(3)} / ${num(r, `${nk}.logicV2.best.f1`).toFixed(3)} at ${num(r, `${nk}.logicV2.best.threshold`).toFixed(2)}; Cordon on the same ${num(r, `${nk}.sharedWithLogicV2`)} cases: ${num(r, `${nk}.cordonOnShared.best.f1`).toFixed(3)}`,
      target: 'baseline',
    },
    {
      metric: 'watchman cross-script pairs at or above review',
      value: `${num(r, 'quality.crossScript.atOrAboveReview')} / ${num(r, 'quality.crossScript.pairs')} (held-out ${num(r, 'quality.crossScript.heldOut.atOrAboveReview')} / ${num(r, 'quality.crossScript.heldOut.pairs')}, tuning ${num(r, 'quality.crossScript.tuning.atOrAboveReview')} / ${num(r, 'quality.crossScript.tuning.pairs')})`,
      target: '>= 21 / 22',
      met: num(r, 'quality.crossScript.atOrAboveReview') >= 21,
    },
    {
      metric: 'alias recall@3 (OFAC SDN 2021-07-07, every aka)',
      value: `${num(r, 'quality.aliasRecall.recall').toFixed(4)} (${num(r, 'quality.aliasRecall.found')} / ${num(r, 'quality.aliasRecall.aliases')})`,
      target: '>= 0.98',
      met: num(r, 'quality.aliasRecall.recall') >= 0.98,
    },
    {
      metric: 'false alerts per 1,000, HELD-OUT halves',
      value: fa('heldOut'),
      target: '<= 6.5 (strong <= 0.5)',
      met:
        num(r, 'quality.falseAlerts.heldOut.perThousand') <= 6.5 &&
        num(r, 'quality.falseAlerts.heldOut.strongPerThousand') <= 0.5,
    },
    {
      metric: 'false alerts per 1,000, tuning halves (in-sample)',
      value: fa('tuning'),
      target: 'reported',
    },
    {
      metric: 'index build (cold / warm)',
      value: `${num(r, 'speed.build.buildSecondsCold').toFixed(2)} s / ${num(r, 'speed.build.buildSecondsWarm').toFixed(2)} s, ${num(r, 'speed.build.parties')} parties, ${num(r, 'speed.build.names')} names, heap ${JSON.stringify(get(r, 'speed.build.indexHeapMB') ?? 'n/a')} MB`,
      target: '<= 3 s',
      met: num(r, 'speed.build.buildSecondsCold') <= 3,
    },
    {
      metric: 'single query in process p50 / p99',
      value: `${num(r, 'speed.latency.p50Ms').toFixed(3)} ms / ${num(r, 'speed.latency.p99Ms').toFixed(3)} ms (${num(r, 'speed.latency.queries')} queries)`,
      target: '<= 0.3 / <= 2 ms',
      met: num(r, 'speed.latency.p50Ms') <= 0.3 && num(r, 'speed.latency.p99Ms') <= 2,
    },
    {
      metric: 'single query over HTTP p50 / p99',
      value: `${num(r, 'speed.httpLatency.p50Ms').toFixed(3)} ms / ${num(r, 'speed.httpLatency.p99Ms').toFixed(3)} ms (${num(r, 'speed.httpLatency.queries')} POST /v1/screen, embedded store)`,
      target: 'reported',
    },
    {
      metric: 'batch throughput (screenFile, 2 workers)',
      value: `${num(r, 'speed.batch.namesPerSecond')} names/s over ${num(r, 'speed.batch.names')} names, peak RSS ${num(r, 'speed.batch.peakRssMB')} MB (own process), index ${num(r, 'speed.batch.indexSeconds')} s`,
      target: '>= 10,000/s, < 1.5 GB',
      met: num(r, 'speed.batch.namesPerSecond') >= 10000 && num(r, 'speed.batch.peakRssMB') < 1500,
    },
    {
      metric: 'candidates vs exhaustive scan',
      value: `${num(r, 'speed.exhaustive.speedUp')}x faster (${num(r, 'speed.exhaustive.candidateMsPerQuery')} vs ${num(r, 'speed.exhaustive.exhaustiveMsPerQuery')} ms), recall ${(100 * num(r, 'speed.exhaustive.candidateRecall')).toFixed(2)}% of ${num(r, 'speed.exhaustive.exhaustiveMatches')} matches`,
      target: '>= 50x, >= 99.5%',
      met:
        num(r, 'speed.exhaustive.speedUp') >= 50 &&
        num(r, 'speed.exhaustive.candidateRecall') >= 0.995,
    },
  ];
  const width = (key: keyof Row): number =>
    Math.max(...rows.map((row) => String(row[key] ?? '').length), key.length);
  const wm = width('metric');
  const wv = Math.min(110, width('value'));
  const wt = width('target');
  const line = (m: string, v: string, t: string, ok: string): string =>
    `${m.padEnd(wm)} | ${v.padEnd(wv)} | ${t.padEnd(wt)} | ${ok}`;
  const out = [
    line('metric', 'value', 'target', 'met'),
    `${'-'.repeat(wm)}-+-${'-'.repeat(wv)}-+-${'-'.repeat(wt)}-+----`,
    ...rows.map((row) =>
      line(row.metric, row.value, row.target, row.met === undefined ? '' : row.met ? 'yes' : 'NO'),
    ),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
