// The benchmark's readable table: each figure beside its target (issue 4).

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
  const rows: Row[] = [
    {
      metric: 'nomenklatura F1, best threshold (Cordon)',
      value: `${num(r, `${nk}.cordon.best.f1`).toFixed(3)} at ${num(r, `${nk}.cordon.best.threshold`).toFixed(2)} (P ${num(r, `${nk}.cordon.best.precision`).toFixed(3)}, R ${num(r, `${nk}.cordon.best.recall`).toFixed(3)})`,
      target: '>= 0.88',
      met: num(r, `${nk}.cordon.best.f1`) >= 0.88,
    },
    {
      metric: 'nomenklatura F1 at default review',
      value: `${num(r, `${nk}.cordon.atDefault.f1`).toFixed(3)} at ${num(r, `${nk}.cordon.atDefault.threshold`).toFixed(2)} (P ${num(r, `${nk}.cordon.atDefault.precision`).toFixed(3)}, R ${num(r, `${nk}.cordon.atDefault.recall`).toFixed(3)})`,
      target: 'reported',
    },
    {
      metric: 'logic-v2 (frozen) F1 at 0.70 / best',
      value: `${num(r, `${nk}.logicV2.at070.f1`).toFixed(3)} / ${num(r, `${nk}.logicV2.best.f1`).toFixed(3)} at ${num(r, `${nk}.logicV2.best.threshold`).toFixed(2)}; Cordon on the same ${num(r, `${nk}.sharedWithLogicV2`)} cases: ${num(r, `${nk}.cordonOnShared.best.f1`).toFixed(3)}`,
      target: 'baseline',
    },
    {
      metric: 'watchman cross-script pairs at or above review',
      value: `${num(r, 'quality.crossScript.atOrAboveReview')} / ${num(r, 'quality.crossScript.pairs')}`,
      target: '>= 20 / 22',
      met: num(r, 'quality.crossScript.atOrAboveReview') >= 20,
    },
    {
      metric: 'alias recall@3 (OFAC SDN 2021-07-07, every aka)',
      value: `${num(r, 'quality.aliasRecall.recall').toFixed(4)} (${num(r, 'quality.aliasRecall.found')} / ${num(r, 'quality.aliasRecall.aliases')})`,
      target: '>= 0.98',
      met: num(r, 'quality.aliasRecall.recall') >= 0.98,
    },
    {
      metric: 'false alerts per 1,000 (review + strong)',
      value: `${num(r, 'quality.falseAlerts.perThousand').toFixed(2)} (global ${num(r, 'quality.falseAlerts.global.perThousand').toFixed(2)}, US ${num(r, 'quality.falseAlerts.us.perThousand').toFixed(2)}; ${num(r, 'quality.falseAlerts.names')} names)`,
      target: '<= 10',
      met: num(r, 'quality.falseAlerts.perThousand') <= 10,
    },
    {
      metric: 'strong false alerts per 1,000',
      value: `${num(r, 'quality.falseAlerts.strongPerThousand').toFixed(2)} (global ${num(r, 'quality.falseAlerts.global.strongPerThousand').toFixed(2)}, US ${num(r, 'quality.falseAlerts.us.strongPerThousand').toFixed(2)})`,
      target: '<= 1',
      met: num(r, 'quality.falseAlerts.strongPerThousand') <= 1,
    },
    {
      metric: 'index build (cold / warm)',
      value: `${num(r, 'speed.build.buildSecondsCold').toFixed(2)} s / ${num(r, 'speed.build.buildSecondsWarm').toFixed(2)} s, ${num(r, 'speed.build.parties')} parties, ${num(r, 'speed.build.names')} names, heap ${JSON.stringify(get(r, 'speed.build.indexHeapMB') ?? 'n/a')} MB`,
      target: '<= 5 s',
      met: num(r, 'speed.build.buildSecondsCold') <= 5,
    },
    {
      metric: 'single query in process p50 / p99',
      value: `${num(r, 'speed.latency.p50Ms').toFixed(3)} ms / ${num(r, 'speed.latency.p99Ms').toFixed(3)} ms (${num(r, 'speed.latency.queries')} queries)`,
      target: '<= 0.5 / <= 3 ms',
      met: num(r, 'speed.latency.p50Ms') <= 0.5 && num(r, 'speed.latency.p99Ms') <= 3,
    },
    {
      metric: 'single query over HTTP p50 / p99',
      value: `${num(r, 'speed.httpLatency.p50Ms').toFixed(3)} ms / ${num(r, 'speed.httpLatency.p99Ms').toFixed(3)} ms (${num(r, 'speed.httpLatency.queries')} POST /v1/screen, embedded store)`,
      target: 'reported',
    },
    {
      metric: 'batch throughput (screenFile, 2 workers)',
      value: `${num(r, 'speed.batch.namesPerSecond')} names/s over ${num(r, 'speed.batch.names')} names, peak RSS ${num(r, 'speed.batch.peakRssMB')} MB (own process), index ${num(r, 'speed.batch.indexSeconds')} s`,
      target: '>= 5,000/s, < 1.5 GB',
      met: num(r, 'speed.batch.namesPerSecond') >= 5000 && num(r, 'speed.batch.peakRssMB') < 1500,
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
