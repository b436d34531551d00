#!/usr/bin/env node
// The `cordon` command. Runs the compiled JavaScript in dist/ (see bin/build-cli.js): when dist/ is
// missing or older than the sources it is compiled first (about a second, once); only if that
// build fails does the CLI run the TypeScript sources through tsx, and it says so.
import { build, isFresh } from './build-cli.js';

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
