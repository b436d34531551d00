import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuildFingerprint } from './code-version.ts';

const roots: string[] = [];
function rootWith(fingerprint?: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-code-version-'));
  roots.push(root);
  if (fingerprint !== undefined) {
    fs.mkdirSync(path.join(root, 'dist'));
    fs.writeFileSync(path.join(root, 'dist', '.fingerprint'), fingerprint);
  }
  return root;
}

describe(readBuildFingerprint.name, () => {
  afterAll(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it('reads the first 16 hex digits of the fingerprint the build wrote', () => {
    const written = '0b10e70d898fdd366e7adb707e301175cfadd7d61bf2cb3c7f6cc4a22e216e84\n';
    expect(readBuildFingerprint(rootWith(written))).toBe('0b10e70d898fdd36');
  });

  it('has none when nothing was built, or the file is not a fingerprint', () => {
    expect(readBuildFingerprint(rootWith())).toBeUndefined();
    expect(readBuildFingerprint(rootWith('not a fingerprint'))).toBeUndefined();
  });
});
