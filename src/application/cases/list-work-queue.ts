import {
  workQueue,
  queueRow,
  type QueueQuery,
  type QueueRow,
} from '../../domain/licensing/work-queue.ts';
import type { Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';
import { listCases } from './list-cases.ts';

/**
 * The authority's work queue for its staff: every case they may see as a row with exporter,
 * destination, frozen risk, assignee and age, filtered and sorted as asked. Exporters get their own
 * applications elsewhere (`GET /v1/cases`), never the queue.
 */
export async function listWorkQueue(
  deps: CaseDepsOf<'casePolicy' | 'clock', CaseRecordStore>,
  principal: Principal,
  query: QueueQuery,
): Promise<Result<QueueRow[], CordonError>> {
  if (principal.organisationKind === 'exporter') {
    return err(cordonError('CORDON_FORBIDDEN', "The work queue is the authority's staff's."));
  }
  const now = deps.clock.now();
  const records = await listCases(deps, principal, {
    ...(query.stage === undefined ? {} : { stage: query.stage }),
    ...(query.queue === undefined ? {} : { queue: query.queue }),
  });
  const rows = records.map((r) =>
    queueRow(r.licenceCase, r.application, r.assessment?.humanRights.risk, now),
  );
  return ok(workQueue(rows, query, principal.userId));
}
