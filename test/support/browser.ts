// The browser the web UI tests drive: Debian's Chromium found on PATH (apt-get install -y
// chromium), launched by playwright-core headless; never a downloaded browser. Also axe-core's
// accessibility check and the screenshots the tests leave in test-results/web-ui/.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
export const screenshots = path.join(root, 'test-results/web-ui');

function onPath(names: readonly string[]): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export const chromiumBinary = onPath(['chromium', 'chromium-browser']);

/**
 * Why the browser tests cannot run here, or undefined when they can. The UI does not depend on
 * the database engine: the PostgreSQL pass (npm run test:pg) leaves them to the embedded one.
 * A skip says why in its test title, and on CI `.ci/run` fails when they were skipped.
 */
export const browserSkipReason: string | undefined = !chromiumBinary
  ? 'no `chromium` binary on PATH (apt-get install -y chromium)'
  : process.env['CORDON_TEST_DATABASE'] === 'postgres'
    ? 'the browser tests run once, on the embedded database (npm test)'
    : undefined;
if (browserSkipReason) console.warn(`Skipping the web UI browser tests: ${browserSkipReason}.`);

/** A describe title that carries the skip reason, so every report shows it. */
export const browserTitle = (title: string): string =>
  `${title}${browserSkipReason === undefined ? '' : ` (skipped: ${browserSkipReason})`}`;

/** Launches the headless Chromium with the flags this machine needs. */
export function launchChromium(): Promise<Browser> {
  if (chromiumBinary === undefined) throw new Error(browserSkipReason);
  return chromium.launch({
    executablePath: chromiumBinary,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

const axeSource = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page and returns its serious and critical violations, readably. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP (no inline scripts) stays on.
  await page.evaluate(axeSource);
  const violations = await page.evaluate<Violation[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** A full-page screenshot into test-results/web-ui/NAME.png. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}
