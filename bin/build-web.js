#!/usr/bin/env node
// Builds the web UI (web/ -> web/dist) with Vite. `npm run build:web` always builds;
// `--if-stale` (run by `npm start` and the browser tests) builds only when web/dist is missing or
// older than a source file, so a fresh clone serves the UI after `npm ci && npm start` and a
// second start costs nothing. Offline: everything comes from node_modules.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '../web');
const built = path.join(web, 'dist/index.html');

/** The newest modification time of the UI's sources (web/src, index.html, vite.config.ts). */
function newestSource() {
  let newest = 0;
  const visit = (file) => {
    const stat = statSync(file);
    if (stat.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const name of ['src', 'index.html', 'vite.config.ts']) {
    const file = path.join(web, name);
    if (existsSync(file)) visit(file);
  }
  return newest;
}

const ifStale = process.argv.includes('--if-stale');
if (ifStale && existsSync(built) && statSync(built).mtimeMs >= newestSource()) process.exit(0);

let vite;
try {
  vite = await import('vite');
} catch {
  // Installed without devDependencies: the server still runs and says how to build the UI.
  console.warn('The web UI is not built and Vite is not installed (npm ci installs it).');
  process.exit(ifStale ? 0 : 1);
}
console.error('Building the web UI (web/dist) ...');
// A production bundle even when run under a test runner (vitest sets NODE_ENV=test).
process.env.NODE_ENV = 'production';
await vite.build({ root: web, mode: 'production', logLevel: 'warn' });
