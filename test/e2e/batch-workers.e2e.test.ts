import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCordon } from '../support/cli-process.ts';
import { postgresAdminUrl, testEngines } from '../support/engines.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/cordon.js');
/** 10,000 by default (CI time); CORDON_BATCH_TEST_ROWS=200000 for the full acceptance run. */
const rowCount = Number(process.env['CORDON_BATCH_TEST_ROWS'] ?? 10_000);
const onPostgres = testEngines().includes('postgres');

/** A deterministic customer file: people, companies, and some names that are on the lists. */
function writeCustomers(file: string, rows: number): void {
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
  const lines = ['id,name,country'];
  for (let i = 0; i < rows; i++) {
    const name =
      i % 10 === 0
        ? (listed[i % listed.length] ?? '')
        : i % 2 === 0
          ? `${first[i % first.length] ?? ''} ${last[(i * 7) % last.length] ?? ''} ${i}`
          : `${last[i % last.length] ?? ''} ${trades[i % trades.length] ?? ''} ${i} Ltd`;
    lines.push(`c${i},"${name}",${i % 3 === 0 ? 'CN' : ''}`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

interface Worker {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
}

function startWorker(env: Record<string, string>): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'worker', '--maintenance-interval', '2'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cordon worker did not get ready:\n${output}`));
    }, 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('waiting for chunks')) {
        clearTimeout(timer);
        resolve({ child, exited, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!onPostgres)(
  'distributed batch screening (PostgreSQL only: workers on several machines share one database; set CORDON_TEST_DATABASE=postgres)',
  () => {
    const name = `cordon_batch_${randomBytes(4).toString('hex')}`;
    const url = new URL(postgresAdminUrl());
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString() };
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-batch-e2e-'));
    const workers: Worker[] = [];
    let db: pg.Client;

    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: postgresAdminUrl() });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      expect((await runCordon(['db', 'migrate'], env)).code).toBe(0);
      const imported = await runCordon(['lists', 'import-shipped'], env);
      expect(imported.code, imported.stderr).toBe(0);
      db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
    }, 300_000);

    afterAll(async () => {
      for (const worker of workers) worker.child.kill('SIGKILL');
      await db.end();
      const admin = new pg.Client({ connectionString: postgresAdminUrl() });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      fs.rmSync(work, { recursive: true, force: true });
    });

    it(`screens ${rowCount.toLocaleString('en')} names on two workers, one killed with SIGKILL mid-way, with exactly one result per row`, async () => {
      const input = path.join(work, 'customers.csv');
      writeCustomers(input, rowCount);
      // The first worker runs alone until it is killed, so the chunk in flight then is its own.
      workers.push(await startWorker(env));

      const submitted = await runCordon(
        [
          'batch',
          'submit',
          input,
          '--column',
          'name',
          '--country-column',
          'country',
          '--reference-column',
          'id',
          '--chunk-size',
          '250',
          '--chunk-timeout',
          '20',
          '--json',
        ],
        env,
      );
      expect(submitted.code, submitted.stderr).toBe(0);
      const { batchId, rows, chunks } = JSON.parse(submitted.stdout) as {
        batchId: string;
        rows: number;
        chunks: number;
      };
      expect(rows).toBe(rowCount);
      expect(chunks).toBe(Math.ceil(rowCount / 250));

      const stored = async () =>
        Number(
          (
            await db.query<{ n: string }>(
              'select count(*) as n from screening_batch_result where batch_id = $1',
              [batchId],
            )
          ).rows[0]?.n,
        );

      const activeChunks = async () =>
        Number(
          (
            await db.query<{ n: string }>(
              `select count(*) as n from pgboss.job where name = 'cordon-screening-chunk' and state = 'active'`,
            )
          ).rows[0]?.n,
        );

      // Kill the first worker about a third of the way through, while it holds a chunk (it is
      // the only worker, so an active chunk is its own); the second worker starts afterwards.
      const victim = workers[0];
      if (victim === undefined) throw new Error('no worker');
      for (;;) {
        if ((await stored()) >= rowCount / 3 && (await activeChunks()) >= 1) break;
        await sleep(20);
      }
      victim.child.kill('SIGKILL');
      await victim.exited;
      const atKill = await stored();
      workers.push(await startWorker(env));

      const started = Date.now();
      let status: { status: string; rowsDone: number } = { status: '', rowsDone: 0 };
      while (Date.now() - started < 1_500_000) {
        const result = await runCordon(['batch', 'status', batchId, '--json'], env);
        expect(result.code, result.stderr).toBe(0);
        status = JSON.parse(result.stdout) as typeof status;
        if (status.status === 'done') break;
        await sleep(3_000);
      }
      expect(status.status).toBe('done');
      expect(atKill).toBeLessThan(rowCount);

      const counts = await db.query<{ n: string; distinct_rows: string; lo: number; hi: number }>(
        `select count(*) as n, count(distinct row) as distinct_rows, min(row) as lo, max(row) as hi
             from screening_batch_result where batch_id = $1`,
        [batchId],
      );
      expect(counts.rows[0]).toEqual({
        n: String(rowCount),
        distinct_rows: String(rowCount),
        lo: 0,
        hi: rowCount - 1,
      });
      // The chunk the killed worker held was handed out again after it expired.
      const retried = await db.query<{ n: string }>(
        `select count(*) as n from (
             select retry_count from pgboss.job where name = 'cordon-screening-chunk'
             union all select retry_count from pgboss.archive where name = 'cordon-screening-chunk'
           ) j where retry_count > 0`,
      );
      expect(Number(retried.rows[0]?.n)).toBeGreaterThanOrEqual(1);

      const out = path.join(work, 'results.jsonl');
      const exported = await runCordon(['batch', 'results', batchId, '--out', out], env);
      expect(exported.code, exported.stderr).toBe(0);
      const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(rowCount);
      const parsed = lines.map((l) => JSON.parse(l) as { row: number; reference: string });
      expect(parsed.every((r, i) => r.row === i && r.reference === `c${i}`)).toBe(true);

      const survivor = workers[1];
      if (survivor === undefined) throw new Error('no worker');
      survivor.child.kill('SIGTERM');
      expect(await survivor.exited).toBe(0);
    }, 1_800_000);
  },
);
