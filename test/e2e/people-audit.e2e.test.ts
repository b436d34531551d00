import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { runCordon, startCordonServer } from '../support/cli-process.ts';
import { copyDataDirTemplate } from '../support/data-dir.ts';

describe('people, credentials and the audit trail on the embedded store', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-people-e2e-'));
  const dataDir = copyDataDirTemplate(path.join(work, 'data'));
  const env = { CORDON_DATA_DIR: dataDir };
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('creates the first administrator at first start, prints the password once, and guards /v1', async () => {
    const server = await startCordonServer(env);
    try {
      const password = /One-time password[^:]*: (\S+)/.exec(server.output())?.[1];
      expect(password, server.output()).toBeDefined();
      const anonymous = await fetch(`${server.url}/v1/lists`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: { code: 'CORDON_UNAUTHENTICATED' } });
      const login = await fetch(`${server.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      const me = await fetch(`${server.url}/v1/auth/me`, { headers: { cookie } });
      expect(await me.json()).toMatchObject({
        username: 'admin',
        roles: ['administrator', 'auditor'],
      });
    } finally {
      await server.stop();
    }
    const restarted = await startCordonServer(env);
    try {
      expect(restarted.output()).not.toMatch(/One-time password/);
    } finally {
      await restarted.stop();
    }
  });

  it('adds organisations, users and tokens from the CLI, and a token opens the API', async () => {
    const org = await runCordon(
      [
        'orgs',
        'add',
        '--name',
        'Acme Optics GmbH',
        '--kind',
        'exporter',
        '--country',
        'DE',
        '--json',
      ],
      env,
    );
    expect(org.code, org.stderr).toBe(0);
    const orgId = (JSON.parse(org.stdout) as { id: string }).id;
    const user = await runCordon(
      ['users', 'add', 'alice', '--org', orgId, '--roles', 'exporter', '--json'],
      env,
    );
    expect(user.code, user.stderr).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({
      user: { username: 'alice' },
      password: expect.any(String) as unknown,
    });
    const wrongRole = await runCordon(
      ['users', 'add', 'bob', '--org', orgId, '--roles', 'senior-officer'],
      env,
    );
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toMatch(/roles/);
    const token = await runCordon(
      ['tokens', 'create', '--user', 'alice', '--name', 'erp', '--json'],
      env,
    );
    expect(token.code, token.stderr).toBe(0);
    const secret = (JSON.parse(token.stdout) as { secret: string }).secret;

    const server = await startCordonServer(env);
    try {
      const listed = await fetch(`${server.url}/v1/lists`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(listed.status).toBe(200);
      const audit = await fetch(`${server.url}/v1/audit`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(audit.status).toBe(403);
    } finally {
      await server.stop();
    }
  });

  it('detects a trail cut short after its head was anchored (cordon audit head, verify --expect-head)', async () => {
    const head = await runCordon(['audit', 'head'], env);
    expect(head.code, head.stderr).toBe(0);
    const anchored = head.stdout.trim();
    expect(anchored).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect((await runCordon(['audit', 'verify', '--expect-head', anchored], env)).code).toBe(0);

    const opened = await openDatabase({ engine: 'embedded', dataDir }, { command: 'test' });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      await sql`delete from audit_entry where seq = (select max(seq) from audit_entry)`.execute(
        opened.value.db,
      );
    } finally {
      await opened.value.close();
    }
    // The chain alone still holds: a cut tail leaves no gap to see.
    expect((await runCordon(['audit', 'verify'], env)).code).toBe(0);
    const cut = await runCordon(['audit', 'verify', '--expect-head', anchored], env);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/no longer holds the anchored head.*truncated or rewritten/);
  });

  it('verifies the chain, and names the entry edited directly in the database', async () => {
    const intact = await runCordon(['audit', 'verify', '--json'], env);
    expect(intact.code, intact.stderr).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ intact: true });

    const exported = path.join(work, 'extract.json');
    const extract = await runCordon(['audit', 'export', '--out', exported], env);
    expect(extract.code, extract.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(exported, 'utf8'))).toMatchObject({
      format: 'cordon-audit-extract/1',
    });

    const opened = await openDatabase({ engine: 'embedded', dataDir }, { command: 'test' });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      await sql`update audit_entry set object_id = 'someone-else' where seq = 3`.execute(
        opened.value.db,
      );
    } finally {
      await opened.value.close();
    }
    const broken = await runCordon(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/audit chain is broken at entry 3/);
  });
});
