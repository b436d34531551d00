import { describe, expect, it } from 'vitest';
import { browserSkipReason, browserTitle, seriousViolations, snap } from '../support/browser.ts';
import { webUiSession } from '../support/web-ui-session.ts';
import { ownPassword } from '../support/people-cast.ts';

// The daily work in the web UI, in Debian's Chromium driven by playwright-core (as web-ui.e2e):
// uploads, the exporter's "what happens next", the work queue's filters and assign-to-me, the
// allowed actions, the auditor's page, a password change and the phone-width layout. Screenshots
// go to test-results/web-ui/, and axe-core checks each page for serious accessibility problems.

const application = {
  jurisdiction: 'GB',
  exporter: { name: 'Acme Optics GmbH', country: 'DE' },
  destination: { country: 'CN', region: 'Xinjiang' },
  parties: [
    { role: 'end-user', name: 'Urumqi Public Security Bureau', country: 'CN', type: 'police' },
  ],
  items: [
    { description: 'Video analytics with face recognition', capabilities: ['facial-recognition'] },
  ],
  endUse: 'City surveillance',
};

describe.skipIf(browserSkipReason !== undefined)(
  browserTitle('daily work in the web UI, in Chromium'),
  () => {
    const ui = webUiSession('web-work');
    const { signedIn, call, problems } = ui;
    let caseId = '';

    it('tells the exporter what happens next, never an automated outcome, and takes an upload', async () => {
      const page = await signedIn('erin');
      const draft = await call(page, 'POST', '/v1/cases', application);
      caseId = String(draft['id']);
      await call(page, 'POST', `/v1/cases/${caseId}/submit`, { expectedVersion: draft['version'] });
      await page.goto(`${ui.url()}/cases/${caseId}`);
      await page.getByRole('heading', { name: 'What happens next' }).waitFor();
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toMatch(/licensing authority is reviewing your application/);
      expect(main).not.toMatch(/automated/i);
      expect(main).not.toMatch(/refus/i);

      await page.getByLabel('Kind of document').selectOption('end-user-undertaking');
      await page.getByLabel('Description (optional)').fill('Signed by the end user');
      await page.getByLabel('File').setInputFiles({
        name: 'undertaking.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('We, the end user, undertake not to re-export these items.\n'),
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByText('undertaking.txt was attached.').waitFor();
      await page.getByRole('link', { name: 'undertaking.txt' }).waitFor();
      // The attachment rules are the API's: a page of HTML is refused, and the page says why.
      await page.getByLabel('File').setInputFiles({
        name: 'notes.html',
        mimeType: 'text/html',
        buffer: Buffer.from('<script>alert(1)</script>'),
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByRole('alert').waitFor();
      await snap(page, 'exporter-case-upload');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('filters, searches and sorts the work queue, and assigns a case to the caseworker', async () => {
      expect(caseId).not.toBe('');
      const page = await signedIn('cara');
      await page.getByRole('heading', { name: 'Work queue' }).waitFor();
      const table = page.getByRole('table');
      await table.waitFor();
      const header = (await table.locator('thead').textContent()) ?? '';
      for (const column of ['Exporter', 'Destination', 'Risk', 'Assigned to', 'Age'])
        expect(header).toContain(column);
      expect(await table.locator('tbody').textContent()).toMatch(/Acme Optics GmbH/);

      await page.getByLabel('Assigned to').selectOption('me');
      await page.getByText('No cases match.').waitFor();
      await page.getByLabel('Assigned to').selectOption('none');
      await page
        .getByRole('button', { name: /^Assign .* to me$/ })
        .first()
        .click();
      await page.getByText('No cases match.').waitFor();
      await page.getByLabel('Assigned to').selectOption('me');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      expect(await table.locator('tbody').textContent()).toMatch(/cara/);

      await page.getByLabel('Search').fill('no such exporter');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('No cases match.').waitFor();
      await page.getByLabel('Search').fill('acme');
      await page.getByLabel('Destination').fill('cn');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      await page.getByLabel('Sort by').selectOption('risk:desc');
      expect(page.url()).toMatch(/sort=risk/);
      expect(page.url()).toMatch(/destination=CN/);
      await snap(page, 'queue-filtered');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('offers pick lists: countries by name, the advising desks, and the policy’s criteria with their texts', async () => {
      const exporter = await signedIn('erin');
      await exporter.getByRole('link', { name: 'New application', exact: true }).click();
      await exporter.getByRole('heading', { name: 'New licence application' }).waitFor();
      await expect
        .poll(() => exporter.locator('datalist#country-codes option[value="CN"]').count())
        .toBe(1);
      expect(
        await exporter.locator('datalist#country-codes option[value="CN"]').textContent(),
      ).toMatch(/China/);
      expect(await exporter.getByLabel('Destination country').getAttribute('list')).toBe(
        'country-codes',
      );

      const page = await signedIn('adam');
      await page.goto(`${ui.url()}/cases/${caseId}`);
      await page.getByRole('heading', { name: 'Give advice' }).waitFor();
      await expect
        .poll(() => page.locator('datalist#give-advice-desks option[value="human-rights"]').count())
        .toBe(1);
      await page.getByLabel('Add a criterion of the policy').selectOption('UK-SELC-2');
      expect(await page.getByLabel('Criteria cited').inputValue()).toBe('UK-SELC-2: ');
      await page.getByText(/UK-SELC-2.*\(.*\):/).waitFor();
      await snap(page, 'advice-pick-lists');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('gives the auditor a page to search the trail, verify it and download a verifiable extract', async () => {
      const page = await signedIn('aude');
      await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
      await page.getByRole('button', { name: 'Verify the trail' }).click();
      await page.getByText(/The trail is intact: \d+ entries/).waitFor();
      await page.getByLabel('Object type (e.g. case, user)').fill('case');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('tbody').textContent()).toMatch(/cases\.assign/);
      const href = await page
        .getByRole('link', { name: /Download a verifiable extract/ })
        .getAttribute('href');
      const extract = await page.request.get(new URL(href!, ui.url()).toString());
      expect(extract.status()).toBe(200);
      const body = (await extract.json()) as { format: string; anchor: { seq: number } };
      expect(body.format).toBe('cordon-audit-extract/1');
      await snap(page, 'audit');
      expect(await seriousViolations(page)).toEqual([]);
      // The work queue is open to the auditor too, to read.
      await page.getByRole('link', { name: 'Work queue' }).click();
      await page.getByRole('heading', { name: 'Work queue' }).waitFor();
      await page.getByText(/You can read the queue/).waitFor();
      expect(await page.getByRole('button', { name: /^Assign .* to me$/ }).count()).toBe(0);
      expect(problems).toEqual([]);
    });

    it('lays the queue and a case out at phone width with nothing scrolling sideways', async () => {
      const page = await signedIn('cara', { width: 375, height: 740 });
      await page.getByRole('heading', { name: 'Work queue' }).waitFor();
      await page.locator('tbody tr').first().waitFor();
      const overflow = () =>
        page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
      expect(await overflow()).toBeLessThanOrEqual(0);
      await snap(page, 'queue-phone');
      await page.goto(`${ui.url()}/cases/${caseId}`);
      await page.getByRole('heading', { name: /^Case / }).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await snap(page, 'case-phone');
      expect(problems).toEqual([]);
    });

    it('lets a person change their own password and sign in with the new one', async () => {
      const page = await signedIn('pat');
      await page.getByRole('link', { name: 'Password' }).click();
      await page.getByLabel('Current password').fill(ownPassword);
      await page.getByLabel('New password', { exact: true }).fill('marble orchard softly 42');
      await page.getByLabel('New password again').fill('marble orchard softly 42');
      await page.getByRole('button', { name: 'Change the password' }).click();
      await page.getByText(/Your password was changed/).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const login = await fetch(`${ui.url()}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'pat', password: 'marble orchard softly 42' }),
      });
      expect(login.status).toBe(200);
    });
  },
);
