import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Builds web/dist once, when stale, before any end-to-end file starts: the browser and demo tests
 * run side by side with other files, and two of them building at once would each empty the
 * folder the other's server is reading. Their own `build-web.js --if-stale` then finds it fresh.
 */
export default function setup(): void {
  execFileSync(process.execPath, [path.join(root, 'bin/build-web.js'), '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
}
