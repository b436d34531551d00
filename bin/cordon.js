#!/usr/bin/env node
// The `cordon` command. Runs the compiled JavaScript in dist/ (see bin/build-cli.js): when dist/ is
// missing or older than the sources it is compiled first (about a second, once); only if that
// build fails does the CLI run the TypeScript sources through tsx, and it says so.
import v8 from 'node:v8';
import { build, isFresh } from './build-cli.js';

// A command that runs for a second or two (everything but `serve` and `worker`) compiles the
// embedded database's WebAssembly with V8's baseline compiler only: optimising it as well, in the
// background, cost about as much CPU again as the whole command (`cordon orgs list` 1.2 s -> 0.6 s
// of CPU, `screen` 1.24 s -> 0.99 s and `assess` 1.44 s -> 1.20 s of wall time, the first-use list
// import no slower). A long-running server keeps the optimised code.
const longRunning = new Set(['serve', 'worker']);
if (!process.argv.slice(2).some((arg) => longRunning.has(arg)))
  v8.setFlagsFromString('--no-wasm-tier-up --no-wasm-dynamic-tiering');

async function loadMain() {
  if (!isFresh()) {
    try {
      await build();
    } catch (error) {
      process.stderr.write(
        `cordon: could not compile src/ to dist/ (${error instanceof Error ? error.message : String(error)}); running the TypeScript sources through tsx instead (slower).\n`,
      );
      const { register } = await import('tsx/esm/api');
      register();
      return (await import('../src/main/cli.ts')).main;
    }
  }
  return (await import('../dist/main/cli.js')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
