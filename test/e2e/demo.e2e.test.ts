import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium, seriousViolations } from '../support/browser.ts';
import { startCordonServer, type ServerProcess } from '../support/cli-process.ts';
import { copyDataDirTemplate } from '../support/data-dir.ts';
import { pdfText } from '../support/pdf-text.ts';

const root = path.resolve(import.meta.dirname, '../..');
const demoPassword = 'demo heron lantern 42';
const ownPassword = 'heron lantern quietly 7';
const publicUrl = 'https://licences.demo.example';

interface CaseSummary {
  readonly id: string;
  readonly reference: string;
  readonly stage: string;
  readonly outcome?: string;
}

/** Signs a demo user in with CORDON_DEMO_PASSWORD and chooses their own password, as asked. */
async function signIn(server: ServerProcess, username: string) {
  const login = await fetch(`${server.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  expect(login.status, `${username} signs in with CORDON_DEMO_PASSWORD`).toBe(200);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken, principal } = (await login.json()) as {
    csrfToken: string;
    principal: { passwordChangeRequired?: boolean };
  };
  // Someone else set the password: it must be changed before anything else.
  expect(principal.passwordChangeRequired).toBe(true);
  expect((await fetch(`${server.url}/v1/cases`, { headers: { cookie } })).status).toBe(403);
  const changed = await fetch(`${server.url}/v1/auth/password`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: demoPassword, newPassword: ownPassword }),
  });
  expect(changed.status).toBe(204);
  return (pathname: string) => fetch(`${server.url}${pathname}`, { headers: { cookie } });
}

describe('cordon serve --demo on an embedded store with the shipped lists', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-demo-e2e-'));
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('shows the whole life of a case: a refusal to a Chinese-script end user with its letter, a licence, a question to the exporter', async () => {
    if (browserSkipReason === undefined) {
      execFileSync(process.execPath, [path.join(root, 'bin/build-web.js'), '--if-stale'], {
        cwd: root,
        stdio: 'inherit',
      });
    }
    const env = {
      CORDON_DATA_DIR: copyDataDirTemplate(path.join(work, 'data')),
      CORDON_ADMIN_PASSWORD: 'demo-operator-password-9',
      CORDON_DEMO_PASSWORD: demoPassword,
      CORDON_PUBLIC_URL: publicUrl,
      CORDON_AUTHORITY_NAME: 'Export Control Joint Unit',
    };
    const server = await startCordonServer(env, 240_000, ['--demo']);
    try {
      expect(server.output()).toMatch(/demo-caseworker\s+\(CORDON_DEMO_PASSWORD\)/);
      expect(server.output()).not.toContain(demoPassword);

      const officer = await signIn(server, 'demo-caseworker');
      const { cases } = (await (await officer('/v1/cases')).json()) as { cases: CaseSummary[] };
      expect(cases.length).toBeGreaterThanOrEqual(14);
      expect(cases.every((c) => c.stage !== 'draft')).toBe(true);
      expect(cases.filter((c) => c.stage === 'finalised').map((c) => c.outcome)).toEqual(
        expect.arrayContaining(['refused', 'approved']),
      );
      expect(cases.map((c) => c.stage)).toContain('returned-to-exporter');

      // The exporter sees its refusal, and the letter prints the end user in Chinese script.
      const exporter = await signIn(server, 'demo-exporter');
      const own = (await (await exporter('/v1/cases')).json()) as { cases: CaseSummary[] };
      const refused = own.cases.find((c) => c.outcome === 'refused');
      expect(refused, JSON.stringify(own.cases)).toBeDefined();
      expect(own.cases.map((c) => c.stage)).toContain('returned-to-exporter');
      const detail = (await (await exporter(`/v1/cases/${refused?.id ?? ''}`)).json()) as {
        documents: { code: string }[];
      };
      const code = detail.documents[0]?.code ?? '';
      const pdf = await exporter(`/v1/cases/${refused?.id ?? ''}/document`);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const letter = pdfText(new Uint8Array(await pdf.arrayBuffer()));
      expect(letter).toContain('end-user: 乌鲁木齐市公安局 (CN)');
      expect(letter).toContain(`${publicUrl}/verify/${code}`);
      expect(letter).toContain('Export Control Joint Unit has refused your application');

      // Anyone can check the letter, without signing in.
      const verified = (await (
        await fetch(`${server.url}/v1/documents/verify/${code}`)
      ).json()) as {
        valid: boolean;
        parties: string[];
      };
      expect(verified).toMatchObject({ valid: true, outcome: 'refused' });
      expect(verified.parties).toContain('end-user: 乌鲁木齐市公安局 (CN)');

      // The public page in the browser, where there is one (the web UI tests say when not).
      if (browserSkipReason === undefined) {
        const browser = await launchChromium();
        try {
          const page = await browser.newPage();
          await page.goto(`${server.url}/verify/${code}`);
          await page.getByRole('heading', { name: 'Genuine and in force' }).waitFor();
          expect(await page.getByText('end-user: 乌鲁木齐市公安局 (CN)').count()).toBe(1);
          expect(await seriousViolations(page)).toEqual([]);
          await page.goto(`${server.url}/verify/NOT-A-CODE`);
          await page.getByRole('heading', { name: 'No document has this code' }).waitFor();
        } finally {
          await browser.close();
        }
      }
    } finally {
      await server.stop();
    }
    const again = await startCordonServer(env, 180_000, ['--demo']);
    try {
      expect(again.output()).toMatch(/already loaded/);
    } finally {
      await again.stop();
    }
  }, 600_000);

  it('refuses a CORDON_DEMO_PASSWORD that breaks the password rules, naming it', async () => {
    const data = copyDataDirTemplate(path.join(work, 'weak'));
    await expect(
      startCordonServer(
        {
          CORDON_DATA_DIR: data,
          CORDON_ADMIN_PASSWORD: 'demo-operator-password-9',
          CORDON_DEMO_PASSWORD: 'short',
        },
        180_000,
        ['--demo'],
      ),
    ).rejects.toThrow(/CORDON_DEMO_PASSWORD/);
  }, 200_000);
});
