import type { PartyScreening, ScreeningHit } from '../classification/licence-requirement.ts';
import type { EntityListHumanRightsListing } from '../policy/human-rights-reference.ts';
import type { CitedText, SourceRef } from '../policy/text-provenance.ts';
import type { HumanRightsPolicy } from './human-rights-policy.ts';
import {
  factor,
  fold,
  type HumanRightsFacts,
  type HumanRightsData,
  type RiskFactor,
} from './risk-factor.ts';

// ---------------------------------------------------------------------------------------------
// Screening

/** A screening hit that ties a party to a human-rights listing, and why. */
export interface HumanRightsHit {
  readonly party: string;
  readonly hit: ScreeningHit;
  readonly severity: number;
  readonly reason: string;
  readonly citations: readonly CitedText[];
}

const entityListSources = new Set(['us-bis-entity-list']);

/** The shipped Entity List human-rights listing a hit names, if any (names compared folded). */
export function entityListHumanRightsListing(
  data: HumanRightsData,
  hit: ScreeningHit,
): EntityListHumanRightsListing | undefined {
  const isEntityList =
    entityListSources.has(hit.source) ||
    (hit.subList !== undefined && /entity list/i.test(hit.subList));
  if (!isEntityList) return undefined;
  const name = fold(hit.name);
  if (name.length < 3) return undefined;
  return data.entityListHumanRightsListings.find((l) =>
    [l.name, ...l.aliases].some((n) => {
      const f = fold(n);
      return f === name || f.startsWith(`${name} `) || name.startsWith(`${f} `);
    }),
  );
}

/**
 * Classifies every hit of every party: an Entity List human-rights listing or a human-rights
 * sanctions programme (GLOMAG, CYBER...) in the `strong` band is a human-rights hit; other strong
 * hits weigh less; `review` hits are possible matches a person must clear.
 */
export function classifyScreeningHits(
  policy: HumanRightsPolicy,
  data: HumanRightsData,
  parties: readonly PartyScreening[],
): readonly HumanRightsHit[] {
  const out: HumanRightsHit[] = [];
  for (const p of parties) {
    for (const hit of p.hits) {
      // A match a person cleared as not this party is no evidence of anything.
      if (hit.cleared) continue;
      const review = hit.band === 'review';
      const listing = entityListHumanRightsListing(data, hit);
      const programme = policy.humanRightsProgrammes.find((g) =>
        hit.programmes.some((x) => x.toUpperCase().startsWith(g.programme.toUpperCase())),
      );
      const snapshotSource: SourceRef = {
        title: `List snapshot ${hit.snapshot?.id ?? hit.source}`,
        date: hit.snapshot?.dataDate ?? '',
      };
      const reviewPolicy: CitedText[] = hit.licenceReviewPolicy
        ? [{ text: hit.licenceReviewPolicy, textStatus: 'verbatim', source: snapshotSource }]
        : [];
      if (listing) {
        out.push({
          party: p.name,
          hit,
          severity: review ? 0.5 : 1,
          reason: `${review ? 'possible match' : 'match'} to the Entity List human-rights listing "${listing.name}" (${listing.basis.map((b) => `${b.citation}: ${b.note}`).join('; ')})`,
          citations: [
            {
              text: listing.licenceReviewPolicy,
              textStatus: 'verbatim',
              source: {
                title: 'Entity List (15 CFR 744 Supp. 4), human-rights subset',
                date: '2026-07-23',
                file: 'data/regulation/bis_entity_list_human_rights_surveillance_subset.json',
              },
            },
          ],
        });
      } else if (programme) {
        out.push({
          party: p.name,
          hit,
          severity: review ? programme.severity / 2 : programme.severity,
          reason: `${review ? 'possible match' : 'match'} to ${hit.source} "${hit.name}" under programme ${hit.programmes.join(', ')}`,
          citations: [programme.text, ...reviewPolicy],
        });
      } else {
        out.push({
          party: p.name,
          hit,
          severity: review ? 0.3 : 0.6,
          reason: `${review ? 'possible match' : 'match'} to ${hit.source} "${hit.name}"${hit.programmes.length > 0 ? ` (${hit.programmes.join(', ')})` : ''}`,
          citations: reviewPolicy,
        });
      }
    }
  }
  return out;
}

/** True when a party matches a human-rights listing in the strong band. */
export const hasHumanRightsListing = (hits: readonly HumanRightsHit[]): boolean =>
  hits.some((h) => h.hit.band === 'strong' && h.severity >= 0.9);

/**
 * Screening hits: Entity List human-rights listings (Xinjiang public security bureaus, spyware
 * vendors...) and GLOMAG/CYBER sanctions weigh most; other restricted-party matches less;
 * possible matches a little until a person clears them.
 */
export function screeningFactor(
  policy: HumanRightsPolicy,
  data: HumanRightsData,
  facts: Pick<HumanRightsFacts, 'parties'>,
): RiskFactor {
  const hits = classifyScreeningHits(policy, data, facts.parties);
  const severity = Math.max(0, ...hits.map((h) => h.severity));
  const cleared = facts.parties.flatMap((p) =>
    p.hits
      .filter((h) => h.cleared)
      .map(
        (h) =>
          `"${p.name}": the match with "${h.name}" (${h.source}) was cleared by ${h.cleared?.by ?? '?'}: ${h.cleared?.reason ?? ''}.`,
      ),
  );
  const found =
    hits.length === 0
      ? [`No party matches a restricted list (${facts.parties.length} screened).`]
      : hits.map((h) => `"${h.party}": ${h.reason} (score band ${h.hit.band}).`);
  const evidence = [...found, ...cleared];
  return factor(
    policy,
    'screening',
    'Screening hits',
    severity,
    evidence,
    hits.flatMap((h) => h.citations),
  );
}
