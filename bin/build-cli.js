#!/usr/bin/env node
// Compiles the TypeScript sources (src/ -> dist/) with esbuild, file for file, so that `cordon` and
// the server run plain JavaScript instead of transpiling at every start. dist/ mirrors src/ (one
// .js per .ts, relative imports rewritten to .js), so paths computed from `import.meta.url` (the
// repository root, data/, web/dist) resolve the same from both. dist/ is never committed.
//
//   node bin/build-cli.js             builds when dist/ is missing or stale (npm's `prepare`)
//   node bin/build-cli.js --force     builds whatever the state
//   node bin/build-cli.js --check     exits 0 when dist/ is fresh, 1 when it is not
//
// Freshness is a fingerprint of every source file's path, size and modification time (plus this
// script's), written to dist/.fingerprint: editing, adding or deleting a file makes dist/ stale.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const root = path.resolve(import.meta.dirname, '..');
const srcDir = path.join(root, 'src');
export const distDir = path.join(root, 'dist');
const fingerprintFile = path.join(distDir, '.fingerprint');

/** Whether a file under src/ is part of the program (tests and test-only helpers are not). */
const isProgramSource = (name) =>
  (name.endsWith('.ts') || name.endsWith('.js')) && !/\.(test|db\.test|e2e\.test)\.ts$/.test(name);

/** Every program source under src/, relative to src/, sorted. */
function programSources() {
  const files = [];
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (isProgramSource(entry.name)) files.push(path.relative(srcDir, full));
    }
  };
  visit(srcDir);
  return files.sort();
}

/** A fingerprint of the sources (paths, sizes, modification times) and of this build script. */
export function sourceFingerprint(files = programSources()) {
  const hash = createHash('sha256');
  for (const file of [...files.map((f) => path.join(srcDir, f)), import.meta.filename]) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Whether dist/ was built from the sources as they are now. */
export function isFresh() {
  try {
    return fs.readFileSync(fingerprintFile, 'utf8') === sourceFingerprint();
  } catch {
    return false;
  }
}

// Relative imports stay imports (one output file per source) with `.ts` rewritten to `.js`;
// packages stay imports of node_modules.
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path.startsWith('.')) {
        return { path: args.path.replace(/\.ts$/, '.js'), external: true };
      }
      return { path: args.path, external: true };
    });
  },
};

/**
 * Builds dist/ into a temporary folder and moves it into place, so that a process starting
 * meanwhile never sees half a build, and two builds at once both leave a whole one.
 */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  const files = programSources();
  const fingerprint = sourceFingerprint(files);
  const staging = path.join(root, `.dist-${process.pid}-${Date.now()}`);
  try {
    await esbuild({
      absWorkingDir: root,
      entryPoints: files.map((f) => path.join('src', f)),
      outdir: staging,
      outbase: 'src',
      bundle: true,
      plugins: [keepImports],
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    fs.writeFileSync(path.join(staging, '.fingerprint'), fingerprint);
    const old = `${distDir}.old-${process.pid}`;
    if (fs.existsSync(distDir)) fs.renameSync(distDir, old);
    try {
      fs.renameSync(staging, distDir);
    } catch (error) {
      // Another build moved its dist/ in first; it was built from the same sources.
      if (!fs.existsSync(distDir)) throw error;
    }
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const args = process.argv.slice(2);
  if (args.includes('--check')) process.exit(isFresh() ? 0 : 1);
  if (args.includes('--force') || !isFresh()) {
    const started = performance.now();
    await build();
    process.stderr.write(
      `Compiled src/ to dist/ in ${Math.round(performance.now() - started)} ms.\n`,
    );
  }
}
