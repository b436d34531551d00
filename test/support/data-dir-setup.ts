import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserSkipReason } from './browser.ts';
import { addCast } from './people-cast.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    cordonDataTemplate: string;
    cordonPeopleTemplate: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/** Every file under `dir` (relative to the repository), sorted, for the template's cache key. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(relative) : [relative];
    })
    .sort();
}

/**
 * Creates, once per version of the code and the shipped data, an embedded data directory on which
 * `cordon` has already run once: migrated, with the shipped lists imported (the first-use import
 * takes 11-14 s per test file otherwise). Each end-to-end test copies it (`copyDataDirTemplate`);
 * the tests of the first-use import itself start empty. Cached in the temp folder by a hash of
 * src/, data/lists/ and bin/, so a source change builds a new one.
 *
 * A second template adds the browser tests' people (test/support/people-cast.ts) to the first,
 * when the browser tests run (`copyPeopleTemplate`).
 */
export default async function setup(project: TestProject): Promise<void> {
  const hash = createHash('sha256');
  for (const file of [...filesUnder('src'), ...filesUnder('data/lists'), ...filesUnder('bin')]) {
    hash.update(file).update(fs.readFileSync(path.join(root, file)));
  }
  const key = hash.digest('hex').slice(0, 16);
  const template = path.join(os.tmpdir(), `cordon-e2e-data-${key}`);
  await buildOnce(template, (building) => {
    const { DATABASE_URL: _embeddedOnly, ...env } = process.env;
    const run = spawnSync(process.execPath, [path.join(root, 'bin/cordon.js'), 'lists', 'status'], {
      cwd: root,
      env: { ...env, CORDON_DATA_DIR: building, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      throw new Error(`could not build the e2e data directory template:\n${run.stderr}`);
    }
    return Promise.resolve();
  });
  project.provide('cordonDataTemplate', template);
  // The browser tests run on the embedded database only (test/support/browser.ts).
  if (browserSkipReason !== undefined) return;
  const castHash = createHash('sha256')
    .update(key)
    .update(fs.readFileSync(path.join(import.meta.dirname, 'people-cast.ts')))
    .digest('hex')
    .slice(0, 16);
  const people = path.join(os.tmpdir(), `cordon-e2e-people-${castHash}`);
  await buildOnce(people, async (building) => {
    fs.cpSync(template, building, { recursive: true });
    await addCast(building);
  });
  project.provide('cordonPeopleTemplate', people);
}

/**
 * Builds `template` with `build` in a folder of its own and renames it into place, unless a
 * complete one (its database initialised) is already there from an earlier run.
 */
async function buildOnce(
  template: string,
  build: (building: string) => Promise<void>,
): Promise<void> {
  if (fs.existsSync(path.join(template, 'pgdata', 'PG_VERSION'))) return;
  const building = `${template}.${String(process.pid)}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  await build(building);
  fs.rmSync(path.join(building, 'cordon.lock'), { force: true });
  try {
    fs.renameSync(building, template);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another run won the race
  }
}
