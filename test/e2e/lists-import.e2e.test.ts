import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyListSnapshotStore } from '../../src/adapters/db/kysely-list-snapshot-store.ts';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { runCordon } from '../support/cli-process.ts';

const root = path.resolve(import.meta.dirname, '../..');
const header =
  '"Name"\t"Street_Address"\t"City"\t"State"\t"Country"\t"Postal_Code"\t"Effective_Date"\t"Expiration_Date"\t"Standard_Order"\t"Last_Update"\t"Action"\t"FR_Citation"';
const dplRow = (i: number) =>
  `"TEST PERSON ${i}"\t"${i} MAIN STREET"\t"SPRINGFIELD"\t"IL"\t"US"\t"62701"\t"01/02/2020"\t"01/02/2030"\t"Y"\t"2020-01-03"\t"F.R. NOTICE ADDED"\t"85 F.R. ${i} 1/3/2020"`;

describe('cordon lists on the embedded store', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-lists-e2e-'));
  const dataDir = path.join(work, 'data');
  const env = { CORDON_DATA_DIR: dataDir };
  const smallDpl = path.join(work, 'small', 'dpl.txt');
  const bigDpl = path.join(work, 'big', 'dpl.txt');

  beforeAll(() => {
    fs.mkdirSync(path.dirname(smallDpl), { recursive: true });
    fs.mkdirSync(path.dirname(bigDpl), { recursive: true });
    fs.writeFileSync(smallDpl, [header, dplRow(1), dplRow(2), ''].join('\r\n'));
    const rows = Array.from({ length: 150_000 }, (_, i) => dplRow(i));
    fs.writeFileSync(bigDpl, [header, ...rows, ''].join('\r\n'));
  });
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('imports every shipped list on first use and reports each source with counts and dates', async () => {
    const status = await runCordon(['lists', 'status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout) as {
      sources: { source: string; entryCount: number; dataDate: string | null }[];
    };
    const counts = Object.fromEntries(report.sources.map((s) => [s.source, s.entryCount]));
    expect(counts['us-ofac-sdn']).toBe(14_965);
    expect(counts['us-bis-dpl']).toBe(581);
    expect(counts['us-bis-entity-list']).toBeGreaterThan(3_000);
    expect(report.sources.find((s) => s.source === 'us-ofac-sdn')?.dataDate).toBe('2024-05-03');
  });

  it('keeps the previous snapshot active and no partial rows when the import process is killed mid-way', async () => {
    const first = await runCordon(
      [
        'lists',
        'import',
        '--source',
        'us-bis-dpl',
        '--data-date',
        '2022-09-08',
        '--allow-shrink',
        'end-to-end test: a small file',
        '--json',
        smallDpl,
      ],
      env,
    );
    expect(first.code, first.stderr).toBe(0);
    const imported = (JSON.parse(first.stdout) as { snapshot: { id: string } }).snapshot.id;

    const child = spawn(
      process.execPath,
      [
        path.join(root, 'bin/cordon.js'),
        'lists',
        'import',
        '--source',
        'us-bis-dpl',
        '--data-date',
        '2022-09-09',
        '--allow-shrink',
        'end-to-end test: a synthetic large file',
        bigDpl,
      ],
      {
        cwd: root,
        env: { ...process.env, ...env },
      },
    );
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Killed while the snapshot is being written, inside the transaction.
        if (output.includes('writing the snapshot')) setTimeout(() => child.kill('SIGKILL'), 300);
      });
      child.on('exit', () => {
        resolve();
      });
      child.on('error', reject);
    });
    expect(child.signalCode).toBe('SIGKILL');

    const opened = await openDatabase({ engine: 'embedded', dataDir }, { command: 'test' });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      const store = kyselyListSnapshotStore(opened.value.db);
      const active = (await store.activeSnapshots()).find((a) => a.source === 'us-bis-dpl');
      expect(active?.snapshot.id).toBe(imported);
      // Only the shipped and the small snapshot exist: nothing of the killed import.
      expect(await store.listSnapshots('us-bis-dpl')).toHaveLength(2);
      const rows = await opened.value.db
        .selectFrom('list_entry')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('snapshot_id', 'like', 'us-bis-dpl@%')
        .executeTakeFirstOrThrow();
      const shipped = (await store.listSnapshots('us-bis-dpl')).reduce(
        (n, s) => n + s.entryCount,
        0,
      );
      expect(Number(rows.n)).toBe(shipped);
      expect(shipped).toBeLessThan(150_000);
    } finally {
      await opened.value.close();
    }
  });

  it('refuses a truncated file with the file and line, and keeps the active snapshot', async () => {
    const broken = path.join(work, 'broken', 'dpl.txt');
    fs.mkdirSync(path.dirname(broken), { recursive: true });
    fs.writeFileSync(broken, 'this is not a denied persons list\n');
    const result = await runCordon(['lists', 'import', '--source', 'us-bis-dpl', broken], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cordon: Cannot import us-bis-dpl: dpl\.txt/);
  });
});
