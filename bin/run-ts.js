#!/usr/bin/env node
// Runs a TypeScript script through tsx's loader, as bin/cordon.js runs the CLI, so that scripts
// such as the benchmarks need no build step:  node bin/run-ts.js bench/screening/run.ts [args]
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node bin/run-ts.js SCRIPT.ts [args...]\n');
  process.exit(2);
}
register();
process.argv = [process.argv[0] ?? 'node', path.resolve(script), ...rest];
await import(pathToFileURL(path.resolve(script)).href);
