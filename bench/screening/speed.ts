// Speed measurements: index build, single-query latency, exhaustive scan, batch throughput.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ListedParty } from '../../src/domain/lists/listed-party.ts';
import type { ScreeningIndex } from '../../src/domain/screening/screening-index.ts';
import { runProcess } from '../../test/support/cli-process.ts';
import { startEmbeddedServer } from '../support/embedded-server.ts';
// Timed on the compiled code, as `cordon` runs it (see compiled.ts).
import { buildScreeningIndex, screenName } from './compiled.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number): number => Math.round(bytes / 1e6);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Builds the index (after one warm-up build), reporting time and the heap it holds. */
export function measureBuild(parties: readonly ListedParty[]): {
  index: ScreeningIndex;
  report: Record<string, unknown>;
} {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const coldStart = performance.now();
  let index = buildScreeningIndex(parties);
  const coldMs = performance.now() - coldStart;
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const warmStart = performance.now();
  index = buildScreeningIndex(parties);
  const warmMs = performance.now() - warmStart;
  return {
    index,
    report: {
      parties: index.parties.length,
      names: index.names.length,
      latinVocabulary: index.latin.tokens.length,
      skeletonVocabulary: index.skeleton.tokens.length,
      buildSecondsCold: round(coldMs / 1000, 2),
      buildSecondsWarm: round(warmMs / 1000, 2),
      indexHeapMB: gc ? mb(heapAfter - heapBefore) : null,
      heapMeasured: gc !== undefined,
      rssMB: mb(process.memoryUsage().rss),
    },
  };
}

/** A query mix: listed names (some misspelt) and names that should match nothing. */
export function queryMix(
  parties: readonly ListedParty[],
  negatives: readonly string[],
  size: number,
): string[] {
  const listed: string[] = [];
  const step = Math.max(1, Math.floor(parties.length / size));
  for (let i = 0; i < parties.length && listed.length < size / 2; i += step) {
    const name = parties[i]?.names[0]?.value ?? '';
    // Every other listed name gets a typo: two adjacent letters swapped in the middle.
    const k = Math.floor(name.length / 2);
    listed.push(
      listed.length % 2 === 0 || name.length < 6
        ? name
        : name.slice(0, k) + (name[k + 1] ?? '') + (name[k] ?? '') + name.slice(k + 2),
    );
  }
  const others = negatives.slice(0, size - listed.length);
  const mixed: string[] = [];
  for (let i = 0; i < Math.max(listed.length, others.length); i += 1) {
    if (listed[i] !== undefined) mixed.push(listed[i] ?? '');
    if (others[i] !== undefined) mixed.push(others[i] ?? '');
  }
  return mixed;
}

/** Single-query latency in process: p50, p90, p99 over `queries` (after a warm-up pass). */
export function measureLatency(
  index: ScreeningIndex,
  queries: readonly string[],
): Record<string, unknown> {
  for (const q of queries.slice(0, 500)) screenName(index, { name: q });
  const times: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    screenName(index, { name: q });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    queries: queries.length,
    p50Ms: round(percentile(times, 50)),
    p90Ms: round(percentile(times, 90)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times[times.length - 1] ?? 0),
    meanMs: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
  };
}

/**
 * The same queries through candidate generation and through an exhaustive scan of every listed
 * name with the same scorer: the speed-up, and how many of the exhaustive scan's matches (the
 * default ten best, at review or above) the candidates also find, by entity.
 */
export function measureExhaustive(
  index: ScreeningIndex,
  queries: readonly string[],
): Record<string, unknown> {
  let exhaustiveMs = 0;
  let candidateMs = 0;
  let exhaustiveMatches = 0;
  let found = 0;
  const missed: { query: string; entityId: string; score: number }[] = [];
  for (const q of queries) {
    let start = performance.now();
    const full = screenName(index, { name: q }, { exhaustive: true });
    exhaustiveMs += performance.now() - start;
    start = performance.now();
    const fast = screenName(index, { name: q });
    candidateMs += performance.now() - start;
    const fastIds = new Set(fast.matches.map((m) => m.entityId));
    for (const m of full.matches) {
      exhaustiveMatches += 1;
      if (fastIds.has(m.entityId)) found += 1;
      else if (missed.length < 20) missed.push({ query: q, entityId: m.entityId, score: m.score });
    }
  }
  return {
    queries: queries.length,
    exhaustiveMsPerQuery: round(exhaustiveMs / queries.length),
    candidateMsPerQuery: round(candidateMs / queries.length),
    speedUp: round(exhaustiveMs / Math.max(1e-9, candidateMs), 1),
    exhaustiveMatches,
    foundByCandidates: found,
    candidateRecall: round(exhaustiveMatches > 0 ? found / exhaustiveMatches : 1, 4),
    sampleMissed: missed,
  };
}

/**
 * Batch throughput: writes `names` to a CSV and screens it with `screenFile` on `workers` threads
 * in a fresh process (bench/screening/batch-child.ts), as `cordon screen-file` would: its peak
 * resident memory is the batch's own, not this benchmark's (which holds other indexes).
 */
export async function measureBatch(
  names: readonly string[],
  workers: number,
): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-'));
  try {
    const input = join(dir, 'names.csv');
    const stream = createWriteStream(input);
    stream.write('name\n');
    for (const n of names) {
      if (!stream.write(`"${n.replace(/"/g, '""')}"\n`))
        await new Promise<void>((resolve) => {
          stream.once('drain', () => {
            resolve();
          });
        });
    }
    await new Promise<void>((resolve) => {
      stream.end(() => {
        resolve();
      });
    });
    const child = await runProcess(process.execPath, [
      join(repositoryRoot, 'bin/run-ts.js'),
      join(repositoryRoot, 'bench/screening/batch-child.ts'),
      input,
      join(dir, 'out.jsonl'),
      String(workers),
    ]);
    const summary = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Record<
      string,
      unknown
    >;
    if (child.code !== 0 || summary['error'] !== undefined)
      return {
        error: summary['error'] ?? `the batch process exited with ${child.code}: ${child.stderr}`,
      };
    return {
      names: summary['rows'],
      workers: summary['workers'],
      indexSeconds: summary['indexSeconds'],
      elapsedSeconds: summary['elapsedSeconds'],
      namesPerSecond: summary['rowsPerSecond'],
      rowsWithMatches: summary['rowsWithMatches'],
      peakRssMB: mb(Number(summary['peakRssBytes'])),
      process: 'separate (lists loaded, screenFile, worker threads)',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Single-query latency over HTTP: `POST /v1/screen` one request at a time (keep-alive) against
 * an embedded `cordon serve`, authenticated and audited as every real request is.
 */
export async function measureHttpLatency(
  queries: readonly string[],
): Promise<Record<string, unknown>> {
  const server = await startEmbeddedServer();
  try {
    const screen = async (name: string): Promise<void> => {
      const response = await fetch(`${server.url}/v1/screen`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      if (!response.ok) throw new Error(`POST /v1/screen answered ${response.status}`);
      await response.arrayBuffer();
    };
    for (const q of queries.slice(0, 300)) await screen(q);
    const times: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      await screen(q);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return {
      queries: queries.length,
      server: 'cordon serve, embedded store, one request at a time over loopback',
      p50Ms: round(percentile(times, 50)),
      p90Ms: round(percentile(times, 90)),
      p99Ms: round(percentile(times, 99)),
      maxMs: round(times[times.length - 1] ?? 0),
    };
  } finally {
    await server.close();
  }
}
