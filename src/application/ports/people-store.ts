import type { Role } from '../../domain/people/role.ts';
import type { ApiToken, Credentials, Organisation, User } from '../../domain/people/people.ts';

export interface StoredSession {
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** Organisations. */
export interface OrganisationStore {
  addOrganisation(organisation: Organisation): Promise<void>;
  listOrganisations(): Promise<readonly Organisation[]>;
  getOrganisation(id: string): Promise<Organisation | undefined>;
}

/** Users with their roles and password hashes. */
export interface UserStore {
  countUsers(): Promise<number>;
  /** Adds a user; false when the username is taken. */
  addUser(user: User, passwordHash: string | null): Promise<boolean>;
  listUsers(): Promise<readonly User[]>;
  getUser(id: string): Promise<User | undefined>;
  findCredentials(username: string): Promise<Credentials | undefined>;
  /** False when no such user exists. */
  setDisabled(username: string, disabled: boolean): Promise<boolean>;
  setRoles(username: string, roles: readonly Role[]): Promise<boolean>;
}

/** API tokens; a token's secret is stored only as a hash. */
export interface ApiTokenStore {
  addToken(token: ApiToken, secretHash: string): Promise<void>;
  findToken(
    id: string,
  ): Promise<{ readonly token: ApiToken; readonly secretHash: string } | undefined>;
  listTokens(userId?: string): Promise<readonly ApiToken[]>;
  /** False when no such token exists or it was already revoked. */
  revokeToken(id: string, at: Date): Promise<boolean>;
}

/** Browser sessions, keyed by the hash of their id. */
export interface SessionStore {
  addSession(idHash: string, session: StoredSession): Promise<void>;
  findSession(idHash: string): Promise<StoredSession | undefined>;
  deleteSession(idHash: string): Promise<void>;
}

/**
 * Organisations, users, API tokens and sessions, every role at once as one database adapter (or
 * fake) provides them. Secrets are stored only as hashes.
 */
export type PeopleStore = OrganisationStore & UserStore & ApiTokenStore & SessionStore;
