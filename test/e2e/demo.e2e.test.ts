import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCordonServer } from '../support/cli-process.ts';
import { copyDataDirTemplate } from '../support/data-dir.ts';

describe('cordon serve --demo on an embedded store with the shipped lists', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-demo-e2e-'));
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('prints demo credentials once and shows officers the submitted example cases', async () => {
    const env = {
      CORDON_DATA_DIR: copyDataDirTemplate(path.join(work, 'data')),
      CORDON_ADMIN_PASSWORD: 'demo-operator-password-9',
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
      const { csrfToken, principal } = (await login.json()) as {
        csrfToken: string;
        principal: { passwordChangeRequired?: boolean };
      };
      // Cordon generated the password: it must be changed before anything else.
      expect(principal.passwordChangeRequired).toBe(true);
      expect((await fetch(`${server.url}/v1/cases`, { headers: { cookie } })).status).toBe(403);
      const changed = await fetch(`${server.url}/v1/auth/password`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ currentPassword: password, newPassword: 'heron lantern quietly 7' }),
      });
      expect(changed.status).toBe(204);
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
