import type { RestrictedPartyRule } from '../../policy/jurisdiction-policy.ts';
import type { CitedText } from '../../policy/text-provenance.ts';
import type {
  LicenceBasis,
  LicenceQuery,
  LicensingReference,
  MissingInformation,
  PartyScreening,
  RuleOutput,
  ScreeningHit,
} from '../licence-query.ts';
import { entityListReview } from './entity-list-review-policy.ts';
import { basisOf, usEccnsOf } from './rule-output.ts';

/** A hit counts for a rule when its source, or its sub-list inside a bundled source, is the rule's. */
export const hitMatches = (
  rule: Pick<RestrictedPartyRule, 'listSources' | 'subLists'>,
  hit: ScreeningHit,
): boolean =>
  rule.listSources.includes(hit.source) ||
  (hit.subList !== undefined &&
    rule.subLists.some((s) => hit.subList?.toLowerCase().includes(s.toLowerCase())));

/** Who may clear a possible or exact name match, in the words the assessment shows. */
export const whoMayClear =
  "a caseworker or senior officer of the licensing authority, after checking the party's identifiers (address, registration number, date of birth) against the list entry; an exporter's compliance officer may propose a clearance, recorded with the reason";

/**
 * Applies a restricted-party list the jurisdiction's own law makes binding. A cleared match is
 * recorded and decides nothing; a possible match (`review`) is undetermined until cleared; a
 * strong or exact match decides: a blocking list (SDN, EU or UK asset freeze, Denied Persons)
 * prohibits the transaction unless a licence from the sanctions authority is cited, and the
 * Entity List requires a licence for every item subject to the EAR, its own review policy applied
 * item by item (a presumption of denial for one item, case by case for another).
 */
export function restrictedParty(
  rule: RestrictedPartyRule,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  if (query.parties === undefined || query.parties.length === 0) {
    return {
      basis: [
        basisOf(rule, 'undetermined', `no parties were given: ${rule.title} could not be checked`),
      ],
      missing: [
        {
          field: 'parties',
          question:
            'Who are the end user, consignee and other parties? Screen them against the restricted-party lists.',
        },
      ],
    };
  }
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const listCitation = rule.listSources.includes('us-bis-entity-list')
    ? reference.texts.get('hr:US-EAR-744.11')
    : undefined;
  for (const party of query.parties) {
    for (const hit of party.hits.filter((h) => hitMatches(rule, h))) {
      const out = applyHit(rule, party, hit, listCitation, query);
      basis.push(...out.basis);
      missing.push(...out.missing);
    }
  }
  if (basis.length === 0) {
    basis.push(basisOf(rule, 'not-applicable', `no party matches ${rule.title}`));
  }
  return { basis, missing };
}

function applyHit(
  rule: RestrictedPartyRule,
  party: PartyScreening,
  hit: ScreeningHit,
  listCitation: CitedText | undefined,
  query: LicenceQuery,
): RuleOutput {
  const src = {
    title: `${hit.source}${hit.subList ? ` (${hit.subList})` : ''}, entry ${hit.entityId}`,
    date: hit.snapshot?.dataDate ?? 'unknown',
  };
  const entry = (text: string): CitedText => ({
    text,
    textStatus: 'verbatim',
    source: src,
    statusNote: 'the list entry, as imported',
  });
  const reviewPolicy =
    rule.useListedReviewPolicy && hit.licenceReviewPolicy
      ? entry(hit.licenceReviewPolicy)
      : undefined;
  const citations = [
    ...(hit.licenceRequirement ? [entry(hit.licenceRequirement)] : []),
    ...(listCitation ? [listCitation] : []),
  ];
  const who = `${party.role} "${party.name}"`;
  const extra = { party, citations, ...(reviewPolicy ? { reviewPolicy } : {}) };

  if (hit.cleared) {
    return {
      basis: [
        basisOf(
          rule,
          'information',
          `${who}: the match with "${hit.name}" (${hit.source} ${hit.entityId}) was cleared by ${hit.cleared.by}${hit.cleared.date ? ` on ${hit.cleared.date}` : ''}: ${hit.cleared.reason}`,
          extra,
        ),
      ],
      missing: [],
    };
  }
  if (hit.band === 'review') {
    return {
      basis: [
        basisOf(
          rule,
          'undetermined',
          `${who} possibly matches "${hit.name}" (${hit.source}): party match to be cleared before the export may proceed; who may clear it: ${whoMayClear}`,
          extra,
        ),
      ],
      missing: [
        {
          field: 'parties',
          question: `Is "${party.name}" the listed "${hit.name}" (${hit.entityId})? Clear or confirm the match.`,
        },
      ],
    };
  }
  if (rule.effect === 'prohibited') {
    if (
      rule.listSources.includes('us-ofac-sdn') &&
      query.exporter &&
      query.exporter.country !== 'US'
    ) {
      return {
        basis: [
          basisOf(
            rule,
            'undetermined',
            `${who} matches "${hit.name}" (${hit.source}): dealings by US persons are prohibited (blocked property); whether a US person is involved in this export is not stated`,
            extra,
          ),
        ],
        missing: [
          {
            field: 'exporter',
            question:
              'Is a US person (or a person in the United States) involved in this transaction with an SDN?',
          },
        ],
      };
    }
    const licence = (query.sanctionsLicences ?? [])[0];
    if (licence) {
      return {
        basis: [
          basisOf(
            rule,
            'licence-required',
            `${who} matches "${hit.name}" (${hit.source}): dealings are prohibited unless licensed; the applicant cites licence ${licence.reference} of ${licence.authority}, which an officer must verify covers this transaction`,
            extra,
          ),
        ],
        missing: [],
      };
    }
    return {
      basis: [
        basisOf(
          rule,
          'prohibited',
          `${who} matches "${hit.name}" (${hit.source}), a list whose designations freeze assets or deny dealings: the transaction is prohibited unless a licence from the sanctions authority is cited; the match stands until cleared (who may clear it: ${whoMayClear})`,
          extra,
        ),
      ],
      missing: [],
    };
  }
  const allItems =
    hit.licenceRequirement === undefined ||
    /^\s*(for )?all items subject to the EAR/i.test(hit.licenceRequirement);
  if (!allItems) {
    return {
      basis: [
        basisOf(
          rule,
          'undetermined',
          `${who} is listed as "${hit.name}" with a licence requirement limited to some items ("${hit.licenceRequirement ?? ''}"): check whether the items fall within it`,
          extra,
        ),
      ],
      missing: [
        {
          field: 'parties',
          question: `Do the items fall within the listed licence requirement of "${hit.name}"?`,
        },
      ],
    };
  }
  if (!reviewPolicy) {
    return {
      basis: [
        basisOf(
          rule,
          'licence-required',
          `${who} matches "${hit.name}" (${hit.source}): a licence is required for all items subject to the EAR, whatever their classification`,
          extra,
        ),
      ],
      missing: [],
    };
  }
  if (query.items.length === 0) {
    return {
      basis: [
        basisOf(
          rule,
          'information',
          `${who} matches "${hit.name}" (${hit.source}), but no item of the transaction is subject to the EAR`,
          extra,
        ),
      ],
      missing: [],
    };
  }
  // The entry's own review policy, item by item.
  const missing: MissingInformation[] = [];
  const basis = query.items.map((item, i) => {
    const { eccns, ear99 } = usEccnsOf(item);
    const r = entityListReview(reviewPolicy.text, eccns, ear99);
    if (r.review === 'unknown')
      missing.push({
        field: `items[${i}].controlEntries`,
        question: `Which review policy of "${hit.name}" applies to ${item.label}? (${r.why})`,
      });
    return basisOf(
      rule,
      'licence-required',
      `${who} matches "${hit.name}" (${hit.source}): a licence is required for ${item.label} (all items subject to the EAR); review: ${r.review.replace(/-/g, ' ')}, because ${r.why}`,
      { ...extra, item: i, review: r.review },
    );
  });
  return { basis, missing };
}
