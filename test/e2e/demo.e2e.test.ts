import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCordonServer } from '../support/cli-process.ts';

describe('cordon serve --demo on a fresh embedded store', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-demo-e2e-'));
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('prints demo credentials once and shows officers the submitted example cases', async () => {
    const env = {
      CORDON_DATA_DIR: path.join(work, 'data'),
      CORDON_ADMIN_PASSWORD: 'admin-password-for-demo',
    };
    const server = await startCordonServer(env, 180_000, ['--demo']);
    try {
      const password = /demo-caseworker\s+(\S+)/.exec(server.output())?.[1];
      expect(password, server.output()).toBeDefined();
      const login = await fetch(`${server.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo-caseworker', password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      const cases = (await (
        await fetch(`${server.url}/v1/cases`, { headers: { cookie } })
      ).json()) as {
        cases: { stage: string; reference: string }[];
      };
      expect(cases.cases.length).toBeGreaterThanOrEqual(3);
      expect(cases.cases.every((c) => c.stage !== 'draft')).toBe(true);
    } finally {
      await server.stop();
    }
    const again = await startCordonServer(env, 180_000, ['--demo']);
    try {
      expect(again.output()).toMatch(/already loaded/);
    } finally {
      await again.stop();
    }
  }, 400_000);
});
