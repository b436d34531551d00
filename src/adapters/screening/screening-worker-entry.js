// Entry of a screen-file worker thread. Compiled (dist/), the worker module sits beside this file
// as JavaScript. From the sources, `--import tsx` in a worker's execArgv does not cover the
// worker's own entry module on Node 20, so this file registers tsx (as bin/cordon.js does when the
// build fails) and then loads the TypeScript worker.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const source = new URL('./screening-worker.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('./screening-worker.js');
}
