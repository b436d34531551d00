import { err, ok, type Result } from '../shared/result.ts';
import type { CaseStage } from './case-state.ts';
import type { TransitionRefusal } from './case-transitions.ts';
import type { Actor, LicenceCase } from './licence-case.ts';

/** One case as a row of an officer's work queue. */
export interface QueueRow {
  readonly id: string;
  readonly reference: string;
  readonly jurisdiction: string;
  readonly stage: CaseStage;
  readonly version: number;
  readonly queue?: string;
  readonly exporter: string;
  readonly destination: string;
  /** The frozen assessment's human-rights risk (`low`, `medium`, `high`, `unacceptable`), or `unknown` before it. */
  readonly risk: string;
  readonly automatedOutcome?: string;
  readonly assignee?: { readonly userId: string; readonly name: string };
  /** When the case entered the authority's hands (submission), else when it was created. */
  readonly since: Date;
  /** Whole days since `since`. */
  readonly ageDays: number;
}

export const queueSortKeys = [
  'age',
  'reference',
  'risk',
  'destination',
  'exporter',
  'stage',
] as const;
export type QueueSortKey = (typeof queueSortKeys)[number];

/** What an officer asked of the queue; every field optional. */
export interface QueueQuery {
  readonly stage?: CaseStage;
  readonly queue?: string;
  readonly destination?: string;
  readonly risk?: string;
  /** `me`, `none`, or anyone's user id. */
  readonly assignee?: string;
  /** Words found in the reference, exporter, destination or queue (case-insensitive). */
  readonly search?: string;
  readonly sort?: QueueSortKey;
  readonly order?: 'asc' | 'desc';
}

const riskRank: Readonly<Record<string, number>> = {
  unknown: 0,
  low: 1,
  medium: 2,
  high: 3,
  unacceptable: 4,
};

const stringField = (value: unknown, key: string): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
};

/** The queue row of a case, from its workflow state, its application and its frozen risk. */
export function queueRow(
  c: LicenceCase,
  application: Readonly<Record<string, unknown>>,
  risk: string | undefined,
  now: Date,
): QueueRow {
  const since = c.submittedAt ?? c.createdAt;
  return {
    id: c.id,
    reference: c.reference,
    jurisdiction: c.jurisdiction,
    stage: c.stage,
    version: c.version,
    ...(c.queue === undefined ? {} : { queue: c.queue }),
    exporter: stringField(application['exporter'], 'name') ?? '—',
    destination: stringField(application['destination'], 'country') ?? '??',
    risk: risk ?? 'unknown',
    ...(c.automatedOutcome === undefined ? {} : { automatedOutcome: c.automatedOutcome }),
    ...(c.assignee === undefined
      ? {}
      : {
          assignee: {
            userId: c.assignee.actor.userId,
            name: c.assignee.actor.name ?? c.assignee.actor.userId,
          },
        }),
    since,
    ageDays: Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000)),
  };
}

/**
 * Filters and sorts queue rows. Filters combine (all must hold); the default order is oldest
 * first, since the case that has waited longest is the one to take next.
 *
 * @example
 * workQueue(rows, { assignee: 'none', risk: 'high', sort: 'age' }, 'u-cara')
 * // the unassigned high-risk cases, longest waiting first
 */
export function workQueue(
  rows: readonly QueueRow[],
  query: QueueQuery,
  viewerUserId: string,
): QueueRow[] {
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const assignee = query.assignee === 'me' ? viewerUserId : query.assignee;
  const kept = rows.filter(
    (r) =>
      (query.stage === undefined || r.stage === query.stage) &&
      (query.queue === undefined || r.queue === query.queue) &&
      (query.destination === undefined ||
        r.destination.toUpperCase() === query.destination.toUpperCase()) &&
      (query.risk === undefined || r.risk === query.risk) &&
      (assignee === undefined ||
        (assignee === 'none' ? r.assignee === undefined : r.assignee?.userId === assignee)) &&
      words.every((w) =>
        [r.reference, r.exporter, r.destination, r.queue ?? ''].some((f) =>
          f.toLowerCase().includes(w),
        ),
      ),
  );
  const sort = query.sort ?? 'age';
  // "age desc" (the default) puts the longest-waiting first.
  const direction = (query.order ?? 'desc') === 'asc' ? 1 : -1;
  const compare = (a: QueueRow, b: QueueRow): number => {
    switch (sort) {
      case 'age':
        return b.since.getTime() - a.since.getTime();
      case 'risk':
        return (riskRank[a.risk] ?? 0) - (riskRank[b.risk] ?? 0);
      case 'reference':
      case 'destination':
      case 'exporter':
      case 'stage':
        return a[sort].localeCompare(b[sort]);
    }
  };
  return [...kept].sort(
    (a, b) => direction * compare(a, b) || a.reference.localeCompare(b.reference),
  );
}

const closedStages: ReadonlySet<CaseStage> = new Set([
  'draft',
  'finalised',
  'suspended',
  'revoked',
  'withdrawn',
]);

/**
 * The case taken by `actor` ("assign to me"), or why not: only a case in the authority's hands
 * (submitted and not yet final) is assigned. Taking over from a colleague is allowed and recorded.
 */
export function assignCase(
  c: LicenceCase,
  actor: Actor,
  now: Date,
): Result<LicenceCase, TransitionRefusal> {
  if (closedStages.has(c.stage)) {
    return err({
      code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED',
      message: `Case ${c.reference} is ${c.stage.replace(/-/g, ' ')}: there is no work to assign.`,
    });
  }
  return ok({ ...c, assignee: { actor, at: now }, version: c.version + 1 });
}
