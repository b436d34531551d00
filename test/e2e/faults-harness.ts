// Processes and databases for the cluster and fault tests (test/e2e/batch-workers, faults-*) and
// for `npm run bench:faults`: a throwaway database on the local PostgreSQL, `cordon serve`
// instances and `cordon worker` processes on it, people with API tokens, and a customer file.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { addOrganisation } from '../../src/application/people/manage-people.ts';
import type { Role } from '../../src/domain/people/role.ts';
import { peopleDepsFor } from '../../src/main/people-wiring.ts';
import { runCordon } from '../support/cli-process.ts';
import { addPeopleWithTokens } from '../support/people-with-tokens.ts';
import { postgresAdminUrl } from '../support/engines.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/cordon.js');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A throwaway database on the local PostgreSQL server, migrated, with the shipped lists. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** The environment that points `cordon` at it. */
  readonly env: Readonly<Record<string, string>>;
  /** Connections for the test's own queries; survives `pg_terminate_backend` (a dead client is replaced). */
  readonly pool: pg.Pool;
  count(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Terminates every other connection to this database (not the shared server); resolves with how many. */
  killConnections(): Promise<number>;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  prefix: string,
  options: { readonly lists?: boolean } = {},
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const env = { DATABASE_URL: url.toString() };
  const migrated = await runCordon(['db', 'migrate'], env);
  if (migrated.code !== 0) throw new Error(`cordon db migrate failed:\n${migrated.stderr}`);
  if (options.lists !== false) {
    const imported = await runCordon(['lists', 'import-shipped'], env);
    if (imported.code !== 0)
      throw new Error(`cordon lists import-shipped failed:\n${imported.stderr}`);
  }
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // A terminated idle connection reports here; the pool replaces it on the next query.
  pool.on('error', () => undefined);
  return {
    name,
    url: url.toString(),
    env,
    pool,
    async count(sql, params = []) {
      const result = await pool.query<{ n: string }>(sql, [...params]);
      return Number(result.rows[0]?.n ?? 0);
    },
    async killConnections() {
      // From a connection to the admin database, so the test's own pool is cut too and must recover.
      const killer = new pg.Client({ connectionString: postgresAdminUrl() });
      await killer.connect();
      try {
        const killed = await killer.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        return killed.rowCount ?? 0;
      } finally {
        await killer.end();
      }
    },
    async drop() {
      await pool.end().catch(() => undefined);
      const dropper = new pg.Client({ connectionString: postgresAdminUrl() });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Adds the licensing authority (GB) and one user per role given, each with an API token. */
export async function seedPeople(
  url: string,
  people: readonly (readonly [
    username: string,
    role: Role,
    organisation?: 'authority' | 'exporter',
  ])[],
): Promise<{ readonly tokens: Readonly<Record<string, string>>; readonly exporterOrg: string }> {
  const target = new URL(url);
  const opened = await openDatabase(
    { engine: 'postgres', url, target: `${target.host}${target.pathname}` },
    { command: 'test', poolSize: 2 },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    const deps = peopleDepsFor(opened.value.db);
    const by = { actor: 'test' };
    const org = async (name: string, kind: string) => {
      const created = await addOrganisation(deps, by, { name, kind, country: 'GB' });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.id;
    };
    const authority = await org('Export Control Joint Unit', 'licensing-authority');
    const exporter = await org('Vista Vision Analytics Ltd', 'exporter');
    const tokens = await addPeopleWithTokens(
      deps,
      by,
      people.map(([username, role, organisation]) => [
        username,
        organisation === 'exporter' ? exporter : authority,
        role,
      ]),
    );
    return { tokens, exporterOrg: exporter };
  } finally {
    await opened.value.close();
  }
}

/** A child `cordon` process that announced it is ready. */
export interface CordonChild {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
}

function startChild(
  args: readonly string[],
  env: Record<string, string>,
  ready: RegExp,
  what: string,
): Promise<CordonChild & { readonly match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not get ready:\n${output}`));
    }, 180_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${String(code)} before it was ready:\n${output}`));
    });
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Keep only the tail: a long run's warnings must not grow without bound.
      if (output.length > 200_000) output = output.slice(-100_000);
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, exited, output: () => output, match });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

/** Starts `cordon worker` and waits until it takes chunks. */
export const startWorker = (env: Readonly<Record<string, string>>): Promise<CordonChild> =>
  startChild(
    ['worker', '--maintenance-interval', '2'],
    { ...env },
    /waiting for chunks/,
    'cordon worker',
  );

/** A `cordon serve` instance on its own port. */
export interface ApiInstance extends CordonChild {
  readonly url: string;
}

/** Starts `cordon serve` on a free port and waits until it listens. */
export async function startApi(env: Readonly<Record<string, string>>): Promise<ApiInstance> {
  const started = await startChild(
    ['serve', '--port', '0'],
    { CORDON_ADMIN_PASSWORD: 'not-used-in-tests-1', ...env },
    /listening on (http:\/\/[^\s]+) /,
    'cordon serve',
  );
  return { ...started, url: started.match[1] ?? '' };
}

/** SIGKILLs a child (no clean-up runs, as in a crash) and waits until it is gone. */
export async function crash(target: CordonChild): Promise<void> {
  target.child.kill('SIGKILL');
  await target.exited;
}

/** A deterministic customer file: people, companies, and some names that are on the lists. */
export function writeCustomers(file: string, rows: number): void {
  const first = [
    'Anna',
    'Li',
    'Mohammed',
    'Olga',
    'Hans',
    'Maria',
    'Chen',
    'Ivan',
    'Fatima',
    'John',
  ];
  const last = [
    'Smith',
    'Wang',
    'Petrov',
    'Khan',
    'Müller',
    'Garcia',
    'Zhang',
    'Ivanova',
    'Haddad',
  ];
  const trades = ['Trading', 'Technology', 'Logistics', 'Optics', 'Systems', 'Electronics'];
  const listed = ['Hikvision', 'Dahua Technology', 'SenseTime', 'Positive Technologies', 'iFlytek'];
  const out = fs.openSync(file, 'w');
  try {
    let lines = ['id,name,country'];
    for (let i = 0; i < rows; i++) {
      const name =
        i % 10 === 0
          ? (listed[i % listed.length] ?? '')
          : i % 2 === 0
            ? `${first[i % first.length] ?? ''} ${last[(i * 7) % last.length] ?? ''} ${i}`
            : `${last[i % last.length] ?? ''} ${trades[i % trades.length] ?? ''} ${i} Ltd`;
      lines.push(`c${i},"${name}",${i % 3 === 0 ? 'CN' : ''}`);
      if (lines.length >= 10_000) {
        fs.writeSync(out, `${lines.join('\n')}\n`);
        lines = [];
      }
    }
    if (lines.length > 0) fs.writeSync(out, `${lines.join('\n')}\n`);
  } finally {
    fs.closeSync(out);
  }
}

/** Submits a customer file through `POST /v1/batches` of one API instance. */
export async function submitBatchOverHttp(
  api: ApiInstance,
  token: string,
  file: string,
  fields: Readonly<Record<string, string>>,
): Promise<{ readonly batchId: string; readonly rows: number; readonly chunks: number }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), path.basename(file));
  const response = await fetch(`${api.url}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  if (response.status !== 201)
    throw new Error(`POST /v1/batches: ${String(response.status)} ${text}`);
  return JSON.parse(text) as { batchId: string; rows: number; chunks: number };
}

/** Where a batch stands, as `GET /v1/batches/:id` reports it. */
export interface BatchStatusJson {
  readonly status: string;
  readonly rows: number;
  readonly rowsDone: number;
  readonly chunksDone: number;
  readonly failingChunks: readonly unknown[];
}

export async function batchStatusOverHttp(
  api: ApiInstance,
  token: string,
  batchId: string,
): Promise<BatchStatusJson> {
  const response = await fetch(`${api.url}/v1/batches/${batchId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) {
    throw new Error(
      `GET /v1/batches/${batchId}: ${String(response.status)} ${await response.text()}`,
    );
  }
  return (await response.json()) as BatchStatusJson;
}

/** Every row result of a batch, read page by page through `GET /v1/batches/:id/results`. */
export async function batchResultsOverHttp(
  api: ApiInstance,
  token: string,
  batchId: string,
): Promise<{ row: number; reference?: string; kind: string }[]> {
  const all: { row: number; reference?: string; kind: string }[] = [];
  let after = -1;
  for (;;) {
    const response = await fetch(
      `${api.url}/v1/batches/${batchId}/results?after=${String(after)}&limit=10000`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (response.status !== 200)
      throw new Error(`results: ${String(response.status)} ${await response.text()}`);
    const page = (await response.json()) as {
      results: { row: number; reference?: string; kind: string }[];
      nextAfter: number | null;
    };
    all.push(...page.results);
    if (page.nextAfter === null) return all;
    after = page.nextAfter;
  }
}

/** Polls until the batch is done (or the deadline passes); resolves with the last status. */
export async function waitForBatch(
  read: () => Promise<BatchStatusJson>,
  timeoutMs: number,
  intervalMs = 1_000,
): Promise<BatchStatusJson> {
  const deadline = Date.now() + timeoutMs;
  let status = await read();
  while (status.status !== 'done' && Date.now() < deadline) {
    await sleep(intervalMs);
    status = await read();
  }
  return status;
}

/** How many results a batch has stored, in all and distinct rows (exactly-once: both equal the row count). */
export async function storedResults(
  db: TestDatabase,
  batchId: string,
): Promise<{
  readonly results: number;
  readonly distinctRows: number;
  readonly lo: number;
  readonly hi: number;
}> {
  const { rows } = await db.pool.query<{
    n: string;
    d: string;
    lo: number | null;
    hi: number | null;
  }>(
    `select count(*) as n, count(distinct row) as d, min(row) as lo, max(row) as hi
       from screening_batch_result where batch_id = $1`,
    [batchId],
  );
  const r = rows[0];
  return {
    results: Number(r?.n ?? 0),
    distinctRows: Number(r?.d ?? 0),
    lo: r?.lo ?? -1,
    hi: r?.hi ?? -1,
  };
}

/** The ids of the chunk jobs some worker holds right now. */
async function activeChunkJobs(db: TestDatabase): Promise<readonly string[]> {
  const result = await db.pool.query<{ id: string }>(
    `select id::text as id from pgboss.job where name = 'cordon-screening-chunk' and state = 'active'`,
  );
  return result.rows.map((r) => r.id);
}

/**
 * SIGKILLs `victim` while it holds a chunk, however fast the machine screens one: freezes it
 * (SIGSTOP), notes the chunks held, waits `settleMs` for the other workers to finish theirs, and
 * kills it if a chunk held at the freeze is still active (the victim's, frozen mid-chunk);
 * otherwise lets it go on (SIGCONT) and tries again. Resolves with false, leaving the victim
 * running, if `finished()` says the batch ended first.
 */
export async function crashMidChunk(
  db: TestDatabase,
  victim: CordonChild,
  finished: () => Promise<boolean>,
  settleMs = 2_000,
): Promise<boolean> {
  while (!(await finished())) {
    victim.child.kill('SIGSTOP');
    // Held now: the frozen victim's chunk, if it has one, and the other workers' chunks.
    const held = await activeChunkJobs(db);
    await sleep(settleMs);
    const still = new Set(await activeChunkJobs(db));
    if (held.some((id) => still.has(id))) {
      await crash(victim);
      return true;
    }
    victim.child.kill('SIGCONT');
    await sleep(20);
  }
  return false;
}

/** Chunk jobs that pg-boss handed out more than once (retried after a failure or expiry). */
export const retriedChunkJobs = (db: TestDatabase) =>
  db.count(
    `select count(*) as n from (
       select retry_count from pgboss.job where name = 'cordon-screening-chunk'
       union all select retry_count from pgboss.archive where name = 'cordon-screening-chunk'
     ) j where retry_count > 0`,
  );
