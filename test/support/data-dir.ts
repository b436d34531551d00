import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { castEnv, type CastOrganisations } from './people-cast.ts';

/**
 * Makes `dataDir` an embedded data directory where the shipped lists are already imported, by
 * copying the run's template (test/support/data-dir-setup.ts): a fraction of a second instead of
 * the first-use import. Returns `dataDir`.
 *
 * @example
 * const env = { CORDON_DATA_DIR: copyDataDirTemplate(path.join(work, 'data')) };
 */
export function copyDataDirTemplate(dataDir: string): string {
  fs.cpSync(inject('cordonDataTemplate'), dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, 'cordon.lock'), { force: true });
  return dataDir;
}

/**
 * Makes `dataDir` a copy of the browser tests' template: the lists imported, the first
 * administrator, the licensing authority, the exporter Acme Optics GmbH and the people of
 * test/support/people-cast.ts with their own passwords. Returns the environment a `cordon` on it
 * runs with and the two organisations' ids.
 */
export function copyPeopleTemplate(
  dataDir: string,
): CastOrganisations & { readonly env: Record<string, string> } {
  fs.cpSync(inject('cordonPeopleTemplate'), dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, 'cordon.lock'), { force: true });
  const organisations = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'people.json'), 'utf8'),
  ) as CastOrganisations;
  return { ...organisations, env: castEnv(dataDir) };
}
