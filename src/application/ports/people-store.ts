import type { Role } from '../../domain/people/role.ts';
import type { ApiToken, Credentials, Organisation, User } from '../../domain/people/people.ts';

export interface StoredSession {
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** Organisations, users, API tokens and sessions. Secrets are stored only as hashes. */
export interface PeopleStore {
  countUsers(): Promise<number>;
  addOrganisation(organisation: Organisation): Promise<void>;
  listOrganisations(): Promise<readonly Organisation[]>;
  getOrganisation(id: string): Promise<Organisation | undefined>;
  /** Adds a user; false when the username is taken. */
  addUser(user: User, passwordHash: string | null): Promise<boolean>;
  listUsers(): Promise<readonly User[]>;
  getUser(id: string): Promise<User | undefined>;
  findCredentials(username: string): Promise<Credentials | undefined>;
  /** False when no such user exists. */
  setDisabled(username: string, disabled: boolean): Promise<boolean>;
  setRoles(username: string, roles: readonly Role[]): Promise<boolean>;
  addToken(token: ApiToken, secretHash: string): Promise<void>;
  findToken(
    id: string,
  ): Promise<{ readonly token: ApiToken; readonly secretHash: string } | undefined>;
  listTokens(userId?: string): Promise<readonly ApiToken[]>;
  /** False when no such token exists or it was already revoked. */
  revokeToken(id: string, at: Date): Promise<boolean>;
  addSession(idHash: string, session: StoredSession): Promise<void>;
  findSession(idHash: string): Promise<StoredSession | undefined>;
  deleteSession(idHash: string): Promise<void>;
}
