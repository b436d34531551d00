import type { PartyType } from '../../domain/classification/licence-query.ts';
import type { ListedParty } from '../../domain/lists/listed-party.ts';
import type { NameProblem } from '../../domain/screening/normalise-name.ts';
import type { ScoreThresholds } from '../../domain/screening/score-names.ts';
import type { ScreeningMatch, ScreeningQuery } from '../../domain/screening/screen-name.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import { activeIndex, reportOn, type ScreeningDeps } from './screen-party.ts';

/**
 * A party of an application as the outward contract has it (`parties[]` of an application):
 * `role` and `type` are passed through as given; `type: 'individual'` screens the name as a
 * person's, any other known type as an organisation's.
 */
export interface ApplicationParty {
  readonly role: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  /** Carried through to the result; not scored (list addresses are too sparse to compare). */
  readonly address?: string;
  readonly type?: string;
}

/** One party with what screening found. */
export interface ScreenedApplicationParty extends ApplicationParty {
  /** Best first, nothing below review; each in the screening contract's shape. */
  readonly matches: readonly ScreeningMatch[];
  /** What was odd about the name (empty, truncated, only a legal form, ...). */
  readonly problems: readonly NameProblem[];
}

/** Every party of one application, screened against the same list snapshots. */
export interface ApplicationPartiesScreening {
  /** The ids of the list snapshots used: the assessment records them as its provenance. */
  readonly snapshot: readonly string[];
  readonly thresholds: ScoreThresholds;
  /** In the order given. */
  readonly parties: readonly ScreenedApplicationParty[];
  /**
   * The full list record of a matched entity (Entity List licence columns and the like), from
   * the same snapshots the matches came from.
   */
  readonly party: (entityId: string) => ListedParty | undefined;
}

/**
 * What each party type says about the kind of name to screen: a person, an organisation, or
 * nothing (`unknown`). Typed by `PartyType`, so a new type cannot be left out.
 */
const kindOfPartyType: Readonly<Record<PartyType, ScreeningQuery['kind']>> = {
  police: 'organisation',
  intelligence: 'organisation',
  military: 'organisation',
  'government-security': 'organisation',
  'government-other': 'organisation',
  'telecom-operator': 'organisation',
  commercial: 'organisation',
  academic: 'organisation',
  individual: 'person',
  unknown: undefined,
};

/** The query for one party: its name, its country in upper case, and its kind when its type says. */
function queryOf(party: ApplicationParty): ScreeningQuery {
  const country = party.country?.trim().toUpperCase();
  const kind =
    party.type !== undefined && Object.hasOwn(kindOfPartyType, party.type)
      ? kindOfPartyType[party.type as PartyType]
      : undefined;
  return {
    name: party.name,
    ...(country !== undefined && /^[A-Z]{2}$/.test(country) ? { country } : {}),
    ...(kind !== undefined ? { kind } : {}),
  };
}

/**
 * Screens every party of an application (end user, consignee, purchaser, ...) against the active
 * lists, all against one set of snapshots, and returns each party as given plus its `matches`
 * and `problems`. The assessment calls this and cites `snapshot` in its provenance. A party with
 * an empty name is returned with the problem `empty` and no matches; the call fails only when no
 * list is active.
 *
 * @example
 * await screenApplicationParties(deps, [
 *   { role: 'end-user', name: 'Hangzhou Hikvision Digital Technology Co., Ltd.', country: 'CN', type: 'commercial' },
 * ])
 * // ok({ snapshot: [...], parties: [{ role: 'end-user', ..., matches: [{ band: 'strong', ... }] }] })
 */
export async function screenApplicationParties(
  deps: ScreeningDeps,
  parties: readonly ApplicationParty[],
  options: { readonly limit?: number } = {},
): Promise<Result<ApplicationPartiesScreening, CordonError>> {
  const active = await activeIndex(deps.indexes);
  if (!active.ok) return active;
  return ok({
    snapshot: active.value.snapshots,
    thresholds: deps.thresholds,
    parties: parties.map((party) => {
      const report = reportOn(active.value, queryOf(party), deps.thresholds, options);
      return { ...party, matches: report.matches, problems: report.problems };
    }),
    party: active.value.party,
  });
}
