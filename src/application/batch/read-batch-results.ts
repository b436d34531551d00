import type { BatchResultStore, StoredRowResult } from './batch-store.ts';

/**
 * Every stored result of a batch in row order, read a page at a time (a batch of millions of rows
 * is never held in memory). Rows not screened yet are simply absent.
 *
 * @example
 * for await (const { row, item } of readBatchResults(store, batchId)) out.write(JSON.stringify(item))
 */
export async function* readBatchResults(
  store: BatchResultStore,
  batchId: string,
  pageSize = 2_000,
): AsyncGenerator<StoredRowResult> {
  let after = -1;
  for (;;) {
    const page = await store.results(batchId, after, pageSize);
    for (const result of page) yield result;
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) return;
    after = last.row;
  }
}
