import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, browserTitle, seriousViolations, snap } from '../support/browser.ts';
import { webUiSession } from '../support/web-ui-session.ts';
import { operatorSetPassword, ownPassword } from '../support/people-cast.ts';

// The web UI in Debian's Chromium (the `chromium` package, found on PATH), driven by
// playwright-core: no browser is downloaded. Screenshots of each main page go to
// test-results/web-ui/, and axe-core checks each main page for serious accessibility problems.

const root = path.resolve(import.meta.dirname, '../..');

// Every person chose their own password at set-up but `fred`, whose first sign-in (with the
// password the operator set) the browser test walks through.
const password = operatorSetPassword;
const hikvisionInChinese = '杭州海康威视数字技术股份有限公司';

// A skip says why in its title, in every report (on CI, .ci/run then fails).
const title = browserTitle('the web UI in Chromium');

describe.skipIf(browserSkipReason !== undefined)(title, () => {
  const ui = webUiSession('web-ui');
  const { signedIn, problems } = ui;

  it('serves the UI at / under a strict Content-Security-Policy, and keeps the API JSON', async () => {
    const home = await fetch(`${ui.url()}/some/page`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await home.text()).toContain('<div id="root">');
    const api = await fetch(`${ui.url()}/v1/no-such-endpoint`);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it('asks a person whose password someone else set to choose their own before anything else', async () => {
    const context = await ui.newContext();
    const page = await context.newPage();
    await page.goto(ui.url());
    await page.getByLabel('Username').fill('fred');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await page.getByLabel('Current password').fill(password);
    await page.getByLabel('New password', { exact: true }).fill('password12345');
    await page.getByLabel('New password again').fill('password12345');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText(/common password/).waitFor();
    await snap(page, 'forced-password-change');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('New password', { exact: true }).fill(ownPassword);
    await page.getByLabel('New password again').fill(ownPassword);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it('shows the sign-in page without accessibility problems', async () => {
    const context = await ui.newContext();
    const page = await context.newPage();
    await page.goto(ui.url());
    await page.getByRole('heading', { name: 'Sign in to Cordon' }).waitFor();
    await snap(page, 'sign-in');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets an administrator sign in and see the list snapshots with their counts and dates', async () => {
    const page = await signedIn('admin');
    await page.getByRole('heading', { name: 'Restricted-party lists' }).waitFor();
    const sources = page.getByRole('table', { name: 'List sources and their active snapshots' });
    await expect.poll(() => sources.getByRole('row').count()).toBeGreaterThan(1);
    expect(await sources.textContent()).toMatch(/us-ofac-sdn/);
    await page
      .getByRole('button', { name: /^Show \d+ snapshots?$/ })
      .first()
      .click();
    await page.getByRole('table', { name: /^Snapshots of / }).waitFor();
    await snap(page, 'lists');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets an exporter screen 杭州海康威视数字技术股份有限公司 and see the Hikvision entry with its explanation', async () => {
    const page = await signedIn('erin');
    await page.getByRole('link', { name: 'Screen a name' }).click();
    await page.getByLabel('Name', { exact: true }).fill(hikvisionInChinese);
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const results = page.getByRole('region', { name: /match(es)? for/ });
    await results.waitFor({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Matches, best first' });
    expect(await table.textContent()).toMatch(/hikvision/i);
    const explanation = page.locator('.explanation .summary').first();
    expect(await explanation.textContent()).toMatch(/hikvision/i);
    await page.getByRole('table', { name: 'Token alignment' }).first().waitFor();
    await page
      .getByRole('region', { name: /^Listed entry / })
      .first()
      .getByText('Names')
      .waitFor();
    await snap(page, 'screen');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('names every problem of an incomplete application at once', async () => {
    const page = await signedIn('erin');
    await page.getByRole('link', { name: 'New application', exact: true }).click();
    await page.getByRole('heading', { name: 'New licence application' }).waitFor();
    await page.getByRole('button', { name: 'Submit the application' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: /There are \d+ problems/ }).waitFor();
    const listed = await summary.getByRole('listitem').allTextContents();
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Licensing jurisdiction/),
        expect.stringMatching(/Exporter name/),
        expect.stringMatching(/Destination country/),
        expect.stringMatching(/Party 1 name/),
        expect.stringMatching(/Item 1 description/),
        expect.stringMatching(/End use/),
      ]),
    );
    await snap(page, 'new-application');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('takes an application from the exporter through to a countersigned refusal with its PDF', async () => {
    const exporter = await signedIn('erin');
    await exporter.getByRole('link', { name: 'New application', exact: true }).click();
    await exporter.getByLabel('Licensing jurisdiction').fill('GB');
    await exporter.getByLabel('Exporter name').fill('Acme Optics GmbH');
    await exporter.getByLabel('Exporter country').fill('DE');
    await exporter.getByLabel('Destination country').fill('CN');
    await exporter.getByLabel('Destination region (optional)').fill('Xinjiang');
    await exporter.getByLabel('Party 1 name').fill('Xinjiang Public Security Bureau');
    await exporter.getByLabel('Party 1 country').fill('CN');
    await exporter.getByLabel('Party 1 type').selectOption('police');
    await exporter
      .getByLabel('Item 1 description')
      .fill('Facial recognition cameras with video analytics');
    await exporter.getByLabel('Item 1 control entries (optional)').fill('5A001.j');
    await exporter.getByLabel('facial recognition').check();
    await exporter.getByLabel('Statement of end use').fill('City-wide monitoring of public spaces');
    await exporter.getByRole('button', { name: 'Submit the application' }).click();
    await exporter
      .getByRole('heading', { name: /^Case / })
      .or(exporter.locator('.message.error'))
      .first()
      .waitFor({ timeout: 60_000 });
    const refused = exporter.locator('.message.error');
    if ((await refused.count()) > 0) {
      await snap(exporter, 'new-application-refused');
      throw new Error(
        `The application was not accepted: ${(await refused.first().textContent()) ?? ''}`,
      );
    }
    const caseUrl = exporter.url();
    await snap(exporter, 'exporter-case');

    const officers = new Map<string, Page>();
    const as = async (name: string) => {
      const existing = officers.get(name);
      const page = existing ?? (await signedIn(name));
      officers.set(name, page);
      await page.goto(caseUrl);
      await page.getByRole('heading', { name: /^Case / }).waitFor();
      return page;
    };
    const stageOf = async (page: Page) =>
      ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').toLowerCase();

    const caseworker = await as('cara');
    await snap(caseworker, 'case');
    expect(await seriousViolations(caseworker)).toEqual([]);
    for (let step = 0; step < 8; step += 1) {
      const stage = await stageOf(await as('cara'));
      if (stage.includes('finalised')) break;
      if (stage.includes('awaiting advice')) {
        const page = await as('adam');
        await page.getByLabel('Advising desk (required)').fill('human-rights');
        await page.getByLabel('Advice (required)').selectOption('refuse');
        await page
          .getByLabel('Advice text (required)')
          .fill('Clear risk of use in internal repression.');
        await page
          .getByLabel('Criteria cited')
          .first()
          .fill('UK-SELC-2: Clear risk of use in internal repression.');
        await page.getByRole('button', { name: 'Give advice' }).click();
      } else if (stage.includes('under review')) {
        const page = await as('cara');
        await page.getByLabel('Recommended outcome (required)').selectOption('refused');
        await page.getByLabel('Reasons (required)').fill('Clear risk of internal repression.');
        await page
          .getByLabel('Criteria cited')
          .first()
          .fill('UK-SELC-2: Clear risk of use in internal repression.');
        await page.getByRole('button', { name: 'Record the recommendation' }).click();
      } else if (stage.includes('final review')) {
        const page = await as('sam');
        await page.getByLabel('Decision (required)').selectOption('refused');
        await page
          .getByLabel('Reasons (required)')
          .fill('Refused: clear risk of internal repression.');
        await page
          .getByLabel('Criteria cited')
          .first()
          .fill('UK-SELC-2: Clear risk of use in internal repression.');
        await page.getByRole('button', { name: 'Record the decision' }).click();
      } else if (stage.includes('awaiting countersignature')) {
        const page = await as('sue');
        await page.getByRole('button', { name: 'Countersign' }).click();
      } else {
        // Automatic checks may still be running.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const finalPage = await as('sue');
    expect(await stageOf(finalPage)).toContain('finalised');
    expect(await finalPage.locator('main').textContent()).toMatch(/refused/i);
    const pdfLink = finalPage.getByRole('link', { name: 'Open the decision document (PDF)' });
    const href = await pdfLink.getAttribute('href');
    const pdf = await finalPage.request.get(new URL(href!, ui.url()).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await snap(finalPage, 'case-finalised');
    expect(problems).toEqual([]);
  });

  it('shows the work queue and the statistics to officers', async () => {
    const page = await signedIn('cara');
    await page.getByRole('heading', { name: 'Work queue' }).waitFor();
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
    await snap(page, 'queue');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { name: 'Decision statistics' }).waitFor();
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
    await snap(page, 'statistics');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('adds a user only with a second administrator, who enrols with both halves of the code; disables them; and creates, copies and revokes a token of the administrator', async () => {
    const page = await signedIn('admin');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: ui.url(),
    });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Users and tokens' }).click();
    await page.getByRole('heading', { name: 'Users and API tokens' }).waitFor();
    const users = page.getByRole('table', { name: /^Users of / });
    await expect
      .poll(() => users.getByRole('row').allTextContents(), { timeout: 30_000 })
      .toEqual(
        expect.arrayContaining([expect.stringMatching(/^cara/), expect.stringMatching(/^sue/)]),
      );

    await page.getByLabel('Username').fill('olga');
    await page.getByLabel('Display name (optional)').fill('Olga Officer');
    await page.getByLabel('Why they need the account').fill('New caseworker on the desk');
    await page.getByRole('group', { name: 'Roles' }).getByLabel('caseworker').check();
    await page.getByRole('button', { name: 'Ask for the user' }).click();
    const firstHalf = await page
      .getByLabel('First half of the enrolment code of olga', { exact: true })
      .inputValue();
    expect(firstHalf.length).toBeGreaterThanOrEqual(16);
    // The administrator who asked cannot approve.
    expect(await page.getByRole('button', { name: 'Approve the grant for olga' }).count()).toBe(0);

    const second = await signedIn('ada');
    await second.getByRole('link', { name: 'Users and tokens' }).click();
    await second.getByRole('button', { name: 'Approve the grant for olga' }).click();
    const secondHalf = await second
      .getByLabel('Second half of the enrolment code of olga', { exact: true })
      .inputValue();
    await snap(second, 'people-grant-approved');
    expect(await seriousViolations(second)).toEqual([]);

    const enrol = await fetch(`${ui.url()}/v1/auth/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'olga',
        code: `${firstHalf}-${secondHalf}`,
        newPassword: 'olive branch steady 9',
      }),
    });
    expect(enrol.status).toBe(204);
    const signIn = (username: string, secret: string) =>
      fetch(`${ui.url()}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: secret }),
      }).then((r) => r.status);
    expect(await signIn('olga', 'olive branch steady 9')).toBe(200);

    await page.reload();
    await users.getByRole('rowheader', { name: 'olga' }).waitFor();
    await page.getByRole('button', { name: 'Disable olga' }).click();
    await page.getByText('olga is now disabled.').waitFor();
    await users.getByRole('button', { name: 'Enable olga' }).waitFor();
    expect(await signIn('olga', 'olive branch steady 9')).toBe(401);

    await page.getByLabel('What it is for').fill('audit-export');
    await page.getByLabel('Expires after (days, 1–366)').fill('30');
    const scopes = page.getByRole('group', { name: /^Scopes/ });
    expect(await scopes.getByLabel('administrator').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create the token' }).click();
    const secretField = page.getByLabel('API token “audit-export” of admin', { exact: true });
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^cdn_[A-Za-z0-9]+_/);
    await page.getByRole('button', { name: 'Copy the API token “audit-export” of admin' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    const whoAmI = () =>
      fetch(`${ui.url()}/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    const me = await whoAmI();
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'admin' });
    const tokens = page.getByRole('table', { name: /^API tokens/ });
    const row = tokens.getByRole('row', { name: /audit-export/ });
    expect(await row.textContent()).toMatch(/admin.*active/);
    await snap(page, 'people');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Revoke the token audit-export of admin' }).click();
    await page.getByText('The token “audit-export” was revoked.').waitFor();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/revoked/);
    expect((await whoAmI()).status).toBe(401);
    expect(problems).toEqual([]);
  });

  // Last: it replaces the active Denied Persons List with a small cut of it.
  it('lets an administrator import a list file and see the diff against the previous snapshot', async () => {
    const page = await signedIn('admin');
    await page.getByRole('heading', { name: 'Restricted-party lists' }).waitFor();
    const fixture = path.join(root, 'test/fixtures/lists/dpl-sample.txt');
    const importFile = async (
      file: string | { name: string; mimeType: string; buffer: Buffer },
      dataDate: string,
      allowShrink = '',
    ) => {
      await page.getByLabel('List source').selectOption('us-bis-dpl');
      await page.getByLabel('Files', { exact: true }).setInputFiles(file);
      await page.getByLabel('Data date (required unless the files state it)').fill(dataDate);
      await page.getByLabel('Reason to allow a large shrink (only if intended)').fill(allowShrink);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
    };
    const result = page.getByRole('region', { name: 'Imported and activated' });
    const sources = page.getByRole('table', { name: 'List sources and their active snapshots' });

    // The fixture is the first 40 rows of the shipped list: refused as a shrink without a reason;
    // with one, the rest shows as removed.
    await importFile(fixture, '2022-09-08');
    await page.getByText(/Refused: it would remove \d+ of the 581 active entries/).waitFor({
      timeout: 60_000,
    });
    await importFile(fixture, '2022-09-08', 'Browser test: a sample of the list');
    await result.getByText(/0 added, \d+ removed, 0 changed, 40 unchanged\./).waitFor({
      timeout: 60_000,
    });
    expect(await result.textContent()).toMatch(/us-bis-dpl@2022-09-08\S*.*40 entries, 0 skipped/);
    await expect.poll(() => sources.textContent(), { timeout: 30_000 }).toContain('2022-09-08');

    // The next day's file: one entry delisted, one new, one with a new address.
    const lines = fs.readFileSync(fixture, 'utf8').split('\n');
    const edited = lines
      .filter((line) => !line.startsWith('"AARON ABRAHAM VILLA"'))
      .map((line) =>
        line.startsWith('"ABDIEL PADRON MADRID"')
          ? line.replace(/INMATE NUMBER: 42167-480[^"]*/, '1200 EAST MAIN STREET')
          : line,
      );
    edited.splice(
      2,
      0,
      [
        'NOVA VISION OPTICS LTD',
        '12 HARBOUR ROAD',
        'LIMASSOL',
        '',
        'CY',
        '3036',
        '09/09/2022',
        '09/09/2032',
        'Y',
        '2022-09-09',
        'F.R. NOTICE ADDED',
        '87 F.R. 55555 9/9/2022',
      ]
        .map((field) => `"${field}"`)
        .join('\t'),
    );
    await importFile(
      { name: 'dpl.txt', mimeType: 'text/plain', buffer: Buffer.from(edited.join('\n')) },
      '2022-09-09',
    );
    await result.getByText(/1 added, 1 removed, 1 changed, 38 unchanged\./).waitFor({
      timeout: 60_000,
    });
    const section = (name: string) => result.getByRole('region', { name, exact: true });
    expect(await section('Added').textContent()).toContain('NOVA VISION OPTICS LTD');
    expect(await section('Removed').textContent()).toContain('AARON ABRAHAM VILLA');
    expect(await section('Changed').textContent()).toMatch(/ABDIEL PADRON MADRID.*addresses/);
    await expect.poll(() => sources.textContent(), { timeout: 30_000 }).toContain('2022-09-09');
    await snap(page, 'list-import');
    expect(await seriousViolations(page)).toEqual([]);

    await result.getByRole('link', { name: 'See the full diff' }).click();
    await page.getByRole('heading', { name: 'Changes between two snapshots' }).waitFor();
    await page.getByText(/1 added, 1 removed, 1 changed, 38 unchanged\./).waitFor();
    await snap(page, 'list-diff');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
