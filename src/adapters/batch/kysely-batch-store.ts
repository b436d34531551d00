import { sql, type Kysely } from 'kysely';
import type {
  BatchChunk,
  BatchStatus,
  BatchStore,
  StoredRowResult,
} from '../../application/batch/batch-store.ts';
import type { BatchItem, BatchRow } from '../../application/screening/screen-batch.ts';
import type { Database } from '../db/schema.ts';

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters.
const insertPage = 1_000;

/** `BatchStore` on the Cordon database (PostgreSQL in cluster mode; PGlite works too). */
export function kyselyBatchStore(db: Kysely<Database>): BatchStore {
  return {
    async createBatch(batch) {
      await db
        .insertInto('screening_batch')
        .values({
          id: batch.id,
          file_name: batch.fileName,
          status: 'submitting',
          row_count: 0,
          chunk_count: 0,
          match_limit: batch.matchLimit,
          submitted_at: batch.submittedAt,
          completed_at: null,
          standing: batch.standing === true,
        })
        .execute();
    },

    async previousRun(batchId) {
      const rerun = await db
        .selectFrom('screening_batch')
        .select(['rerun_of', 'submitted_at'])
        .where('id', '=', batchId)
        .executeTakeFirst();
      if (rerun?.rerun_of == null) return undefined;
      const standing = rerun.rerun_of;
      const previous = await db
        .selectFrom('screening_batch')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', standing), eb('rerun_of', '=', standing)]))
        .where('id', '!=', batchId)
        .where('submitted_at', '<=', rerun.submitted_at)
        .orderBy('submitted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return previous?.id;
    },

    async standingBatches() {
      const rows = await db
        .selectFrom('screening_batch')
        .select(['id', 'file_name', 'match_limit'])
        .where('standing', '=', true)
        .where('status', '!=', 'submitting')
        .orderBy('submitted_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, fileName: r.file_name, matchLimit: r.match_limit }));
    },

    async createRerun(rerun) {
      return db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('screening_batch')
          .values({
            id: rerun.id,
            file_name: rerun.of.fileName,
            status: 'queued',
            row_count: 0,
            chunk_count: 0,
            match_limit: rerun.of.matchLimit,
            submitted_at: rerun.submittedAt,
            completed_at: null,
            rerun_of: rerun.of.id,
            cause: rerun.cause,
            rerun_key: `${rerun.of.id}:${rerun.updateKey}`,
          })
          .onConflict((oc) => oc.column('rerun_key').doNothing())
          .executeTakeFirst();
        const key = `${rerun.of.id}:${rerun.updateKey}`;
        if (Number(created.numInsertedOrUpdatedRows ?? 0n) === 0) {
          // Started already (another instance, or an earlier attempt of this job): its chunks
          // not yet done are handed back, to be queued again (a chunk is stored once anyway).
          const existing = await trx
            .selectFrom('screening_batch')
            .select(['id', 'row_count'])
            .where('rerun_key', '=', key)
            .executeTakeFirstOrThrow();
          const pending = await trx
            .selectFrom('screening_batch_chunk')
            .select('chunk')
            .where('batch_id', '=', existing.id)
            .where('status', '!=', 'done')
            .orderBy('chunk')
            .execute();
          return {
            batchId: existing.id,
            created: false,
            rows: existing.row_count,
            pendingChunks: pending.map((c) => c.chunk),
          };
        }
        // The rows are copied inside the database: a customer list of millions never passes
        // through this process.
        await sql`
          insert into screening_batch_chunk
            (batch_id, chunk, first_row, row_count, rows, status, attempts, last_error, snapshot, completed_at)
          select ${rerun.id}, chunk, first_row, row_count, rows, 'pending', 0, null, null, null
          from screening_batch_chunk where batch_id = ${rerun.of.id}`.execute(trx);
        const chunks = await trx
          .selectFrom('screening_batch_chunk')
          .select(['chunk', 'row_count'])
          .where('batch_id', '=', rerun.id)
          .orderBy('chunk')
          .execute();
        const rows = chunks.reduce((sum, c) => sum + c.row_count, 0);
        await trx
          .updateTable('screening_batch')
          .set({ row_count: rows, chunk_count: chunks.length })
          .where('id', '=', rerun.id)
          .execute();
        return {
          batchId: rerun.id,
          created: true,
          rows,
          pendingChunks: chunks.map((c) => c.chunk),
        };
      });
    },

    async addChunks(chunks: readonly BatchChunk[]) {
      if (chunks.length === 0) return;
      await db
        .insertInto('screening_batch_chunk')
        .values(
          chunks.map((c) => ({
            batch_id: c.batchId,
            chunk: c.chunk,
            first_row: c.firstRow,
            row_count: c.rows.length,
            rows: JSON.stringify(c.rows),
            status: 'pending',
            last_error: null,
            snapshot: null,
            completed_at: null,
          })),
        )
        .execute();
    },

    async sealBatch(batchId, totals) {
      await db
        .updateTable('screening_batch')
        .set({ status: 'queued', row_count: totals.rows, chunk_count: totals.chunks })
        .where('id', '=', batchId)
        .execute();
    },

    async deleteBatch(batchId) {
      await db.deleteFrom('screening_batch').where('id', '=', batchId).execute();
    },

    async chunk(batchId, chunk) {
      const row = await db
        .selectFrom('screening_batch_chunk as c')
        .innerJoin('screening_batch as b', 'b.id', 'c.batch_id')
        .select([
          'c.batch_id',
          'c.chunk',
          'c.first_row',
          'c.rows',
          'c.status',
          'b.match_limit',
          'b.rerun_key',
        ])
        .where('c.batch_id', '=', batchId)
        .where('c.chunk', '=', chunk)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        batchId: row.batch_id,
        chunk: row.chunk,
        firstRow: row.first_row,
        rows: JSON.parse(row.rows) as BatchRow[],
        done: row.status === 'done',
        matchLimit: row.match_limit,
        // rerun_key is `<standing batch>:<update key>`, the update key the sorted snapshot ids.
        ...(row.rerun_key !== null
          ? {
              expectedSnapshots: row.rerun_key
                .slice(row.rerun_key.indexOf(':') + 1)
                .split(',')
                .filter((id) => id !== ''),
            }
          : {}),
      };
    },

    async completeChunk(batchId, chunk, results, snapshot, at) {
      return db.transaction().execute(async (trx) => {
        // One chunk completes at a time per batch, so exactly one of them sees the batch finished.
        await trx
          .selectFrom('screening_batch')
          .select('id')
          .where('id', '=', batchId)
          .forUpdate()
          .execute();
        let inserted = 0;
        for (let start = 0; start < results.length; start += insertPage) {
          const page = results.slice(start, start + insertPage);
          const outcome = await trx
            .insertInto('screening_batch_result')
            .values(page.map((r) => resultRow(batchId, r)))
            .onConflict((oc) => oc.columns(['batch_id', 'row']).doNothing())
            .executeTakeFirst();
          inserted += Number(outcome.numInsertedOrUpdatedRows ?? 0n);
        }
        await trx
          .updateTable('screening_batch_chunk')
          .set((eb) => ({
            status: 'done',
            snapshot: JSON.stringify(snapshot),
            completed_at: at,
            attempts: eb('attempts', '+', 1),
          }))
          .where('batch_id', '=', batchId)
          .where('chunk', '=', chunk)
          .execute();
        await trx
          .updateTable('screening_batch')
          .set({ status: 'done', completed_at: at })
          .where('id', '=', batchId)
          .where('status', '=', 'queued')
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('screening_batch_chunk')
                  .select('chunk')
                  .where('batch_id', '=', batchId)
                  .where('status', '!=', 'done'),
              ),
            ),
          )
          .execute();
        return { inserted };
      });
    },

    async recordChunkFailure(batchId, chunk, error) {
      await db
        .updateTable('screening_batch_chunk')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2_000) }))
        .where('batch_id', '=', batchId)
        .where('chunk', '=', chunk)
        .execute();
    },

    async status(batchId): Promise<BatchStatus | undefined> {
      const batch = await db
        .selectFrom('screening_batch')
        .selectAll()
        .where('id', '=', batchId)
        .executeTakeFirst();
      if (batch === undefined) return undefined;
      const chunks = await db
        .selectFrom('screening_batch_chunk')
        .select([
          sql<string>`count(*) filter (where status = 'done')`.as('chunks_done'),
          sql<string>`coalesce(sum(row_count) filter (where status = 'done'), 0)`.as('rows_done'),
        ])
        .where('batch_id', '=', batchId)
        .executeTakeFirstOrThrow();
      const results = await db
        .selectFrom('screening_batch_result')
        .select([
          sql<string>`count(*) filter (where outcome = 'rejected')`.as('rejected'),
          sql<string>`count(*) filter (where match_count > 0)`.as('with_matches'),
          sql<string>`count(*) filter (where strong)`.as('strong'),
        ])
        .where('batch_id', '=', batchId)
        .executeTakeFirstOrThrow();
      const failing = await db
        .selectFrom('screening_batch_chunk')
        .select(['chunk', 'attempts', 'last_error'])
        .where('batch_id', '=', batchId)
        .where('status', '!=', 'done')
        .where('last_error', 'is not', null)
        .orderBy('chunk')
        .limit(20)
        .execute();
      const reruns = batch.standing
        ? await db
            .selectFrom('screening_batch')
            .select(['id', 'cause', 'status', 'submitted_at'])
            .where('rerun_of', '=', batchId)
            .orderBy('submitted_at', 'desc')
            .orderBy('id', 'desc')
            .limit(20)
            .execute()
        : [];
      return {
        id: batch.id,
        fileName: batch.file_name,
        status: batch.status as BatchStatus['status'],
        submittedAt: batch.submitted_at,
        completedAt: batch.completed_at ?? undefined,
        standing: batch.standing,
        ...(batch.rerun_of !== null
          ? { rerun: { of: batch.rerun_of, cause: batch.cause ?? '' } }
          : {}),
        reruns: reruns.map((r) => ({
          id: r.id,
          cause: r.cause ?? '',
          status: r.status as BatchStatus['status'],
          submittedAt: r.submitted_at,
        })),
        rows: batch.row_count,
        chunks: batch.chunk_count,
        chunksDone: Number(chunks.chunks_done),
        rowsDone: Number(chunks.rows_done),
        rowsRejected: Number(results.rejected),
        rowsWithMatches: Number(results.with_matches),
        rowsWithStrongMatches: Number(results.strong),
        failingChunks: failing.map((f) => ({
          chunk: f.chunk,
          attempts: f.attempts,
          error: f.last_error ?? '',
        })),
      };
    },

    async results(batchId, afterRow, limit) {
      const rows = await db
        .selectFrom('screening_batch_result')
        .select(['row', 'result'])
        .where('batch_id', '=', batchId)
        .where('row', '>', afterRow)
        .orderBy('row')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ row: r.row, item: JSON.parse(r.result) as BatchItem }));
    },
  };
}

function resultRow(batchId: string, result: StoredRowResult) {
  const { item } = result;
  const matches = item.kind === 'screened' ? item.matches : [];
  return {
    batch_id: batchId,
    row: result.row,
    outcome: item.kind,
    match_count: matches.length,
    strong: matches.some((m) => m.band === 'strong'),
    result: JSON.stringify(item),
  };
}
