import fs from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from '../adapters/runtime/code-version.ts';
import type { CaseDeps } from '../application/cases/case-deps.ts';
import { createDraft } from '../application/cases/create-draft.ts';
import { submitCase } from '../application/cases/submit-case.ts';
import { addOrganisation, addUser } from '../application/people/manage-people.ts';
import type { PeopleDeps } from '../application/people/people-deps.ts';
import type { Principal } from '../domain/people/people.ts';
import type { Role } from '../domain/people/role.ts';

const demoTag = '[DEMO]';
const examplesDir = path.join(repositoryRoot, 'docs', 'examples', 'applications');

export interface DemoCredentials {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly Role[];
}

/**
 * Demo data for a newcomer: an authority, two exporters, one user per role with a printed
 * password, and a case submitted from each example application. Every organisation's name starts
 * with [DEMO]. Does nothing when demo data is already there.
 */
export async function seedDemo(
  people: PeopleDeps,
  cases: CaseDeps,
): Promise<readonly DemoCredentials[] | undefined> {
  const existing = await people.store.listOrganisations();
  if (existing.some((o) => o.name.startsWith(demoTag))) return undefined;
  const by = { actor: 'system:demo' };
  const org = async (name: string, kind: string) => {
    const added = await addOrganisation(people, by, {
      name: `${demoTag} ${name}`,
      kind,
      country: 'GB',
    });
    if (!added.ok) throw new Error(added.error.message);
    return added.value.id;
  };
  const authority = await org('Export Control Joint Unit', 'licensing-authority');
  const exporter = await org('Vista Vision Analytics Ltd', 'exporter');
  const rival = await org('Example Networks Ltd', 'exporter');
  const users: [string, string, Role[]][] = [
    ['demo-exporter', exporter, ['exporter']],
    ['demo-exporter2', rival, ['exporter']],
    ['demo-caseworker', authority, ['caseworker']],
    ['demo-advisor', authority, ['advisor']],
    ['demo-senior', authority, ['senior-officer']],
    ['demo-senior2', authority, ['senior-officer']],
    ['demo-auditor', authority, ['auditor']],
  ];
  const credentials: DemoCredentials[] = [];
  const principals = new Map<string, Principal>();
  for (const [username, organisationId, roles] of users) {
    const added = await addUser(people, by, {
      username,
      organisationId,
      roles,
      displayName: `${demoTag} ${username}`,
    });
    if (!added.ok) throw new Error(added.error.message);
    credentials.push({ username, password: added.value.generatedPassword ?? '', roles });
    principals.set(username, {
      userId: added.value.user.id,
      username,
      organisationId,
      organisationKind: organisationId === authority ? 'licensing-authority' : 'exporter',
      roles,
      via: 'demo',
    });
  }
  const files = (await fs.readdir(examplesDir)).filter((f) => f.endsWith('.json')).sort();
  for (const [i, file] of files.entries()) {
    const application = JSON.parse(
      await fs.readFile(path.join(examplesDir, file), 'utf8'),
    ) as unknown;
    const applicant = principals.get(i % 2 === 0 ? 'demo-exporter' : 'demo-exporter2');
    if (applicant === undefined) continue;
    const draft = await createDraft(cases, applicant, application);
    if (!draft.ok) throw new Error(`demo case from ${file}: ${draft.error.message}`);
    await submitCase(cases, applicant, draft.value.licenceCase.id, draft.value.licenceCase.version);
  }
  return credentials;
}
