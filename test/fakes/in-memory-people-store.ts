import type { AuditLog } from '../../src/application/ports/audit-log.ts';
import type { CredentialStore } from '../../src/application/ports/credential-store.ts';
import type { GrantStore } from '../../src/application/ports/grant-store.ts';
import type { LoginFailureStore } from '../../src/application/ports/login-failure-store.ts';
import type { PeopleStore, StoredSession } from '../../src/application/ports/people-store.ts';
import type { Enrolment, GrantRequest } from '../../src/domain/people/grant-request.ts';
import type { LoginFailures } from '../../src/domain/people/login-throttle.ts';
import type { ApiToken, Credentials, Organisation } from '../../src/domain/people/people.ts';

/** `PeopleStore`, `CredentialStore`, `GrantStore` and `LoginFailureStore` in memory, sharing one set of users. */
export function inMemoryPeopleStores(audit: AuditLog): {
  readonly store: PeopleStore;
  readonly credentials: CredentialStore;
  readonly grants: GrantStore;
  readonly loginFailures: LoginFailureStore;
} {
  const organisations = new Map<string, Organisation>();
  const users = new Map<string, Credentials>(); // by username
  const tokens = new Map<string, { token: ApiToken; secretHash: string }>();
  const sessions = new Map<string, StoredSession>();
  const enrolments = new Map<string, Enrolment>();
  const requests = new Map<string, GrantRequest>();
  const failures = new Map<string, LoginFailures>();
  const byId = (id: string) => [...users.values()].find((c) => c.user.id === id);
  const update = (username: string, change: (c: Credentials) => Credentials): boolean => {
    const current = users.get(username);
    if (current === undefined) return false;
    users.set(username, change(current));
    return true;
  };
  const store: PeopleStore = {
    countUsers: () => Promise.resolve(users.size),
    addOrganisation(organisation) {
      organisations.set(organisation.id, organisation);
      return Promise.resolve();
    },
    listOrganisations: () => Promise.resolve([...organisations.values()]),
    getOrganisation: (id) => Promise.resolve(organisations.get(id)),
    addUser(user, passwordHash) {
      if (users.has(user.username)) return Promise.resolve(false);
      users.set(user.username, { user, passwordHash });
      return Promise.resolve(true);
    },
    listUsers: () => Promise.resolve([...users.values()].map((c) => c.user)),
    getUser: (id) => Promise.resolve(byId(id)?.user),
    findCredentials: (username) => Promise.resolve(users.get(username)),
    setDisabled: (username, disabled) =>
      Promise.resolve(update(username, (c) => ({ ...c, user: { ...c.user, disabled } }))),
    setRoles: (username, roles) =>
      Promise.resolve(update(username, (c) => ({ ...c, user: { ...c.user, roles } }))),
    addToken(token, secretHash) {
      tokens.set(token.id, { token, secretHash });
      return Promise.resolve();
    },
    findToken: (id) => Promise.resolve(tokens.get(id)),
    listTokens: (userId) =>
      Promise.resolve(
        [...tokens.values()]
          .map((t) => t.token)
          .filter((t) => userId === undefined || t.userId === userId),
      ),
    revokeToken(id, at) {
      const stored = tokens.get(id);
      if (stored === undefined || stored.token.revokedAt !== null) return Promise.resolve(false);
      tokens.set(id, { ...stored, token: { ...stored.token, revokedAt: at } });
      return Promise.resolve(true);
    },
    addSession(idHash, session) {
      sessions.set(idHash, session);
      return Promise.resolve();
    },
    findSession: (idHash) => Promise.resolve(sessions.get(idHash)),
    deleteSession(idHash) {
      sessions.delete(idHash);
      return Promise.resolve();
    },
  };
  const credentials: CredentialStore = {
    setPassword(userId, passwordHash, options) {
      const found = byId(userId);
      if (found) {
        update(found.user.username, (c) => ({
          passwordHash,
          user: { ...c.user, mustChangePassword: options.mustChange },
        }));
      }
      enrolments.delete(userId);
      for (const [hash, session] of sessions) {
        if (session.userId === userId && hash !== options.keepSessionHash) sessions.delete(hash);
      }
      return Promise.resolve();
    },
    findEnrolment: (userId) => Promise.resolve(enrolments.get(userId)),
  };
  const grants: GrantStore = {
    async addRequest(request, event) {
      requests.set(request.id, request);
      await audit.append(event);
    },
    getRequest: (id) => Promise.resolve(requests.get(id)),
    listRequests: () =>
      Promise.resolve(
        [...requests.values()].sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime()),
      ),
    async decide(id, decision, effect, event) {
      const request = requests.get(id);
      if (request?.status !== 'pending') return false;
      if (effect?.kind === 'add-user') {
        if (users.has(effect.user.username)) return false;
        users.set(effect.user.username, { user: effect.user, passwordHash: null });
      }
      if (effect?.kind === 'add-roles') {
        const found = byId(effect.userId);
        if (found)
          update(found.user.username, (c) => ({ ...c, user: { ...c.user, roles: effect.roles } }));
      }
      if (effect?.kind === 'add-user' || effect?.kind === 'reset-credentials') {
        enrolments.set(effect.enrolment.userId, effect.enrolment);
      }
      requests.set(id, { ...request, ...decision });
      await audit.append(event);
      return true;
    },
  };
  const loginFailures: LoginFailureStore = {
    failuresOf: (key) => Promise.resolve(failures.get(key)),
    recordFailure(key, at, forgetBefore) {
      const before = failures.get(key);
      const next = {
        failures:
          before === undefined || before.lastFailureAt < forgetBefore ? 1 : before.failures + 1,
        lastFailureAt: at,
      };
      failures.set(key, next);
      return Promise.resolve(next);
    },
    clear(key) {
      failures.delete(key);
      return Promise.resolve();
    },
  };
  return { store, credentials, grants, loginFailures };
}
