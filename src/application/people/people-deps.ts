import type { AuditLog } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { CredentialStore } from '../ports/credential-store.ts';
import type { GrantStore } from '../ports/grant-store.ts';
import type { LoginFailureStore } from '../ports/login-failure-store.ts';
import type { PeopleStore } from '../ports/people-store.ts';
import type { SecretGenerator } from '../ports/secret-generator.ts';

/** What the people use cases need. */
export interface PeopleDeps {
  readonly store: PeopleStore;
  readonly credentials: CredentialStore;
  /** Grants that take two administrators. */
  readonly grants: GrantStore;
  /** Sign-in failures per account and client address (the back-off). */
  readonly loginFailures: LoginFailureStore;
  /** The shipped list of common and breached passwords, lower case (data/security). */
  readonly commonPasswords: ReadonlySet<string>;
  readonly passwords: PasswordHasher;
  readonly secrets: SecretGenerator;
  readonly clock: Clock;
  readonly audit: AuditLog;
  /** SHA-256 hex of a string: session ids and token secrets are stored only as hashes. */
  readonly sha256: (text: string) => string;
}

/** Who performs an administrative action, for the audit trail (`user:<name>` or `cli:<os user>`). */
export interface Actor {
  readonly actor: string;
  readonly requestId?: string | undefined;
}
