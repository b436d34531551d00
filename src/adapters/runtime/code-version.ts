import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two folders above `src/adapters/runtime`. */
export const repositoryRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

/**
 * The code version recorded with every decision: the package version, plus the git commit when
 * running from a checkout (`0.1.0+3f2a9c1`). Read from files, without spawning git.
 */
export function detectCodeVersion(root = repositoryRoot): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const commit = readGitCommit(root);
  return commit ? `${pkg.version}+${commit.slice(0, 12)}` : pkg.version;
}

/**
 * The fingerprint of the sources the running dist/ was compiled from (bin/build-cli.js writes it
 * to dist/.fingerprint), or undefined when running the sources themselves. Unlike the commit it
 * changes with every edit, so caches built by one build are never read by another.
 */
export function readBuildFingerprint(root = repositoryRoot): string | undefined {
  try {
    const fingerprint = fs.readFileSync(path.join(root, 'dist', '.fingerprint'), 'utf8').trim();
    return /^[0-9a-f]{16,}$/.test(fingerprint) ? fingerprint.slice(0, 16) : undefined;
  } catch {
    return undefined;
  }
}

function readGitCommit(root: string): string | undefined {
  try {
    const gitDir = path.join(root, '.git');
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice(5);
    const loose = path.join(gitDir, ref);
    if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim();
    const packed = fs.readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
    return packed
      .split('\n')
      .find((line) => line.endsWith(` ${ref}`))
      ?.split(' ')[0];
  } catch {
    return undefined;
  }
}
