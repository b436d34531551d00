import path from 'node:path';
import { expect } from 'vitest';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { generateKeyFile } from '../../src/adapters/exchange/exchange-key-file.ts';
import { addOrganisation } from '../../src/application/people/manage-people.ts';
import type { Role } from '../../src/domain/people/role.ts';
import { peopleDepsFor } from '../../src/main/people-wiring.ts';
import { prepareStore } from '../../src/main/prepare-store.ts';
import { startCordonServer, type ServerProcess } from '../support/cli-process.ts';
import { copyDataDirTemplate } from '../support/data-dir.ts';
import { addPeopleWithTokens } from '../support/people-with-tokens.ts';

/**
 * The harness of the exchange e2e tests: authorities on loopback, each a real `cordon serve`
 * with its own embedded database, people (ex, cw, hr, so1, so2, adm) and exchange key.
 */
export interface ExchangeNode {
  readonly id: string;
  readonly dataDir: string;
  readonly publicKey: string;
  readonly tokens: Record<string, string>;
  server?: ServerProcess;
}

/** One authority: its own data directory, people and exchange key, seeded in-process before it serves. */
export async function seedNode(work: string, id: string, country: string): Promise<ExchangeNode> {
  const dataDir = copyDataDirTemplate(path.join(work, id));
  const opened = await openDatabase({ engine: 'embedded', dataDir }, { command: 'test' });
  if (!opened.ok) throw new Error(opened.error.message);
  const tokens: Record<string, string> = {};
  try {
    const prepared = await prepareStore(opened.value, { codeVersion: 'test' });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const deps = peopleDepsFor(opened.value.db);
    const by = { actor: 'test' };
    const authority = await addOrganisation(deps, by, {
      name: id,
      kind: 'licensing-authority',
      country,
    });
    const exporter = await addOrganisation(deps, by, {
      name: `${id} exporter`,
      kind: 'exporter',
      country,
    });
    if (!authority.ok || !exporter.ok) throw new Error('organisations');
    const people: [string, string, Role][] = [
      ['ex', exporter.value.id, 'exporter'],
      ['cw', authority.value.id, 'caseworker'],
      ['hr', authority.value.id, 'advisor'],
      ['so1', authority.value.id, 'senior-officer'],
      ['so2', authority.value.id, 'senior-officer'],
      ['adm', authority.value.id, 'administrator'],
    ];
    Object.assign(tokens, await addPeopleWithTokens(deps, by, people));
  } finally {
    await opened.value.close();
  }
  const key = await generateKeyFile(path.join(dataDir, 'exchange-key.json'), {
    authorityId: id,
    rotate: false,
    overlapDays: 30,
    now: new Date(),
  });
  if (!key.ok) throw new Error(key.error);
  return { id, dataDir, publicKey: String(key.value.created.publicJwk.x), tokens };
}

/** Starts the node's server: plain http on loopback (a development setting), no scheduled audit heads. */
export const startNode = async (node: ExchangeNode): Promise<void> => {
  node.server = await startCordonServer(
    {
      CORDON_DATA_DIR: node.dataDir,
      CORDON_AUTHORITY_ID: node.id,
      CORDON_ADMIN_PASSWORD: 'not-used-here-1',
      // The nodes talk plain http on loopback: a development setting, never production.
      CORDON_EXCHANGE_DEV_LOOPBACK_HTTP: 'true',
      // The tests count the messages of each chain: no scheduled audit heads among them (they
      // are tested in src/application/exchange/audit-heads-and-withdrawals.test.ts).
      CORDON_EXCHANGE_AUDIT_HEAD_SECONDS: '0',
    },
    120_000,
  );
};

/** Calls the node's API as one of its people. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON it expects
export async function call<T = Record<string, unknown>>(
  node: ExchangeNode,
  who: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const response = await fetch(`${node.server?.url ?? ''}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${node.tokens[who] ?? ''}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: (text === '' ? {} : JSON.parse(text)) as T };
}

/** Pins `partner` (its key, at `url`) in `at`'s registry. */
export async function pin(at: ExchangeNode, partner: ExchangeNode, url?: string): Promise<void> {
  const added = await call(at, 'adm', 'POST', '/v1/exchange/partners', {
    id: partner.id,
    url: url ?? partner.server?.url ?? '',
    publicKey: partner.publicKey,
  });
  expect(added.status, JSON.stringify(added.json)).toBe(201);
}

/** Pulls every partner's feed now; returns the outcome per partner. */
export async function sync(node: ExchangeNode) {
  const synced = await call<{
    partners: {
      partner: string;
      kind: string;
      accepted?: number;
      skipped?: unknown[];
      rejected?: unknown[];
    }[];
  }>(node, 'adm', 'POST', '/v1/exchange/sync');
  expect(synced.status, JSON.stringify(synced.json)).toBe(200);
  return synced.json.partners;
}
