import type { RestrictedPartyRule } from '../../policy/jurisdiction-policy.ts';
import type { CitedText } from '../../policy/text-provenance.ts';
import type {
  LicenceBasis,
  LicenceQuery,
  LicensingReference,
  MissingInformation,
  RuleOutput,
  ScreeningHit,
} from '../licence-query.ts';
import { basisOf } from './rule-output.ts';

/** A hit counts for a rule when its source, or its sub-list inside a bundled source, is the rule's. */
const hitMatches = (rule: RestrictedPartyRule, hit: ScreeningHit): boolean =>
  rule.listSources.includes(hit.source) ||
  (hit.subList !== undefined &&
    rule.subLists.some((s) => hit.subList?.toLowerCase().includes(s.toLowerCase())));

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
  const listCitation = reference.texts.get('hr:US-EAR-744.11');
  for (const party of query.parties) {
    for (const hit of party.hits.filter((h) => hitMatches(rule, h))) {
      const listed: CitedText[] = [];
      const src = {
        title: `${hit.source}${hit.subList ? ` (${hit.subList})` : ''}, entry ${hit.entityId}`,
        date: hit.snapshot?.dataDate ?? 'unknown',
      };
      if (hit.licenceRequirement)
        listed.push({
          text: hit.licenceRequirement,
          textStatus: 'verbatim',
          source: src,
          statusNote: 'the list entry, as imported',
        });
      const reviewPolicy: CitedText | undefined =
        rule.useListedReviewPolicy && hit.licenceReviewPolicy
          ? {
              text: hit.licenceReviewPolicy,
              textStatus: 'verbatim',
              source: src,
              statusNote: 'the list entry, as imported',
            }
          : undefined;
      const citations = [
        ...listed,
        ...(rule.listSources.includes('us-bis-entity-list') && listCitation ? [listCitation] : []),
      ];
      if (hit.band === 'review') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${party.role} "${party.name}" possibly matches "${hit.name}" (${hit.source}): clear or confirm the match before exporting`,
            {
              party,
              citations,
              ...(reviewPolicy ? { reviewPolicy } : {}),
            },
          ),
        );
        missing.push({
          field: 'parties',
          question: `Is "${party.name}" the listed "${hit.name}" (${hit.entityId})?`,
        });
        continue;
      }
      const allItems =
        hit.licenceRequirement === undefined ||
        /all items subject to the EAR/i.test(hit.licenceRequirement);
      if (!allItems && rule.effect === 'licence-required') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${party.role} "${party.name}" is listed as "${hit.name}" with a licence requirement limited to some items ("${hit.licenceRequirement ?? ''}"): check whether the items fall within it`,
            {
              party,
              citations,
              ...(reviewPolicy ? { reviewPolicy } : {}),
            },
          ),
        );
        missing.push({
          field: 'parties',
          question: `Do the items fall within the listed licence requirement of "${hit.name}"?`,
        });
        continue;
      }
      basis.push(
        basisOf(
          rule,
          rule.effect,
          rule.effect === 'prohibited'
            ? `${party.role} "${party.name}" matches "${hit.name}" (${hit.source}): dealings are prohibited unless authorised`
            : `${party.role} "${party.name}" matches "${hit.name}" (${hit.source}): a licence is required for all items subject to the EAR, whatever their classification${reviewPolicy ? `; review policy: ${reviewPolicy.text}` : ''}`,
          { party, citations, ...(reviewPolicy ? { reviewPolicy } : {}) },
        ),
      );
    }
  }
  if (basis.length === 0) {
    basis.push(basisOf(rule, 'not-applicable', `no party matches ${rule.title}`));
  }
  return { basis, missing };
}
