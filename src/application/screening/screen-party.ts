import type { NameProblem } from '../../domain/screening/normalise-name.ts';
import type { ScoreThresholds } from '../../domain/screening/score-names.ts';
import {
  screenName,
  type ScreeningMatch,
  type ScreeningQuery,
} from '../../domain/screening/screen-name.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ActiveScreeningIndex, ScreeningIndexCache } from './screening-index-cache.ts';

/** What screening use cases need: the index of the active lists, and the deployment's thresholds. */
export interface ScreeningDeps {
  readonly indexes: ScreeningIndexCache;
  readonly thresholds: ScoreThresholds;
}

/**
 * The outcome of screening one name: the contract `{ query, snapshot, matches }` of
 * `cordon screen --json` and `POST /v1/screen`, plus what was odd about the query and the
 * thresholds applied.
 */
export interface ScreeningReport {
  readonly query: ScreeningQuery;
  /** The ids of the list snapshots screened against (one per source). */
  readonly snapshot: readonly string[];
  /** Best first; nothing below `thresholds.review`. */
  readonly matches: readonly ScreeningMatch[];
  readonly problems: readonly NameProblem[];
  readonly thresholds: ScoreThresholds;
}

/** Options of one screening. */
export interface ScreenPartyOptions {
  /** Most matches returned (default 10, at most 100). */
  readonly limit?: number;
}

/** The error when no list is active: screening against nothing must never look like "no match". */
export const noActiveLists = (): CordonError =>
  cordonError(
    'CORDON_NO_ACTIVE_LISTS',
    'No restricted list is active, so nothing can be screened; import lists first (`cordon lists import-shipped`).',
  );

/** The active index, or the error that says no list is active. */
export async function activeIndex(
  indexes: ScreeningIndexCache,
): Promise<Result<ActiveScreeningIndex, CordonError>> {
  const active = await indexes.current();
  return active.snapshots.length === 0 ? err(noActiveLists()) : ok(active);
}

/** Screens one prepared query against an index already in hand (shared by the use cases). */
export function reportOn(
  active: ActiveScreeningIndex,
  query: ScreeningQuery,
  thresholds: ScoreThresholds,
  options: ScreenPartyOptions = {},
): ScreeningReport {
  const result = screenName(active.index, query, {
    thresholds,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  });
  return {
    query,
    snapshot: active.snapshots,
    matches: result.matches,
    problems: result.problems,
    thresholds,
  };
}

/**
 * Screens one party's name (with its country, kind and identifiers when known) against every
 * active list and reports the matches at or above the review threshold, best first, each with
 * its explanation. An empty or unusable name gives no matches and says why in `problems`; no
 * active list at all is an error, never an empty result.
 *
 * @example
 * await screenParty(deps, { name: '杭州海康威视数字技术股份有限公司', country: 'CN' })
 * // ok({ snapshot: ['us-bis-entity-list@2026-07-23.…', …],
 * //      matches: [{ name: 'Hangzhou Hikvision Digital Technology Co., Ltd.', band: 'strong', … }] })
 */
export async function screenParty(
  deps: ScreeningDeps,
  query: ScreeningQuery,
  options: ScreenPartyOptions = {},
): Promise<Result<ScreeningReport, CordonError>> {
  const active = await activeIndex(deps.indexes);
  if (!active.ok) return active;
  return ok(reportOn(active.value, query, deps.thresholds, options));
}
