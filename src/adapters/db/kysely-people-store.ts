import type { Kysely, Selectable } from 'kysely';
import type { PeopleStore } from '../../application/ports/people-store.ts';
import type { ApiToken, OrganisationKind, User } from '../../domain/people/people.ts';
import type { Role } from '../../domain/people/role.ts';
import type { ApiTokenTable, AppUserTable, Database } from './schema.ts';

const toUser = (row: Selectable<AppUserTable>): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  organisationId: row.organisation_id,
  roles: row.roles as Role[],
  disabled: row.disabled,
  createdAt: row.created_at,
  mustChangePassword: row.must_change_password,
});

const toToken = (row: Selectable<ApiTokenTable>): ApiToken => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  scopes: row.scopes as Role[],
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

/** `PeopleStore` on Kysely: the same SQL on PGlite and PostgreSQL. */
export function kyselyPeopleStore(db: Kysely<Database>): PeopleStore {
  return {
    async countUsers() {
      const row = await db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async addOrganisation(organisation) {
      await db
        .insertInto('organisation')
        .values({
          id: organisation.id,
          name: organisation.name,
          kind: organisation.kind,
          country: organisation.country,
          created_at: organisation.createdAt,
        })
        .execute();
    },
    async listOrganisations() {
      const rows = await db.selectFrom('organisation').selectAll().orderBy('created_at').execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind as OrganisationKind,
        country: row.country,
        createdAt: row.created_at,
      }));
    },
    async getOrganisation(id) {
      const row = await db
        .selectFrom('organisation')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          name: row.name,
          kind: row.kind as OrganisationKind,
          country: row.country,
          createdAt: row.created_at,
        }
      );
    },
    async addUser(user, passwordHash) {
      const inserted = await db
        .insertInto('app_user')
        .values({
          id: user.id,
          username: user.username,
          display_name: user.displayName,
          organisation_id: user.organisationId,
          roles: JSON.stringify(user.roles),
          password_hash: passwordHash,
          disabled: user.disabled,
          locked_until: null,
          created_at: user.createdAt,
          must_change_password: user.mustChangePassword,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .executeTakeFirst();
      return inserted.numInsertedOrUpdatedRows === 1n;
    },
    async listUsers() {
      const rows = await db.selectFrom('app_user').selectAll().orderBy('username').execute();
      return rows.map(toUser);
    },
    async getUser(id) {
      const row = await db
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toUser(row);
    },
    async findCredentials(username) {
      const row = await db
        .selectFrom('app_user')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return (
        row && {
          user: toUser(row),
          passwordHash: row.password_hash,
        }
      );
    },
    async setDisabled(username, disabled) {
      const result = await db
        .updateTable('app_user')
        .set({ disabled })
        .where('username', '=', username)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async setRoles(username, roles) {
      const result = await db
        .updateTable('app_user')
        .set({ roles: JSON.stringify(roles) })
        .where('username', '=', username)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async addToken(token, secretHash) {
      await db
        .insertInto('api_token')
        .values({
          id: token.id,
          user_id: token.userId,
          name: token.name,
          scopes: JSON.stringify(token.scopes),
          secret_hash: secretHash,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
          revoked_at: token.revokedAt,
        })
        .execute();
    },
    async findToken(id) {
      const row = await db
        .selectFrom('api_token')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { token: toToken(row), secretHash: row.secret_hash };
    },
    async listTokens(userId) {
      let query = db.selectFrom('api_token').selectAll().orderBy('created_at');
      if (userId !== undefined) query = query.where('user_id', '=', userId);
      return (await query.execute()).map(toToken);
    },
    async revokeToken(id, at) {
      const result = await db
        .updateTable('api_token')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async addSession(idHash, session) {
      await db
        .insertInto('web_session')
        .values({
          id_hash: idHash,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },
    async findSession(idHash) {
      const row = await db
        .selectFrom('web_session')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      return (
        row && {
          userId: row.user_id,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    },
    async deleteSession(idHash) {
      await db.deleteFrom('web_session').where('id_hash', '=', idHash).execute();
    },
  };
}
