import type { ListedParty } from '../../domain/lists/listed-party.ts';
import type { NameComparison } from '../../domain/screening/compare-names.ts';
import type { ScoreThresholds } from '../../domain/screening/score-names.ts';
import type { ScreeningMatch, ScreeningQuery } from '../../domain/screening/screen-name.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import type { Clock } from '../ports/clock.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';
import { comparePartyNames } from './compare-party-names.ts';
import { screenBatch, type BatchReport, type BatchRow } from './screen-batch.ts';
import {
  screenApplicationParties,
  type ApplicationPartiesScreening,
  type ApplicationParty,
} from './screen-application-parties.ts';
import {
  activeIndex,
  reportOn,
  screenParty,
  type ScreeningReport,
  type ScreenPartyOptions,
} from './screen-party.ts';
import {
  createScreeningIndexCache,
  type ActiveListRecords,
  type ActiveScreeningIndex,
  type ExtraScreeningParties,
  type ScreeningIndexCache,
} from './screening-index-cache.ts';

/** Matches of a search, and the list records of the parties they (and `alsoListed`) name. */
export interface SearchOutcome {
  readonly snapshot: readonly string[];
  readonly matches: readonly ScreeningMatch[];
  readonly party: (entityId: string) => ListedParty | undefined;
}

/**
 * Party screening for one deployment: the use cases bound to the store's active lists (indexed
 * once per set of active snapshots) and to the deployment's thresholds.
 */
export interface ScreeningService {
  readonly thresholds: ScoreThresholds;
  screenParty(
    query: ScreeningQuery,
    options?: ScreenPartyOptions,
  ): Promise<Result<ScreeningReport, CordonError>>;
  screenBatch(
    rows: readonly BatchRow[],
    options?: ScreenPartyOptions,
  ): Promise<Result<BatchReport, CordonError>>;
  compare(a: string, b: string): NameComparison;
  /** See `screenApplicationParties`; this is what the assessment calls. */
  screenApplicationParties(
    parties: readonly ApplicationParty[],
  ): Promise<Result<ApplicationPartiesScreening, CordonError>>;
  /**
   * Screens with a floor of its own (the CSL-compatible search lists weaker hits too) and gives
   * access to the full list records of the parties matched.
   */
  search(
    query: ScreeningQuery,
    options: { readonly limit: number; readonly review: number },
  ): Promise<Result<SearchOutcome, CordonError>>;
  /** The active lists' records, for `screen-file` workers that build their own index. */
  records(): Promise<ActiveListRecords>;
  /** Builds the index now (at server start) rather than on the first request. */
  warm(): Promise<void>;
  /** See `ScreeningIndexCache.prime`. */
  prime(snapshotId: string, entries: readonly ListedParty[]): void;
}

/** What `createScreeningService` needs. */
export interface ScreeningServiceDeps {
  readonly store: ListSnapshotStore;
  readonly thresholds: ScoreThresholds;
  /** With a clock, the store is asked for the active snapshots at most once a second. */
  readonly clock?: Clock;
  /** Replaces the default cache (tests, and the server's watched one). */
  readonly indexes?: ScreeningIndexCache;
  /** Parties screened beside the lists (partners' threat alerts), for the default cache. */
  readonly extra?: ExtraScreeningParties;
}

/**
 * A match on a party from an extra source, its explanation extended with where the party came
 * from: `...; listed by threat alert A1 "..." from US-BIS (message US-BIS/4 of 2026-11-30,
 * signature verified with US-BIS's pinned key k1)`.
 */
export function withProvenance(
  active: Pick<ActiveScreeningIndex, 'provenance'>,
  match: ScreeningMatch,
): ScreeningMatch {
  const provenance = active.provenance?.(match.entityId);
  if (provenance === undefined) return match;
  return {
    ...match,
    explanation: {
      ...match.explanation,
      summary: `${match.explanation.summary}; listed by ${provenance}`,
    },
  };
}

const cite = (
  active: ActiveScreeningIndex,
  matches: readonly ScreeningMatch[],
): readonly ScreeningMatch[] =>
  active.provenance === undefined ? matches : matches.map((m) => withProvenance(active, m));

/**
 * Wires the screening use cases to a store and the deployment's thresholds, behind one cached
 * index.
 *
 * @example
 * const screening = createScreeningService({ store, thresholds: config.screening.thresholds });
 * await screening.screenParty({ name: 'Hikvision' });
 */
export function createScreeningService(deps: ScreeningServiceDeps): ScreeningService {
  const indexes =
    deps.indexes ??
    createScreeningIndexCache(deps.store, {
      ...(deps.clock ? { clock: deps.clock, recheckAfterMs: 1_000 } : {}),
      ...(deps.extra ? { extra: deps.extra } : {}),
    });
  /**
   * The use cases' deps held to one index for one call, so that the matches it gives are cited
   * from the very index they came from.
   */
  const pinned = async () => {
    const active = await indexes.current();
    const held: ScreeningIndexCache = {
      current: () => Promise.resolve(active),
      records: () => indexes.records(),
      prime: (snapshotId, entries) => {
        indexes.prime(snapshotId, entries);
      },
    };
    return { active, deps: { indexes: held, thresholds: deps.thresholds } };
  };
  return {
    thresholds: deps.thresholds,
    async screenParty(query, options) {
      const { active, deps: held } = await pinned();
      const report = await screenParty(held, query, options);
      return report.ok
        ? ok({ ...report.value, matches: cite(active, report.value.matches) })
        : report;
    },
    async screenBatch(rows, options) {
      const { active, deps: held } = await pinned();
      const report = await screenBatch(held, rows, options);
      if (!report.ok || active.provenance === undefined) return report;
      return ok({
        ...report.value,
        results: report.value.results.map((r) =>
          r.kind === 'screened' ? { ...r, matches: cite(active, r.matches) } : r,
        ),
      });
    },
    compare: (a, b) => comparePartyNames(deps.thresholds, a, b),
    async screenApplicationParties(parties) {
      const { active, deps: held } = await pinned();
      const screened = await screenApplicationParties(held, parties);
      if (!screened.ok || active.provenance === undefined) return screened;
      return ok({
        ...screened.value,
        parties: screened.value.parties.map((p) => ({ ...p, matches: cite(active, p.matches) })),
      });
    },
    async search(query, options) {
      const active = await activeIndex(indexes);
      if (!active.ok) return active;
      const thresholds = {
        review: options.review,
        strong: Math.max(options.review, deps.thresholds.strong),
      };
      const report = reportOn(active.value, query, thresholds, { limit: options.limit });
      return ok({
        snapshot: active.value.snapshots,
        matches: cite(active.value, report.matches),
        party: active.value.party,
      });
    },
    records: () => indexes.records(),
    async warm() {
      await indexes.current();
    },
    prime: (snapshotId, entries) => {
      indexes.prime(snapshotId, entries);
    },
  };
}
