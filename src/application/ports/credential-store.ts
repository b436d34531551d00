import type { Enrolment } from '../../domain/people/grant-request.ts';

/** Passwords and one-time enrolments of users. Passwords are stored only as hashes. */
export interface CredentialStore {
  /**
   * Sets a user's password hash in one transaction with what follows from it: the enrolment (if
   * any) is used up and every session of the user but `keepSessionHash` ends.
   */
  setPassword(
    userId: string,
    passwordHash: string,
    options: { readonly mustChange: boolean; readonly keepSessionHash?: string },
  ): Promise<void>;
  /** The user's pending enrolment, if any. */
  findEnrolment(userId: string): Promise<Enrolment | undefined>;
}
