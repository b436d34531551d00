import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../test/fakes/fixed-clock.ts';
import { inMemoryAuditLog, testSha256 } from '../../../../../test/fakes/in-memory-audit-log.ts';
import { testAuthenticator } from '../../../../../test/fakes/test-authenticator.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import type { App } from '../../build-app.ts';
import { verifyChain, type AuditEntry } from '../../../../domain/audit/audit-chain.ts';
import { auditRoutes } from './routes.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function auditApp() {
  const audit = inMemoryAuditLog(fixedClock('2026-12-06T10:00:00Z'));
  for (const id of ['a', 'b', 'c']) {
    await audit.append({ actor: 'test', action: 'test.entry', objectType: 't', objectId: id });
  }
  app = await buildTestApp({
    auth: {
      authenticator: testAuthenticator(),
      audit: { audit, sha256: testSha256 },
    },
  });
  return { app, audit };
}

const auditor = asRole('auditor');

describe(auditRoutes.name, () => {
  it('answers 400 naming the field for a date that is not one (finding 8), and filters by real ones', async () => {
    const { app } = await auditApp();
    const bad = await app.inject({ url: '/v1/audit?from=notadate', headers: auditor });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json()).toMatchObject({ error: { fields: [{ field: 'querystring.from' }] } });
    const unknown = await app.inject({ url: '/v1/audit?since=yesterday', headers: auditor });
    expect(unknown.statusCode).toBe(400);
    const good = await app.inject({
      url: '/v1/audit?from=2026-12-06&to=2026-12-07',
      headers: auditor,
    });
    expect(good.statusCode).toBe(200);
  });

  it('gives the head to anchor, and a verdict that fails once the anchored head is gone', async () => {
    const { app } = await auditApp();
    const head = await app.inject({ url: '/v1/audit/head', headers: auditor });
    const { seq, hash } = head.json<{ head: { seq: number; hash: string } }>().head;
    expect(seq).toBe(3);
    const held = await app.inject({
      url: `/v1/audit/verify?expectHead=${String(seq)}:${hash}`,
      headers: auditor,
    });
    expect(held.json()).toMatchObject({ intact: true });
    const forged = await app.inject({
      url: `/v1/audit/verify?expectHead=${'ab'.repeat(32)}`,
      headers: auditor,
    });
    expect(forged.json()).toMatchObject({ intact: false });
    expect(forged.json<{ reason: string }>().reason).toMatch(/truncated or rewritten/);
  });

  it('exports a verifiable extract from its anchor, for auditors only', async () => {
    const { app } = await auditApp();
    const extract = await app.inject({ url: '/v1/audit/extract?fromSeq=2', headers: auditor });
    expect(extract.statusCode, extract.body).toBe(200);
    expect(extract.headers['content-disposition']).toMatch(/attachment/);
    const body = extract.json<{ anchor: { seq: number; hash: string }; entries: AuditEntry[] }>();
    expect(body.anchor.seq).toBe(1);
    expect(body.entries.map((e) => e.seq)).toEqual([2, 3]);
    expect(verifyChain(body.entries, testSha256, body.anchor)).toMatchObject({ intact: true });
    const other = await app.inject({ url: '/v1/audit/extract', headers: asRole('caseworker') });
    expect(other.statusCode).toBe(403);
  });
});
