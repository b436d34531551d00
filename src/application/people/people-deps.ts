import type { AuditLog } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { PeopleStore } from '../ports/people-store.ts';
import type { SecretGenerator } from '../ports/secret-generator.ts';

/** What the people use cases need. */
export interface PeopleDeps {
  readonly store: PeopleStore;
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
