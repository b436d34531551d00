import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** When the store was created and by which version; written once, on the first migration. */
export interface InstanceRecord {
  readonly createdAt: Date;
  readonly createdByVersion: string;
}

/** Writes the store's instance record if it has none yet, and returns it. */
export async function ensureInstanceRecord(
  db: Kysely<Database>,
  codeVersion: string,
): Promise<InstanceRecord> {
  const existing = await readInstanceRecord(db);
  if (existing) return existing;
  const row = await db
    .insertInto('cordon_instance')
    .values({ created_by_version: codeVersion })
    .returning(['created_at', 'created_by_version'])
    .executeTakeFirstOrThrow();
  return { createdAt: row.created_at, createdByVersion: row.created_by_version };
}

/** Reads the instance record, `undefined` on a store that was never initialised. */
export async function readInstanceRecord(
  db: Kysely<Database>,
): Promise<InstanceRecord | undefined> {
  const row = await db
    .selectFrom('cordon_instance')
    .select(['created_at', 'created_by_version'])
    .orderBy('id')
    .executeTakeFirst();
  return row && { createdAt: row.created_at, createdByVersion: row.created_by_version };
}
