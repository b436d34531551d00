// Load test of one embedded Cordon node over loopback: POST /v1/screen, POST /v1/assessments and
// GET /v1/cases/:id, one after the other, each for a bounded time (default 20 s; LOAD_SECONDS),
// with LOAD_CONNECTIONS concurrent connections (default 10). People and a token are seeded in
// process before the server takes the data directory. Writes bench/results/load.json.
// Run: npm run bench:load
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/adapters/db/open-database.ts';
import { addOrganisation, addUser, createToken } from '../src/application/people/manage-people.ts';
import { peopleDepsFor } from '../src/main/people-wiring.ts';
import { prepareStore } from '../src/main/prepare-store.ts';
import { startCordonServer } from '../test/support/cli-process.ts';

const root = path.resolve(import.meta.dirname, '..');
const seconds = Number(process.env['LOAD_SECONDS'] ?? 20);
const connections = Number(process.env['LOAD_CONNECTIONS'] ?? 10);
const application = fs.readFileSync(
  path.join(root, 'test/fixtures/applications/video-analytics-to-xinjiang-police.json'),
  'utf8',
);

/** Targets from issue 9 (2-core machine, load generator on the same machine). */
const targets: Record<string, { readonly rps: number; readonly p99Ms: number }> = {
  'POST /v1/screen': { rps: 1_500, p99Ms: 25 },
  'POST /v1/assessments': { rps: 300, p99Ms: 50 },
};

async function seed(dataDir: string): Promise<{ exporter: string }> {
  const opened = await openDatabase({ engine: 'embedded', dataDir }, { command: 'bench' });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    const prepared = await prepareStore(opened.value, { codeVersion: 'bench' });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const deps = peopleDepsFor(opened.value.db);
    const by = { actor: 'bench' };
    const org = await addOrganisation(deps, by, {
      name: 'Vista Vision Analytics Ltd',
      kind: 'exporter',
      country: 'GB',
    });
    if (!org.ok) throw new Error(org.error.message);
    const user = await addUser(deps, by, {
      username: 'loadtest',
      organisationId: org.value.id,
      roles: ['exporter'],
      password: 'correct horse battery',
    });
    if (!user.ok) throw new Error(user.error.message);
    const token = await createToken(deps, by, { username: 'loadtest', name: 'bench' });
    if (!token.ok) throw new Error(token.error.message);
    return { exporter: token.value.secret };
  } finally {
    await opened.value.close();
  }
}

interface EndpointResult {
  readonly endpoint: string;
  readonly requests: number;
  readonly requestsPerSecond: number;
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

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-load-'));
const dataDir = path.join(work, 'data');
process.stderr.write(`Seeding ${dataDir} (first start imports the shipped lists)...\n`);
const { exporter } = await seed(dataDir);
const server = await startCordonServer(
  { CORDON_DATA_DIR: dataDir, CORDON_ADMIN_PASSWORD: 'not-used-in-the-bench-1', LOG_LEVEL: 'warn' },
  180_000,
);
const auth = { authorization: `Bearer ${exporter}`, 'content-type': 'application/json' };

try {
  // Warm up: the first screening builds the index; create the case that is read.
  const warm = await fetch(`${server.url}/v1/screen`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ name: 'Hikvision' }),
  });
  if (!warm.ok) throw new Error(`warm-up screening failed: ${warm.status} ${await warm.text()}`);
  const assessed = await fetch(`${server.url}/v1/assessments`, {
    method: 'POST',
    headers: auth,
    body: application,
  });
  if (!assessed.ok) throw new Error(`warm-up assessment failed: ${assessed.status}`);
  const created = await fetch(`${server.url}/v1/cases`, {
    method: 'POST',
    headers: auth,
    body: application,
  });
  if (created.status !== 201) throw new Error(`creating a case failed: ${created.status}`);
  const caseId = ((await created.json()) as { id: string }).id;

  const endpoints = [
    {
      endpoint: 'POST /v1/screen',
      options: {
        url: `${server.url}/v1/screen`,
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name: 'Hangzhou Hikvision Digital Technology', country: 'CN' }),
      },
    },
    {
      endpoint: 'POST /v1/assessments',
      options: {
        url: `${server.url}/v1/assessments`,
        method: 'POST',
        headers: auth,
        body: application,
      },
    },
    {
      endpoint: 'GET /v1/cases/:id',
      options: { url: `${server.url}/v1/cases/${caseId}`, method: 'GET', headers: auth },
    },
  ];

  const results: EndpointResult[] = [];
  for (const { endpoint, options } of endpoints) {
    process.stderr.write(`${endpoint}: ${seconds} s, ${connections} connections...\n`);
    const r = await autocannon({ ...options, connections, duration: seconds, timeout: 10 });
    const target = targets[endpoint];
    results.push({
      endpoint,
      requests: r.requests.total,
      requestsPerSecond: Math.round(r.requests.average),
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      ...(target
        ? {
            target: {
              ...target,
              met:
                r.requests.average >= target.rps &&
                r.latency.p99 <= target.p99Ms &&
                r.errors + r.timeouts + r.non2xx === 0,
            },
          }
        : {}),
    });
  }

  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const rss = /^process_resident_memory_bytes (\d+)/m.exec(metrics)?.[1];
  const report = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
    setup: { engine: 'embedded (PGlite)', instances: 1, secondsPerEndpoint: seconds, connections },
    serverRssMB: rss ? Math.round(Number(rss) / 1024 / 1024) : null,
    results,
  };
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'bench/results/load.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );

  const row = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(22) : c.padStart(9))).join(' ');
  console.log(
    row(['endpoint', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'errors', 'non-2xx', 'target']),
  );
  for (const r of results) {
    console.log(
      row([
        r.endpoint,
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
  console.log(
    `load average at the end: ${report.loadAverageAtEnd.join(', ')} (${report.cpus} CPUs); wrote bench/results/load.json`,
  );
} finally {
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
