import { addUser, createToken } from '../../src/application/people/manage-people.ts';
import type { Actor, PeopleDeps } from '../../src/application/people/people-deps.ts';
import type { Role } from '../../src/domain/people/role.ts';

/**
 * Adds each person (username, organisation id, role) with the same password and an API token,
 * straight through the people use cases on an open store (no server, no sign-in throttle), and
 * returns each person's token secret by username. A refusal throws: the set-up is broken.
 */
export async function addPeopleWithTokens(
  deps: PeopleDeps,
  by: Actor,
  people: readonly (readonly [username: string, organisationId: string, role: Role])[],
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [username, organisationId, role] of people) {
    const user = await addUser(deps, by, {
      username,
      organisationId,
      roles: [role],
      password: 'correct horse battery',
    });
    if (!user.ok) throw new Error(user.error.message);
    const token = await createToken(deps, by, { username, name: 'e2e' });
    if (!token.ok) throw new Error(token.error.message);
    tokens[username] = token.value.secret;
  }
  return tokens;
}
