import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCordon, startCordonServer, type ServerProcess } from '../support/cli-process.ts';
import { copyDataDirTemplate } from '../support/data-dir.ts';

const application = 'docs/examples/applications/dpi-to-iranian-state-operator.json';

describe('cordon screen, assess, lists status and controls while cordon serve holds the data directory', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-cli-beside-server-'));
  const env = { CORDON_DATA_DIR: copyDataDirTemplate(path.join(work, 'data')) };
  let server: ServerProcess;
  let token: string;

  beforeAll(async () => {
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
      ['users', 'add', 'alice', '--org', orgId, '--roles', 'exporter'],
      env,
    );
    expect(user.code, user.stderr).toBe(0);
    const created = await runCordon(
      ['tokens', 'create', '--user', 'alice', '--name', 'cli', '--json'],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    token = (JSON.parse(created.stdout) as { secret: string }).secret;
    server = await startCordonServer(env);
    // The server builds its screening index on its first screening request: asked here, so that
    // the commands below (which give the server 30 s) never wait for it on a crowded machine.
    const warm = await fetch(`${server.url}/v1/screen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Hikvision' }),
      signal: AbortSignal.timeout(240_000),
    });
    expect(warm.status).toBe(200);
  }, 480_000);

  afterAll(async () => {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('says exactly how to go through the server when no API token is given', async () => {
    const run = await runCordon(['screen', 'Hikvision'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`held by \`cordon serve\``);
    expect(run.stderr).toContain(server.url);
    expect(run.stderr).toContain('CORDON_TOKEN');
    expect(run.stderr).toContain(`${server.url}/v1/screen`);
  });

  it("screens through the server's API with the user's token, as the server would answer", async () => {
    const run = await runCordon(['screen', 'Hikvision', '--json'], {
      ...env,
      CORDON_TOKEN: token,
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      snapshot: string[];
      matches: { entityId: string }[];
    };
    expect(report.snapshot.length).toBeGreaterThan(0);
    expect(report.matches.map((m) => m.entityId)).toContain(
      'us-bis-entity-list:CN:hangzhou-hikvision-digital-technology-co-ltd',
    );
    const text = await runCordon(['screen', 'Hikvision'], { ...env, CORDON_TOKEN: token });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Hangzhou Hikvision Digital Technology');
  });

  it('shows the list status through the server, and refuses a wrong token', async () => {
    const run = await runCordon(['lists', 'status'], { ...env, CORDON_TOKEN: token });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('us-bis-entity-list');
    const wrong = await runCordon(['lists', 'status'], { ...env, CORDON_TOKEN: 'not-a-token' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('answered 401');
  });

  it("assesses through the server's API with the user's token, and names what it cannot ask the API", async () => {
    const run = await runCordon(['assess', application, '--json'], { ...env, CORDON_TOKEN: token });
    expect(run.code, run.stderr).toBe(0);
    const assessment = JSON.parse(run.stdout) as {
      recommendation: { outcome: string };
      provenance: { listSnapshots: unknown[] };
    };
    expect(assessment.provenance.listSnapshots.length).toBeGreaterThan(0);
    const text = await runCordon(['assess', application], { ...env, CORDON_TOKEN: token });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      `RECOMMENDATION: ${assessment.recommendation.outcome.toUpperCase()}`,
    );

    const noToken = await runCordon(['assess', application], env);
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('CORDON_TOKEN');
    expect(noToken.stderr).toContain(`${server.url}/v1/assessments`);

    const bad = await runCordon(['assess', application, '--jurisdiction', 'XX', '--json'], {
      ...env,
      CORDON_TOKEN: token,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/jurisdiction/);

    const version = await runCordon(['assess', application, '--policy-version', '1'], {
      ...env,
      CORDON_TOKEN: token,
    });
    expect(version.code).toBe(1);
    expect(version.stderr).toContain('assess --policy-version');
    expect(version.stderr).toContain(`kill ${server.child.pid}`);

    const compare = await runCordon(['policy', 'compare', 'GB', 'EU'], {
      ...env,
      CORDON_TOKEN: token,
    });
    expect(compare.code).toBe(1);
    expect(compare.stderr).toContain('`policy compare` cannot go through its API');
  });

  it('reads the control catalogue beside the server: it needs neither the store nor a token', async () => {
    const shown = await runCordon(['controls', 'show', '5A001.j', '--json'], env);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(shown.stdout))).toContain('5A001');
    const found = await runCordon(['controls', 'search', 'IMSI', '--json'], env);
    expect(found.code, found.stderr).toBe(0);
    const gaps = await runCordon(['controls', 'gaps', '--json'], env);
    expect(gaps.code, gaps.stderr).toBe(0);
  });
});
