#!/usr/bin/env node
// The `cordon` command. Runs the TypeScript sources directly through tsx's loader, so that a fresh
// clone needs no build step; see ARCHITECTURE.md.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
