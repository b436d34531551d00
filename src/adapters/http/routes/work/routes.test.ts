import { afterEach, describe, expect, it } from 'vitest';
import { refusableApplication, testCaseDeps } from '../../../../../test/fakes/case-deps.ts';
import { buildTestApp } from '../../../../../test/support/test-app.ts';
import type { CaseDeps } from '../../../../application/cases/case-deps.ts';
import type { OrganisationKind, Principal } from '../../../../domain/people/people.ts';
import type { Role } from '../../../../domain/people/role.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import { err, ok } from '../../../../domain/shared/result.ts';
import type { Authenticator } from '../../auth/authenticator.ts';
import type { App } from '../../build-app.ts';
import { workRoutes } from './routes.ts';

const people: Readonly<Record<string, [OrganisationKind, readonly Role[]]>> = {
  erin: ['exporter', ['exporter']],
  cara: ['licensing-authority', ['caseworker']],
  adam: ['licensing-authority', ['advisor']],
  sam: ['licensing-authority', ['senior-officer']],
  sue: ['licensing-authority', ['senior-officer']],
  aude: ['licensing-authority', ['auditor']],
};

const authenticator: Authenticator = {
  bearer(credential) {
    const person = people[credential];
    if (person === undefined) {
      return Promise.resolve(err(cordonError('CORDON_UNAUTHENTICATED', 'Unknown person.')));
    }
    const principal: Principal = {
      userId: `u-${credential}`,
      username: credential,
      organisationId: person[0] === 'exporter' ? 'org-vista' : 'org-authority',
      organisationKind: person[0],
      roles: person[1],
      via: 'token:test',
    };
    return Promise.resolve(ok(principal));
  },
  session: () => Promise.resolve(undefined),
};
const as = (username: string) => ({ authorization: `Bearer ${username}` });

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function workApp(): Promise<{ app: App; deps: CaseDeps; id: string }> {
  const { deps } = testCaseDeps();
  const built = await buildTestApp({ cases: deps, auth: { authenticator } });
  app = built;
  const draft = await built.inject({
    method: 'POST',
    url: '/v1/cases',
    headers: as('erin'),
    payload: refusableApplication,
  });
  const { id, version } = draft.json<{ id: string; version: number }>();
  await built.inject({
    method: 'POST',
    url: `/v1/cases/${id}/submit`,
    headers: as('erin'),
    payload: { expectedVersion: version },
  });
  return { app: built, deps, id };
}

async function act(app: App, deps: CaseDeps, id: string, who: string, action: object) {
  const current = await deps.store.get(id);
  const response = await app.inject({
    method: 'POST',
    url: `/v1/cases/${id}/actions`,
    headers: as(who),
    payload: { ...action, expectedVersion: current?.licenceCase.version ?? 1 },
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe(workRoutes.name, () => {
  it('lists the queue with exporter, destination, risk and age, and "assign to me" takes a case', async () => {
    const { app, id } = await workApp();
    const queue = await app.inject({ method: 'GET', url: '/v1/work/queue', headers: as('cara') });
    expect(queue.statusCode, queue.body).toBe(200);
    const [row] = queue.json<{ cases: Record<string, unknown>[] }>().cases;
    expect(row).toMatchObject({ id, destination: 'CN', ageDays: 0 });
    expect(typeof row?.['exporter']).toBe('string');
    expect(row?.['risk']).not.toBe('unknown');

    const assigned = await app.inject({
      method: 'POST',
      url: `/v1/cases/${id}/assign`,
      headers: as('cara'),
      payload: {},
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ assignee: { userId: 'u-cara', name: 'cara' } });
    const mine = await app.inject({
      method: 'GET',
      url: '/v1/work/queue?assignee=me&search=' + encodeURIComponent('GB'),
      headers: as('cara'),
    });
    expect(mine.json<{ cases: unknown[] }>().cases).toHaveLength(1);
    const sams = await app.inject({
      method: 'GET',
      url: '/v1/work/queue?assignee=me',
      headers: as('sam'),
    });
    expect(sams.json<{ cases: unknown[] }>().cases).toHaveLength(0);
  });

  it('keeps the queue from exporters, refuses bad filters naming the field, and lets the auditor read it but not take cases', async () => {
    const { app } = await workApp();
    const exporter = await app.inject({
      method: 'GET',
      url: '/v1/work/queue',
      headers: as('erin'),
    });
    expect(exporter.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'GET',
      url: '/v1/work/queue?risk=enormous',
      headers: as('cara'),
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('risk');
    const auditor = await app.inject({ method: 'GET', url: '/v1/work/queue', headers: as('aude') });
    expect(auditor.statusCode).toBe(200);
    const [row] = auditor.json<{ cases: { id: string }[] }>().cases;
    const assign = await app.inject({
      method: 'POST',
      url: `/v1/cases/${row?.id ?? ''}/assign`,
      headers: as('aude'),
      payload: {},
    });
    expect(assign.statusCode).toBe(403);
  });

  it('does not offer the decider the countersignature the server would refuse', async () => {
    const { app, deps, id } = await workApp();
    const criteria = [{ code: 'UK-SELC-2', reason: 'Clear risk of internal repression' }];
    await act(app, deps, id, 'adam', {
      kind: 'give-advice',
      desk: 'human-rights',
      outcome: 'refuse',
      criteria,
      text: 'Evidence of repression.',
    });
    await act(app, deps, id, 'cara', {
      kind: 'recommend',
      outcome: 'refused',
      criteria,
      text: 'Refuse.',
    });
    await act(app, deps, id, 'sam', {
      kind: 'decide',
      outcome: 'refused',
      criteria,
      text: 'Refused.',
    });
    const forSam = await app.inject({
      method: 'GET',
      url: `/v1/cases/${id}/allowed-actions`,
      headers: as('sam'),
    });
    expect(forSam.statusCode, forSam.body).toBe(200);
    expect(forSam.json<{ allowed: string[] }>().allowed).not.toContain('countersign');
    expect(forSam.json<{ withheld: { kind: string }[] }>().withheld.map((w) => w.kind)).toContain(
      'countersign',
    );
    const forSue = await app.inject({
      method: 'GET',
      url: `/v1/cases/${id}/allowed-actions`,
      headers: as('sue'),
    });
    expect(forSue.json<{ allowed: string[] }>().allowed).toContain('countersign');
  });
});
