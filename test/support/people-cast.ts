import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCordonServer } from './cli-process.ts';

// The people of the web UI browser tests, set up once per run in a data directory template
// (test/support/data-dir-setup.ts) instead of by each browser test file: a first `cordon serve`
// (which creates the first administrator and the licensing authority) and some twenty `cordon`
// commands cost 15-30 s per file otherwise.

/** The first administrator's password, as the operator sets it (CORDON_ADMIN_PASSWORD). */
export const adminPassword = 'first-operator-e2e-pw-1';
/** The password the operator gives each person (`users add --password-env`). */
export const operatorSetPassword = 'people-e2e-password-1';
/** The password each person but `fred` chose for themselves at set-up. */
export const ownPassword = 'heron lantern quietly 7';

/** Who is who: username, organisation, roles. */
export const cast = [
  ['erin', 'exporter', 'exporter'],
  ['cara', 'authority', 'caseworker'],
  ['adam', 'authority', 'advisor'],
  ['sam', 'authority', 'senior-officer'],
  ['sue', 'authority', 'senior-officer'],
  ['ada', 'authority', 'administrator'],
  ['aude', 'authority', 'auditor'],
  ['pat', 'authority', 'caseworker'],
  // Keeps the password the operator set: the browser test walks through choosing one's own.
  ['fred', 'exporter', 'exporter'],
] as const;

/** The organisations of the cast, written beside the template's data (`people.json`). */
export interface CastOrganisations {
  /** The licensing authority the first start created. */
  readonly authority: string;
  /** Acme Optics GmbH (DE), an exporter. */
  readonly exporter: string;
}

const root = path.resolve(import.meta.dirname, '../..');

/** The environment a `cordon` of these tests runs with. */
export const castEnv = (dataDir: string): Record<string, string> => ({
  CORDON_DATA_DIR: dataDir,
  CORDON_ADMIN_PASSWORD: adminPassword,
  PEOPLE_PASSWORD: operatorSetPassword,
  OWN_PASSWORD: ownPassword,
  LOG_LEVEL: 'warn',
});

/**
 * Adds the cast to a data directory where the lists are imported: starts and stops `cordon
 * serve` once (the first administrator and the authority), adds the exporter organisation and
 * the people from the CLI, and has each person but `fred` (and the administrator) choose their
 * own password, from the CLI (sign-ins over HTTP are rate limited per address).
 */
export async function addCast(dataDir: string): Promise<CastOrganisations> {
  const env = castEnv(dataDir);
  const first = await startCordonServer(env, 240_000);
  await first.stop();
  const cordon = (args: readonly string[]): string =>
    execFileSync(process.execPath, [path.join(root, 'bin/cordon.js'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
  const orgs = JSON.parse(cordon(['orgs', 'list', '--json'])) as {
    organisations: { id: string; kind: string }[];
  };
  const authority = orgs.organisations.find((o) => o.kind === 'licensing-authority')?.id;
  if (authority === undefined) throw new Error('the first start created no licensing authority');
  const add = ['orgs', 'add', '--name', 'Acme Optics GmbH', '--kind', 'exporter'];
  const exporter = (JSON.parse(cordon([...add, '--country', 'DE', '--json'])) as { id: string }).id;
  const organisations: CastOrganisations = { authority, exporter };
  for (const [name, org, roles] of cast) {
    const id = organisations[org];
    cordon([
      'users',
      'add',
      name,
      '--org',
      id,
      '--roles',
      roles,
      '--password-env',
      'PEOPLE_PASSWORD',
    ]);
  }
  for (const name of ['admin', ...cast.map(([name]) => name).filter((n) => n !== 'fred')]) {
    const current = name === 'admin' ? 'CORDON_ADMIN_PASSWORD' : 'PEOPLE_PASSWORD';
    cordon(
      ['users', 'change-password', name, '--current-password-env', current].concat([
        '--new-password-env',
        'OWN_PASSWORD',
      ]),
    );
  }
  fs.writeFileSync(path.join(dataDir, 'people.json'), JSON.stringify(organisations));
  return organisations;
}
