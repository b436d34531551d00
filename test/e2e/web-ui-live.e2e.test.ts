import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, browserTitle, seriousViolations, snap } from '../support/browser.ts';
import { webUiSession } from '../support/web-ui-session.ts';

// The application form's red-flag pick list and classification questions, and live updates with
// notifications, in Debian's Chromium driven by playwright-core (as web-ui.e2e): an officer's
// question reaches the exporter's open case page and bell through the event stream, without a
// reload; the answer reaches the officer's bell. An officer opens a public consultation on the
// staff page, and anyone reads it on /consultations without signing in. axe-core checks each
// page; screenshots go to test-results/web-ui/.

describe.skipIf(browserSkipReason !== undefined)(
  browserTitle('the application form and live updates in the web UI, in Chromium'),
  () => {
    const ui = webUiSession('web-live', { startTimeoutMs: 240_000, pageTimeoutMs: 90_000 });
    const { signedIn, call, problems } = ui;
    let caseId = '';

    const liveStatus = (page: Page) => page.locator('header.top').getAttribute('data-live');

    it('offers the red flags with their descriptions, asks the open classification questions, and sends the answers', async () => {
      const page = await signedIn('erin');
      await page.getByRole('link', { name: 'New application', exact: true }).click();
      await page.getByRole('heading', { name: 'New licence application' }).waitFor();
      await page.getByLabel('Licensing jurisdiction').fill('GB');
      await page.getByLabel('Exporter name').fill('Acme Optics GmbH');
      await page.getByLabel('Exporter country').fill('DE');
      await page.getByLabel('Destination country').fill('CN');
      await page.getByLabel('Party 1 name').fill('Shenzhen Mobile Networks Co');
      await page.getByLabel('Party 1 country').fill('CN');
      await page.getByLabel('Party 1 type').selectOption('commercial');
      await page
        .getByLabel('Item 1 description')
        .fill('Network interception probe for mobile networks (IMSI catcher)');
      await page.getByLabel('Statement of end use').fill('Network maintenance');

      const redFlags = page.getByRole('group', { name: 'Red flags observed (optional)' });
      await redFlags.getByRole('checkbox').first().waitFor();
      expect(await redFlags.getByRole('checkbox').count()).toBeGreaterThan(10);
      const flag = redFlags.getByRole('checkbox', { name: /^KYC-01 .*restricted-party list/ });
      await flag.check();
      await page.getByText('Chosen: KYC-01.').waitFor();

      await page.getByRole('button', { name: 'Self-assess' }).click();
      await page
        .getByRole('heading', { name: 'Questions the assessment needs answered' })
        .waitFor();
      await page.locator('fieldset.question').first().waitFor();
      const asked = await page.locator('fieldset.question legend').allTextContents();
      const airInterface = asked.find((q) => /intercept voice or data .*air interface/.test(q));
      expect(airInterface, asked.join('\n')).toBeDefined();
      await snap(page, 'application-questions');
      expect(await seriousViolations(page)).toEqual([]);

      await page
        .locator('fieldset.question', { hasText: 'intercept voice or data' })
        .getByLabel('Yes')
        .check();
      await page.getByRole('button', { name: 'Answer and assess again' }).click();
      await expect
        .poll(
          () => page.locator('fieldset.question', { hasText: 'intercept voice or data' }).count(),
          {
            timeout: 90_000,
          },
        )
        .toBe(0);

      await page.getByRole('button', { name: 'Submit the application' }).click();
      await page.getByRole('heading', { name: /^Case / }).waitFor();
      caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      const stored = await call(page, 'GET', `/v1/cases/${caseId}`);
      expect(stored['application']).toMatchObject({
        redFlags: ['KYC-01'],
        items: [{ answers: { 'air-interface-voice-data-interception': 'yes' } }],
      });
      expect(problems).toEqual([]);
    });

    it('brings an officer’s question to the exporter’s open case and bell without a reload, and the answer to the officer’s bell', async () => {
      expect(caseId).not.toBe('');
      const exporter = await signedIn('erin');
      await exporter.goto(`${ui.url()}/cases/${caseId}`);
      await exporter.getByRole('heading', { name: /^Case / }).waitFor();
      await expect.poll(() => liveStatus(exporter)).toBe('open');
      // A full reload would lose this; a live update keeps it.
      await exporter.evaluate('window.cordonTestMarker = "still here"');

      const officer = await signedIn('cara');
      await expect.poll(() => liveStatus(officer)).toBe('open');
      const current = await call(officer, 'GET', `/v1/cases/${caseId}`);
      await call(officer, 'POST', `/v1/cases/${caseId}/actions`, {
        expectedVersion: current['version'],
        kind: 'request-information',
        question: 'Who operates the probe once installed?',
      });

      await exporter.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
      await exporter.getByText('This case was changed by someone else').waitFor();
      expect(await exporter.evaluate<string>('window.cordonTestMarker')).toBe('still here');
      await exporter.getByRole('button', { name: 'Notifications, 1 unread' }).click();
      const notice = exporter.getByRole('link', {
        name: /asked a question on .*Who operates the probe/,
      });
      await notice.waitFor();
      await snap(exporter, 'notifications-panel');
      expect(await seriousViolations(exporter)).toEqual([]);
      await notice.click();
      await exporter.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

      const returned = await call(exporter, 'GET', `/v1/cases/${caseId}`);
      await call(exporter, 'POST', `/v1/cases/${caseId}/actions`, {
        expectedVersion: returned['version'],
        kind: 'answer-information',
        answer: 'The operator’s own network engineers.',
      });
      // The officer's bell also holds the case's arrival in the caseworkers' queue.
      await officer.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
      await officer.getByRole('link', { name: /exporter answered your question/ }).waitFor();
      await officer.getByRole('button', { name: 'Mark all read' }).click();
      await officer.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
      expect(await seriousViolations(officer)).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('opens a public consultation on the staff page, and shows it to anyone on /consultations without signing in', async () => {
      const title = 'Version 2 of the United Kingdom’s export policy';
      const officer = await signedIn('cara');
      await officer.getByRole('link', { name: 'Consultations', exact: true }).click();
      await officer.getByRole('heading', { name: 'Public consultations' }).waitFor();
      await officer.getByLabel('Title', { exact: true }).fill(title);
      await officer
        .getByLabel('Summary', { exact: true })
        .fill('We ask industry, academia and civil society for their views on the policy.');
      await officer.getByLabel('On', { exact: true }).selectOption('policy-version');
      await officer.getByLabel('Jurisdiction (e.g. GB)').fill('GB');
      await officer.getByLabel('Policy version', { exact: true }).fill('2');
      const day = (offset: number) =>
        new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      await officer.getByLabel('Comments from', { exact: true }).fill(day(0));
      await officer.getByLabel('Comments until', { exact: true }).fill(day(30));
      expect(await seriousViolations(officer)).toEqual([]);
      await officer.getByRole('button', { name: 'Open the consultation' }).click();
      // The consultation's own page: open, no comment yet.
      await officer.getByRole('heading', { name: title, level: 1 }).waitFor();
      await officer.getByRole('heading', { name: 'Comments (0)' }).waitFor();
      expect(await officer.getByText(/^open; comments /).count()).toBe(1);
      await snap(officer, 'consultation-admin');
      expect(await seriousViolations(officer)).toEqual([]);
      await officer.getByRole('link', { name: 'All consultations' }).click();
      const row = officer.getByRole('row', { name: new RegExp(title) });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/open/);
      expect(await seriousViolations(officer)).toEqual([]);

      // Anyone, signed out, reads it and may register to comment.
      const context = await ui.newContext({ viewport: { width: 1366, height: 900 } });
      const visitor = await context.newPage();
      visitor.setDefaultTimeout(90_000);
      visitor.on('pageerror', (error) => problems.push(`visitor: page error ${error.message}`));
      await visitor.goto(`${ui.url()}/consultations`);
      await visitor.getByRole('heading', { name: 'Public consultations' }).waitFor();
      const link = visitor.getByRole('link', { name: title });
      await link.waitFor();
      await visitor.getByRole('heading', { name: 'Register to comment' }).waitFor();
      expect(await seriousViolations(visitor)).toEqual([]);
      await snap(visitor, 'public-consultations');
      await link.click();
      await visitor.getByRole('heading', { name: title, level: 1 }).waitFor();
      await visitor
        .getByText('We ask industry, academia and civil society for their views on the policy.')
        .waitFor();
      expect(await seriousViolations(visitor)).toEqual([]);
      expect(problems).toEqual([]);
    });
  },
);
