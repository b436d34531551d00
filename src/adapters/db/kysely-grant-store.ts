import type { Kysely, Selectable } from 'kysely';
import type { GrantStore } from '../../application/ports/grant-store.ts';
import type { GrantKind, GrantRequest } from '../../domain/people/grant-request.ts';
import type { Role } from '../../domain/people/role.ts';
import type { Clock } from '../../application/ports/clock.ts';
import { appendAuditEntry } from './kysely-audit-log.ts';
import type { Database, GrantRequestTable } from './schema.ts';

const toRequest = (row: Selectable<GrantRequestTable>): GrantRequest => ({
  id: row.id,
  kind: row.kind as GrantKind,
  username: row.username,
  ...(row.organisation_id === null ? {} : { organisationId: row.organisation_id }),
  ...(row.display_name === null ? {} : { displayName: row.display_name }),
  roles: row.roles as Role[],
  reason: row.reason,
  requestedBy: { userId: row.requested_by_user_id, username: row.requested_by },
  requestedAt: row.requested_at,
  expiresAt: row.expires_at,
  status: row.status as GrantRequest['status'],
  ...(row.decided_by_user_id === null || row.decided_by === null
    ? {}
    : { decidedBy: { userId: row.decided_by_user_id, username: row.decided_by } }),
  ...(row.decided_at === null ? {} : { decidedAt: row.decided_at }),
  ...(row.requester_half_hash === null ? {} : { requesterHalfHash: row.requester_half_hash }),
});

/** `GrantStore` on Kysely: a decision, its effect and its audit entry commit together or not at all. */
export function kyselyGrantStore(
  db: Kysely<Database>,
  clock: Clock,
  sha256: (text: string) => string,
): GrantStore {
  return {
    async addRequest(request, audit) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('grant_request')
          .values({
            id: request.id,
            kind: request.kind,
            username: request.username,
            organisation_id: request.organisationId ?? null,
            display_name: request.displayName ?? null,
            roles: JSON.stringify(request.roles),
            reason: request.reason,
            requested_by_user_id: request.requestedBy.userId,
            requested_by: request.requestedBy.username,
            requested_at: request.requestedAt,
            expires_at: request.expiresAt,
            status: request.status,
            decided_by_user_id: null,
            decided_by: null,
            decided_at: null,
            requester_half_hash: request.requesterHalfHash ?? null,
          })
          .execute();
        await appendAuditEntry(trx, audit, clock.now(), sha256);
      });
    },
    async getRequest(id) {
      const row = await db
        .selectFrom('grant_request')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRequest(row);
    },
    async listRequests() {
      const rows = await db
        .selectFrom('grant_request')
        .selectAll()
        .orderBy('requested_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toRequest);
    },
    async decide(id, decision, effect, audit) {
      return db
        .transaction()
        .execute(async (trx) => {
          const updated = await trx
            .updateTable('grant_request')
            .set({
              status: decision.status,
              decided_by_user_id: decision.decidedBy?.userId ?? null,
              decided_by: decision.decidedBy?.username ?? null,
              decided_at: decision.decidedAt ?? null,
            })
            .where('id', '=', id)
            .where('status', '=', 'pending')
            .executeTakeFirst();
          if (updated.numUpdatedRows !== 1n) return false;
          if (effect?.kind === 'add-user') {
            const inserted = await trx
              .insertInto('app_user')
              .values({
                id: effect.user.id,
                username: effect.user.username,
                display_name: effect.user.displayName,
                organisation_id: effect.user.organisationId,
                roles: JSON.stringify(effect.user.roles),
                password_hash: null,
                disabled: false,
                locked_until: null,
                created_at: effect.user.createdAt,
                must_change_password: false,
              })
              .onConflict((oc) => oc.column('username').doNothing())
              .executeTakeFirst();
            // Taken meanwhile: roll the decision back with everything else.
            if (inserted.numInsertedOrUpdatedRows !== 1n) throw new UsernameTaken();
          }
          if (effect?.kind === 'add-roles') {
            await trx
              .updateTable('app_user')
              .set({ roles: JSON.stringify(effect.roles) })
              .where('id', '=', effect.userId)
              .execute();
          }
          if (effect?.kind === 'add-user' || effect?.kind === 'reset-credentials') {
            const e = effect.enrolment;
            await trx
              .insertInto('enrolment')
              .values({
                user_id: e.userId,
                requester_half_hash: e.requesterHalfHash,
                approver_half_hash: e.approverHalfHash,
                expires_at: e.expiresAt,
              })
              .onConflict((oc) =>
                oc.column('user_id').doUpdateSet({
                  requester_half_hash: e.requesterHalfHash,
                  approver_half_hash: e.approverHalfHash,
                  expires_at: e.expiresAt,
                }),
              )
              .execute();
          }
          await appendAuditEntry(trx, audit, clock.now(), sha256);
          return true;
        })
        .catch((error: unknown) => {
          if (error instanceof UsernameTaken) return false;
          throw error;
        });
    },
  };
}

class UsernameTaken extends Error {
  constructor() {
    super('the username was taken meanwhile');
  }
}
