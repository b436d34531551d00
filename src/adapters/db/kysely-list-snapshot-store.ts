import { sql, type Kysely } from 'kysely';
import type {
  ActiveSnapshot,
  EntryPage,
  ListSnapshotStore,
} from '../../application/ports/list-snapshot-store.ts';
import { primaryName, type ListedParty } from '../../domain/lists/listed-party.ts';
import type {
  ListSnapshot,
  SnapshotFile,
  SnapshotProblem,
} from '../../domain/lists/list-snapshot.ts';
import type { Database } from './schema.ts';

/** Rows per insert statement: large enough to be fast, small enough for PGlite's memory. */
const insertBatchSize = 500;

/** `ListSnapshotStore` on Kysely: the same SQL on PGlite and PostgreSQL. */
export function kyselyListSnapshotStore(db: Kysely<Database>): ListSnapshotStore {
  const snapshotColumns = [
    'id',
    'source',
    sql<string>`to_char(data_date, 'YYYY-MM-DD')`.as('data_date'),
    'imported_at',
    'content_hash',
    'files',
    'entry_count',
    'skipped_count',
    'problems',
    'importer_version',
    'provenance',
  ] as const;
  const selectSnapshots = () => db.selectFrom('list_snapshot').select(snapshotColumns);

  return {
    async saveAndActivate(snapshot, entries) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('list_snapshot')
          .values({
            id: snapshot.id,
            source: snapshot.source,
            data_date: snapshot.dataDate,
            imported_at: snapshot.importedAt,
            content_hash: snapshot.contentHash,
            files: JSON.stringify(snapshot.files),
            entry_count: snapshot.entryCount,
            skipped_count: snapshot.skippedCount,
            problems: JSON.stringify(snapshot.problems),
            importer_version: snapshot.importerVersion,
            provenance: snapshot.provenance,
          })
          .execute();
        for (let start = 0; start < entries.length; start += insertBatchSize) {
          await trx
            .insertInto('list_entry')
            .values(
              entries.slice(start, start + insertBatchSize).map((party) => ({
                snapshot_id: snapshot.id,
                entity_id: party.entityId,
                primary_name: primaryName(party),
                search_text: party.names.map((n) => n.value.toLowerCase()).join('\n'),
                record: JSON.stringify(party),
              })),
            )
            .execute();
        }
        await activateIn(trx, snapshot.source, snapshot.id);
      });
    },

    async activate(snapshotId) {
      const snapshot = await db
        .selectFrom('list_snapshot')
        .select(['id', 'source'])
        .where('id', '=', snapshotId)
        .executeTakeFirst();
      if (snapshot === undefined) return false;
      await activateIn(db, snapshot.source, snapshot.id);
      return true;
    },

    async findByContentHash(source, contentHash) {
      const row = await selectSnapshots()
        .where('source', '=', source)
        .where('content_hash', '=', contentHash)
        .executeTakeFirst();
      return row && toSnapshot(row);
    },

    async getSnapshot(snapshotId) {
      const row = await selectSnapshots().where('id', '=', snapshotId).executeTakeFirst();
      return row && toSnapshot(row);
    },

    async listSnapshots(source) {
      let query = selectSnapshots()
        .orderBy('imported_at', 'desc')
        .orderBy(sql`id collate "C"`);
      if (source !== undefined) query = query.where('source', '=', source);
      return (await query.execute()).map(toSnapshot);
    },

    async activeSnapshots(): Promise<readonly ActiveSnapshot[]> {
      const rows = await db
        .selectFrom('list_source_state')
        .innerJoin('list_snapshot', 'list_snapshot.id', 'list_source_state.active_snapshot_id')
        .select([
          'list_snapshot.id',
          'list_snapshot.source',
          sql<string>`to_char(list_snapshot.data_date, 'YYYY-MM-DD')`.as('data_date'),
          'list_snapshot.imported_at',
          'list_snapshot.content_hash',
          'list_snapshot.files',
          'list_snapshot.entry_count',
          'list_snapshot.skipped_count',
          'list_snapshot.problems',
          'list_snapshot.importer_version',
          'list_snapshot.provenance',
          'list_source_state.activated_at',
        ])
        .orderBy('list_snapshot.source')
        .execute();
      return rows.map((row) => ({
        source: row.source,
        snapshot: toSnapshot(row),
        activatedAt: row.activated_at,
      }));
    },

    async entries(snapshotId) {
      const rows = await db
        .selectFrom('list_entry')
        .select('record')
        .where('snapshot_id', '=', snapshotId)
        .orderBy(sql`entity_id collate "C"`)
        .execute();
      return rows.map((row) => row.record as ListedParty);
    },

    async browse(snapshotId, query, page): Promise<EntryPage> {
      let base = db.selectFrom('list_entry').where('snapshot_id', '=', snapshotId);
      const text = query?.trim().toLowerCase();
      if (text) base = base.where('search_text', 'like', `%${escapeLike(text)}%`);
      const [count, rows] = await Promise.all([
        base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
        base
          .select('record')
          .orderBy(sql`primary_name collate "C"`)
          .orderBy(sql`entity_id collate "C"`)
          .offset(page.offset)
          .limit(page.limit)
          .execute(),
      ]);
      return { total: Number(count.total), entries: rows.map((row) => row.record as ListedParty) };
    },
  };
}

async function activateIn(db: Kysely<Database>, source: string, snapshotId: string) {
  const now = new Date();
  await db
    .insertInto('list_source_state')
    .values({ source, active_snapshot_id: snapshotId, activated_at: now })
    .onConflict((oc) =>
      oc.column('source').doUpdateSet({ active_snapshot_id: snapshotId, activated_at: now }),
    )
    .execute();
}

interface SnapshotRow {
  id: string;
  source: string;
  data_date: string;
  imported_at: Date;
  content_hash: string;
  files: unknown;
  entry_count: number;
  skipped_count: number;
  problems: unknown;
  importer_version: string;
  provenance: string;
}

const toSnapshot = (row: SnapshotRow): ListSnapshot => ({
  id: row.id,
  source: row.source,
  dataDate: row.data_date,
  importedAt: row.imported_at,
  contentHash: row.content_hash,
  files: row.files as SnapshotFile[],
  entryCount: row.entry_count,
  skippedCount: row.skipped_count,
  problems: row.problems as SnapshotProblem[],
  importerVersion: row.importer_version,
  provenance: row.provenance,
});

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
