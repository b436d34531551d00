import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, screenshots } from './browser.ts';
import { startCordonServer, type ServerProcess } from './cli-process.ts';
import { copyPeopleTemplate } from './data-dir.ts';
import { ownPassword } from './people-cast.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** What a browser test file works with: the server, the browser sessions it opened, what went wrong. */
export interface WebUiSession {
  /** The server's address (once `beforeAll` ran). */
  readonly url: () => string;
  /** The environment of the server's data directory, for `cordon` commands on it. */
  readonly env: Record<string, string>;
  /** Page errors and Content-Security-Policy violations seen in any signed-in page. */
  readonly problems: string[];
  /** A browser context closed with the others after the file. */
  readonly newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A fresh browser session signed in as `username` (own password), with its problems recorded. */
  readonly signedIn: (
    username: string,
    viewport?: { width: number; height: number },
  ) => Promise<Page>;
  /** Calls the API from the page, with its session cookie and CSRF token; expects a 2xx. */
  readonly call: (
    page: Page,
    method: 'GET' | 'POST',
    url: string,
    data?: unknown,
  ) => Promise<Record<string, unknown>>;
}

/**
 * Registers, for the enclosing `describe`, what every web UI browser test file needs: web/dist
 * built, a copy of the people template (test/support/people-cast.ts) served by `cordon serve`,
 * and Debian's Chromium; all closed and removed after the file. `pageTimeoutMs` sets signed-in
 * pages' default timeout (playwright's is 30 s).
 */
export function webUiSession(
  name: string,
  options: { readonly startTimeoutMs?: number; readonly pageTimeoutMs?: number } = {},
): WebUiSession {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `cordon-${name}-`));
  const { env } = copyPeopleTemplate(path.join(work, 'data'));
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'bin/build-web.js'), '--if-stale'], {
      cwd: root,
      stdio: 'inherit',
    });
    fs.mkdirSync(screenshots, { recursive: true });
    server = await startCordonServer(env, options.startTimeoutMs ?? 120_000);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const url = (): string => {
    if (!server) throw new Error('the server has not started');
    return server.url;
  };

  async function newContext(contextOptions?: BrowserContextOptions): Promise<BrowserContext> {
    if (!browser) throw new Error('the browser has not started');
    const context = await browser.newContext(contextOptions);
    contexts.push(context);
    return context;
  }

  async function signedIn(
    username: string,
    viewport = { width: 1366, height: 900 },
  ): Promise<Page> {
    const page = await (await newContext({ viewport })).newPage();
    if (options.pageTimeoutMs !== undefined) page.setDefaultTimeout(options.pageTimeoutMs);
    page.on('pageerror', (error) => problems.push(`${username}: page error ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        problems.push(`${username}: ${message.text()}`);
    });
    await page.goto(url());
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(ownPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return page;
  }

  async function call(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
    const csrf = await page.evaluate<string | null>("sessionStorage.getItem('cordon.csrfToken')");
    const response = await page.request.fetch(new URL(path, url()).toString(), {
      method,
      headers: { 'x-csrf-token': csrf ?? '', 'content-type': 'application/json' },
      ...(data === undefined ? {} : { data: JSON.stringify(data) }),
    });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  }

  return { url, env, problems, newContext, signedIn, call };
}
