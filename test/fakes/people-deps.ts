import type { PeopleDeps } from '../../src/application/people/people-deps.ts';
import { addOrganisation, addUser } from '../../src/application/people/manage-people.ts';
import { scryptPasswordHasher } from '../../src/adapters/runtime/scrypt-password-hasher.ts';
import type { Role } from '../../src/domain/people/role.ts';
import { fixedClock } from './fixed-clock.ts';
import { inMemoryAuditLog, testSha256 } from './in-memory-audit-log.ts';
import { inMemoryPeopleStores } from './in-memory-people-store.ts';
import { commonPasswordList } from '../../src/adapters/runtime/common-password-list.ts';

/** People deps on in-memory fakes, a fixed clock and a cheap scrypt cost. */
export function testPeopleDeps() {
  const clock = fixedClock('2026-11-29T09:00:00Z');
  const audit = inMemoryAuditLog(clock);
  let counter = 0;
  const deps: PeopleDeps = {
    ...inMemoryPeopleStores(audit),
    commonPasswords: commonPasswordList(),
    passwords: scryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 }),
    secrets: {
      id: () => `id${String((counter += 1)).padStart(10, '0')}`,
      secret: () => `secret-${String((counter += 1)).padStart(30, '0')}`,
      password: () => `generated-password-${String((counter += 1))}`,
    },
    clock,
    audit,
    sha256: testSha256,
  };
  return { deps, clock, audit };
}

/**
 * Adds an organisation of `kind` with one user holding `roles`; the password is `correct horse
 * battery`, and (unlike a password an operator sets) it need not be changed at first sign-in.
 */
export async function seedUser(
  deps: PeopleDeps,
  username: string,
  roles: readonly Role[],
  kind: 'exporter' | 'licensing-authority' | 'partner-authority' = 'licensing-authority',
): Promise<{ readonly organisationId: string; readonly userId: string }> {
  const organisation = await addOrganisation(
    deps,
    { actor: 'test' },
    {
      name: `${username} org`,
      kind,
      country: 'GB',
    },
  );
  if (!organisation.ok) throw new Error(organisation.error.message);
  const user = await addUser(
    deps,
    { actor: 'test' },
    {
      username,
      organisationId: organisation.value.id,
      roles,
      password: 'correct horse battery',
    },
  );
  if (!user.ok) throw new Error(user.error.message);
  await deps.credentials.setPassword(
    user.value.user.id,
    await deps.passwords.hash('correct horse battery'),
    { mustChange: false },
  );
  return { organisationId: organisation.value.id, userId: user.value.user.id };
}
