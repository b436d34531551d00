// An embedded (PGlite) `cordon serve` for the benchmarks: a fresh data directory holding the
// shipped lists, one exporter with an API token, and the server started as a child process, as
// `npm start` runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import {
  addOrganisation,
  addUser,
  createToken,
} from '../../src/application/people/manage-people.ts';
import { peopleDepsFor } from '../../src/main/people-wiring.ts';
import { prepareStore } from '../../src/main/prepare-store.ts';
import { startCordonServer, type ServerProcess } from '../../test/support/cli-process.ts';

/** Settings every benchmark server runs with. */
export const benchServerEnv = {
  CORDON_ADMIN_PASSWORD: 'not-used-in-the-bench-1',
  LOG_LEVEL: 'warn',
} as const;

/** Prepares an embedded store in `dataDir` (shipped lists imported) and returns an API token. */
export async function seedEmbedded(dataDir: string): Promise<string> {
  const opened = await openDatabase({ engine: 'embedded', dataDir }, { command: 'bench' });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    const prepared = await prepareStore(opened.value, { codeVersion: 'bench' });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const deps = peopleDepsFor(opened.value.db);
    const by = { actor: 'bench' };
    const org = await addOrganisation(deps, by, {
      name: 'Vista Vision Analytics Ltd',
      kind: 'exporter',
      country: 'GB',
    });
    if (!org.ok) throw new Error(org.error.message);
    const user = await addUser(deps, by, {
      username: 'loadtest',
      organisationId: org.value.id,
      roles: ['exporter'],
      password: 'correct horse battery',
    });
    if (!user.ok) throw new Error(user.error.message);
    const token = await createToken(deps, by, { username: 'loadtest', name: 'bench' });
    if (!token.ok) throw new Error(token.error.message);
    return token.value.secret;
  } finally {
    await opened.value.close();
  }
}

/** A running embedded server and the token to call it with. */
export interface EmbeddedServer {
  readonly url: string;
  readonly token: string;
  readonly server: ServerProcess;
  close(): Promise<void>;
}

/** Seeds a throwaway data directory and starts `cordon serve` on it. */
export async function startEmbeddedServer(): Promise<EmbeddedServer> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-bench-server-'));
  const dataDir = path.join(work, 'data');
  process.stderr.write(`embedded: seeding ${dataDir} (first use imports the shipped lists)...\n`);
  const token = await seedEmbedded(dataDir);
  const server = await startCordonServer({ ...benchServerEnv, CORDON_DATA_DIR: dataDir }, 180_000);
  return {
    url: server.url,
    token,
    server,
    async close() {
      await server.stop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
