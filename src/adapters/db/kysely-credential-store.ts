import type { Kysely } from 'kysely';
import type { CredentialStore } from '../../application/ports/credential-store.ts';
import type { Database } from './schema.ts';

/** `CredentialStore` on Kysely: a new password, the used-up enrolment and ended sessions commit together. */
export function kyselyCredentialStore(db: Kysely<Database>): CredentialStore {
  return {
    async setPassword(userId, passwordHash, options) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('app_user')
          .set({ password_hash: passwordHash, must_change_password: options.mustChange })
          .where('id', '=', userId)
          .execute();
        await trx.deleteFrom('enrolment').where('user_id', '=', userId).execute();
        let sessions = trx.deleteFrom('web_session').where('user_id', '=', userId);
        if (options.keepSessionHash !== undefined) {
          sessions = sessions.where('id_hash', '<>', options.keepSessionHash);
        }
        await sessions.execute();
      });
    },
    async findEnrolment(userId) {
      const row = await db
        .selectFrom('enrolment')
        .selectAll()
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return (
        row && {
          userId: row.user_id,
          requesterHalfHash: row.requester_half_hash,
          approverHalfHash: row.approver_half_hash,
          expiresAt: row.expires_at,
        }
      );
    },
  };
}
