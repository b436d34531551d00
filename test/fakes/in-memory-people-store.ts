import type { PeopleStore, StoredSession } from '../../src/application/ports/people-store.ts';
import type { ApiToken, Credentials, Organisation } from '../../src/domain/people/people.ts';

/** `PeopleStore` in memory, for use-case and HTTP tests. */
export function inMemoryPeopleStore(): PeopleStore {
  const organisations = new Map<string, Organisation>();
  const users = new Map<string, Credentials>(); // by username
  const tokens = new Map<string, { token: ApiToken; secretHash: string }>();
  const sessions = new Map<string, StoredSession>();
  const byId = (id: string) => [...users.values()].find((c) => c.user.id === id);
  const update = (username: string, change: (c: Credentials) => Credentials): boolean => {
    const current = users.get(username);
    if (current === undefined) return false;
    users.set(username, change(current));
    return true;
  };
  return {
    countUsers: () => Promise.resolve(users.size),
    addOrganisation(organisation) {
      organisations.set(organisation.id, organisation);
      return Promise.resolve();
    },
    listOrganisations: () => Promise.resolve([...organisations.values()]),
    getOrganisation: (id) => Promise.resolve(organisations.get(id)),
    addUser(user, passwordHash) {
      if (users.has(user.username)) return Promise.resolve(false);
      users.set(user.username, { user, passwordHash, failedAttempts: 0, lockedUntil: null });
      return Promise.resolve(true);
    },
    listUsers: () => Promise.resolve([...users.values()].map((c) => c.user)),
    getUser: (id) => Promise.resolve(byId(id)?.user),
    findCredentials: (username) => Promise.resolve(users.get(username)),
    recordLoginOutcome(userId, counters) {
      const found = byId(userId);
      if (found) update(found.user.username, (c) => ({ ...c, ...counters }));
      return Promise.resolve();
    },
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
}
