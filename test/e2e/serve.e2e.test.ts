import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCordon, startCordonServer, type ServerProcess } from '../support/cli-process.ts';

describe('cordon serve on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-e2e-'));
  const env = { CORDON_DATA_DIR: dataDir };
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startCordonServer(env);
  });
  afterAll(async () => {
    if (server.child.exitCode === null) await server.stop('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates and migrates the store on first start, then answers /readyz with 200', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(server.output()).toContain('Created the embedded database');
  });

  it('refuses a second server on the same data directory with a clear message, and corrupts nothing', async () => {
    const second = await runCordon(['serve', '--port', '0'], env);
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain(
      `The embedded data directory ${dataDir} is in use by another Cordon process`,
    );
    expect(second.stderr).toContain(`serving at ${server.url}`);
    expect(second.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const migrate = await runCordon(['db', 'migrate'], env);
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toContain('is in use by another Cordon process');

    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('stops on SIGTERM, releasing the directory, and starts again on the same data', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'cordon.lock'))).toBe(false);

    const status = await runCordon(['db', 'status', '--json'], env);
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout) as { pending: string[]; createdAt: string | null };
    expect(report.pending).toEqual([]);
    expect(report.createdAt).not.toBeNull();

    server = await startCordonServer(env);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(server.output()).not.toContain('Created the embedded database');
  });

  it('recovers the directory after the holder is killed with SIGKILL', async () => {
    await server.stop('SIGKILL');
    const status = await runCordon(['db', 'status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('0 pending');
  });
});

describe('cordon against an unreachable PostgreSQL', () => {
  it('names the host and the cause in one line and exits 1', async () => {
    const result = await runCordon(['db', 'migrate'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/cordon',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'cordon: Cannot use PostgreSQL at 127.0.0.1:1/cordon (DATABASE_URL): connection refused (is the server running and listening on that port?).\n',
    );
  });

  it('rejects a malformed DATABASE_URL as a usage error (exit 2)', async () => {
    const result = await runCordon(['db', 'status'], { DATABASE_URL: 'mysql://x/y' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL must start with postgres://');
  });
});
