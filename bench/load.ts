// Load test over loopback (autocannon), bounded in time, in two set-ups:
//   - embedded: one `cordon serve` on PGlite (what `npm start` runs);
//   - postgres: two `cordon serve` instances on one throwaway database of the local PostgreSQL
//     (the cluster path), the load split evenly between them.
// Each set-up runs POST /v1/screen, POST /v1/assessments and GET /v1/cases/:id one after the other
// (LOAD_SECONDS each, default 20), then all three at once (mixed traffic). Screening names rotate
// through 50,000 synthetic people and companies (the yente negatives) and listed names, so no
// answer is served from a warm path that real traffic would not hit.
// Settings: LOAD_SECONDS, LOAD_CONNECTIONS (default 10 per endpoint), LOAD_SETUPS
// (default "embedded,postgres"; postgres is skipped when the server is not reachable),
// LOAD_PHASES (default "alone,mixed"), LOAD_RESULTS (default load.json, in bench/results).
// Run: npm run bench:load. The 5-minute mixed run:
//   LOAD_SECONDS=300 LOAD_PHASES=mixed LOAD_RESULTS=load-5min.json npm run bench:load
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type RequestSpec, type Result } from 'autocannon';
import pg from 'pg';
import { startCordonServer, type ServerProcess } from '../test/support/cli-process.ts';
import { postgresAdminUrl } from '../test/support/engines.ts';
import { createTestDatabase, seedPeople } from '../test/e2e/faults-harness.ts';
import { readCrossScriptPairs, readNegatives } from './screening/datasets.ts';
import { benchServerEnv, startEmbeddedServer } from './support/embedded-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const seconds = Number(process.env['LOAD_SECONDS'] ?? 20);
const connections = Number(process.env['LOAD_CONNECTIONS'] ?? 10);
const setups = (process.env['LOAD_SETUPS'] ?? 'embedded,postgres').split(',').map((s) => s.trim());
const phases = (process.env['LOAD_PHASES'] ?? 'alone,mixed').split(',').map((s) => s.trim());
const resultsFile = path.basename(process.env['LOAD_RESULTS'] ?? 'load.json');
const application = fs.readFileSync(
  path.join(root, 'test/fixtures/applications/video-analytics-to-xinjiang-police.json'),
  'utf8',
);

/** Targets from issue 9 (2-core machine, load generator on the same machine). */
const targets: Record<string, { readonly rps: number; readonly p99Ms: number }> = {
  'POST /v1/screen': { rps: 1_500, p99Ms: 25 },
  'POST /v1/assessments': { rps: 300, p99Ms: 50 },
};

/** Screening queries: one listed-looking name (cross-script queries included) per nine others. */
function screeningNames(): readonly string[] {
  const negatives = readNegatives('negatives_global.csv');
  const listed = readCrossScriptPairs().flatMap((p) => [p.query, p.expected]);
  const names: string[] = [];
  for (let i = 0; i < negatives.length; i++) {
    names.push(negatives[i] ?? '');
    if (i % 9 === 8) names.push(listed[((i / 9) % listed.length) | 0] ?? 'Hikvision');
  }
  return names.filter((n) => n.length > 0);
}

interface Endpoint {
  readonly endpoint: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: () => string;
}

interface EndpointResult {
  readonly endpoint: string;
  readonly phase: 'alone' | 'mixed';
  readonly connections: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Over all instances: the worst instance's percentile (autocannon keeps no merged histogram). */
  readonly latencyMs: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly errors: number;
  readonly non2xx: number;
  readonly target?: { readonly rps: number; readonly p99Ms: number; readonly met: boolean };
}

interface Cluster {
  readonly engine: string;
  readonly urls: readonly string[];
  readonly token: string;
  readonly servers: readonly ServerProcess[];
  close(): Promise<void>;
}

async function embeddedCluster(): Promise<Cluster> {
  const embedded = await startEmbeddedServer();
  return {
    engine: 'embedded (PGlite), 1 instance',
    urls: [embedded.url],
    token: embedded.token,
    servers: [embedded.server],
    close: () => embedded.close(),
  };
}

async function postgresCluster(): Promise<Cluster | undefined> {
  const probe = new pg.Client({ connectionString: postgresAdminUrl() });
  try {
    await probe.connect();
    await probe.end();
  } catch (error) {
    process.stderr.write(
      `postgres: skipped, ${postgresAdminUrl()} is not reachable (${String(error)})\n`,
    );
    return undefined;
  }
  process.stderr.write('postgres: creating a throwaway database, migrating, importing lists...\n');
  const database = await createTestDatabase('cordon_load');
  try {
    const { tokens } = await seedPeople(database.url, [['loadtest', 'exporter', 'exporter']]);
    const token = tokens['loadtest'];
    if (token === undefined) throw new Error('no token for loadtest');
    const servers = await Promise.all(
      [0, 1].map(() => startCordonServer({ ...benchServerEnv, ...database.env }, 180_000)),
    );
    return {
      engine: 'PostgreSQL, 2 instances',
      urls: servers.map((s) => s.url),
      token,
      servers,
      async close() {
        await Promise.all(servers.map((s) => s.stop()));
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** Runs `endpoint` against every instance at once, `total` connections split between them. */
async function hammer(
  cluster: Cluster,
  endpoint: Endpoint,
  total: number,
  phase: EndpointResult['phase'],
): Promise<EndpointResult> {
  const headers = { authorization: `Bearer ${cluster.token}`, 'content-type': 'application/json' };
  const perInstance = Math.max(1, Math.round(total / cluster.urls.length));
  const runs = await Promise.all(
    cluster.urls.map((url) =>
      autocannon({
        url,
        connections: perInstance,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: endpoint.method,
            path: endpoint.path,
            headers,
            ...(endpoint.body
              ? {
                  setupRequest: (request: RequestSpec): RequestSpec => ({
                    ...request,
                    body: endpoint.body?.() ?? '',
                  }),
                }
              : {}),
          },
        ],
      }),
    ),
  );
  const sum = (f: (r: Result) => number) => runs.reduce((a, r) => a + f(r), 0);
  const worst = (f: (r: Result) => number) => Math.max(...runs.map(f));
  const rps = sum((r) => r.requests.average);
  const errors = sum((r) => r.errors + r.timeouts);
  const non2xx = sum((r) => r.non2xx);
  const p99 = worst((r) => r.latency.p99);
  const target = phase === 'alone' ? targets[endpoint.endpoint] : undefined;
  return {
    endpoint: endpoint.endpoint,
    phase,
    connections: perInstance * cluster.urls.length,
    requests: sum((r) => r.requests.total),
    requestsPerSecond: Math.round(rps),
    latencyMs: {
      p50: worst((r) => r.latency.p50),
      p90: worst((r) => r.latency.p90),
      p99,
      max: worst((r) => r.latency.max),
    },
    errors,
    non2xx,
    ...(target
      ? {
          target: {
            ...target,
            met: rps >= target.rps && p99 <= target.p99Ms && errors + non2xx === 0,
          },
        }
      : {}),
  };
}

async function runSetup(cluster: Cluster, names: readonly string[]) {
  const first = cluster.urls[0] ?? '';
  const headers = { authorization: `Bearer ${cluster.token}`, 'content-type': 'application/json' };
  // Warm up every instance (the first screening builds its index), and create the case read.
  for (const url of cluster.urls) {
    const warm = await fetch(`${url}/v1/screen`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Hikvision' }),
    });
    if (!warm.ok) throw new Error(`warm-up screening failed: ${warm.status} ${await warm.text()}`);
    const assessed = await fetch(`${url}/v1/assessments`, {
      method: 'POST',
      headers,
      body: application,
    });
    if (!assessed.ok) throw new Error(`warm-up assessment failed: ${assessed.status}`);
  }
  const created = await fetch(`${first}/v1/cases`, { method: 'POST', headers, body: application });
  if (created.status !== 201) throw new Error(`creating a case failed: ${created.status}`);
  const caseId = ((await created.json()) as { id: string }).id;

  let next = 0;
  const endpoints: readonly Endpoint[] = [
    {
      endpoint: 'POST /v1/screen',
      method: 'POST',
      path: '/v1/screen',
      body: () => JSON.stringify({ name: names[(next += 1) % names.length] }),
    },
    {
      endpoint: 'POST /v1/assessments',
      method: 'POST',
      path: '/v1/assessments',
      body: () => application,
    },
    { endpoint: 'GET /v1/cases/:id', method: 'GET', path: `/v1/cases/${caseId}` },
  ];

  const results: EndpointResult[] = [];
  if (phases.includes('alone')) {
    for (const endpoint of endpoints) {
      process.stderr.write(`  ${endpoint.endpoint}: ${seconds} s, ${connections} connections...\n`);
      results.push(await hammer(cluster, endpoint, connections, 'alone'));
    }
  }
  if (phases.includes('mixed')) {
    process.stderr.write(`  mixed (all three at once): ${seconds} s...\n`);
    const mixed = await Promise.all(
      endpoints.map((endpoint, i) =>
        hammer(cluster, endpoint, i === 0 ? connections : Math.max(2, connections / 5), 'mixed'),
      ),
    );
    results.push(...mixed);
  }

  const rssMB: (number | null)[] = [];
  for (const url of cluster.urls) {
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const rss = /^process_resident_memory_bytes (\d+)/m.exec(metrics)?.[1];
    rssMB.push(rss ? Math.round(Number(rss) / 1024 / 1024) : null);
  }
  return { engine: cluster.engine, instances: cluster.urls.length, serverRssMB: rssMB, results };
}

const names = screeningNames();
const reports = [];
for (const setup of setups) {
  const cluster =
    setup === 'embedded'
      ? await embeddedCluster()
      : setup === 'postgres'
        ? await postgresCluster()
        : undefined;
  if (cluster === undefined) continue;
  try {
    process.stderr.write(`${cluster.engine}:\n`);
    reports.push(await runSetup(cluster, names));
  } finally {
    await cluster.close();
  }
}

const report = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  cpus: os.availableParallelism(),
  loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
  secondsPerRun: seconds,
  phases,
  connections,
  screeningNames: names.length,
  setups: reports,
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'bench/results', resultsFile),
  `${JSON.stringify(report, null, 2)}\n`,
);

const row = (cells: readonly string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(30) : c.padStart(8))).join(' ');
for (const setup of reports) {
  console.log(`\n${setup.engine} (server RSS MB: ${setup.serverRssMB.join(', ')})`);
  console.log(
    row(['endpoint', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'errors', 'non-2xx', 'target']),
  );
  for (const r of setup.results) {
    console.log(
      row([
        `${r.endpoint}${r.phase === 'mixed' ? ' (mixed)' : ''}`,
        String(r.requestsPerSecond),
        String(r.latencyMs.p50),
        String(r.latencyMs.p90),
        String(r.latencyMs.p99),
        String(r.errors),
        String(r.non2xx),
        r.target ? (r.target.met ? 'met' : 'missed') : '-',
      ]),
    );
  }
}
console.log(
  `\nload average at the end: ${report.loadAverageAtEnd.join(', ')} (${report.cpus} CPUs); wrote bench/results/${resultsFile}`,
);
