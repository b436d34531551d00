import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './code-version.ts';

const listFile = path.join(repositoryRoot, 'data', 'security', 'common-passwords.txt');
let loaded: ReadonlySet<string> | undefined;

/**
 * The shipped list of common and breached passwords (data/security/common-passwords.txt, with its
 * provenance in the README beside it), lower case, read once per process. Never downloaded.
 */
export function commonPasswordList(): ReadonlySet<string> {
  loaded ??= new Set(
    fs
      .readFileSync(listFile, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== ''),
  );
  return loaded;
}
