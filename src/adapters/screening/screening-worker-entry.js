// Entry of a screen-file worker thread. On Node 20, `--import tsx` in a worker's execArgv does not
// cover the worker's own entry module, so the entry is this JavaScript file, which registers tsx
// (as bin/cordon.js does) and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./screening-worker.ts');
