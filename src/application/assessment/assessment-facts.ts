import type { ItemClassification } from '../../domain/classification/classify-item.ts';
import type {
  EarJurisdictionFacts,
  MatchClearance,
} from '../../domain/classification/licence-query.ts';
import { matchDenials } from '../../domain/exchange/essentially-identical.ts';
import type {
  CountryAssessment,
  HumanRightsPolicy,
} from '../../domain/human-rights/human-rights-policy.ts';
import {
  countryAssessmentFor,
  type Audience,
  type PartnerDenial,
} from '../../domain/human-rights/risk-factors.ts';
import type { BindingList } from '../../domain/human-rights/screening-coverage.ts';
import type { CountryCode } from '../../domain/policy/country-code.ts';
import type { JurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import {
  effectivePolicy,
  type JurisdictionPolicy,
} from '../../domain/policy/jurisdiction-policy.ts';
import type { PartnerDenialSource } from '../ports/partner-denial-source.ts';
import type { PartyMatch } from '../ports/party-screener.ts';
import type { Application, ApplicationItem, ApplicationParty } from './parse-application.ts';

/** A match the application records as cleared, as licence determination reads it. */
export function clearanceOf(
  party: ApplicationParty,
  match: Pick<PartyMatch, 'source' | 'entityId'>,
): { readonly cleared?: MatchClearance } {
  const c = party.matchClearances?.find(
    (x) => x.source === match.source && x.entityId === match.entityId,
  );
  return c
    ? {
        cleared: {
          by: c.clearedBy,
          reason: c.reason,
          ...(c.date !== undefined ? { date: c.date } : {}),
        },
      }
    : {};
}

/** The EAR jurisdiction facts of an item (origin, US content, foreign direct product). */
export function earFactsOf(item: ApplicationItem | undefined): EarJurisdictionFacts {
  if (!item) return {};
  return {
    ...(item.origin !== undefined ? { origin: item.origin as CountryCode } : {}),
    ...(item.usControlledContentPercent !== undefined
      ? { usControlledContentPercent: item.usControlledContentPercent }
      : {}),
    ...(item.foreignDirectProduct !== undefined
      ? { foreignDirectProduct: item.foreignDirectProduct }
      : {}),
  };
}

/**
 * The restricted-party lists a jurisdiction's own law makes binding: the lists of its (effective)
 * policy's restricted-party rules. Another state's list is evidence, never binding.
 */
export function bindingListsOf(
  policies: ReadonlyMap<JurisdictionCode, JurisdictionPolicy>,
  jurisdiction: JurisdictionCode,
): readonly BindingList[] {
  const policy = policies.get(jurisdiction);
  if (!policy) return [];
  const effective = effectivePolicy(
    policy,
    policy.memberOf ? policies.get(policy.memberOf) : undefined,
  );
  if (!effective.ok) return [];
  return effective.value.rules.flatMap((r) =>
    r.kind === 'restricted-party'
      ? r.listSources.map((source) => ({
          source,
          subLists: r.subLists,
          rule: r.id,
          title: r.title,
        }))
      : [],
  );
}

/** The authority's own assessment of the destination, when it has one the audience may see. */
export function destinationAssessmentOf(
  policy: HumanRightsPolicy,
  destination: { readonly country: CountryCode; readonly region?: string },
  audience: Audience,
): { readonly destinationAssessment?: CountryAssessment } {
  const found = countryAssessmentFor(policy, destination, audience);
  return found ? { destinationAssessment: found } : {};
}

/**
 * Partners' denials in force that resemble the application, found with the exchange's
 * essentially-identical check (the same cross-script name matching as the no-undercut check at
 * submission), each with its provenance.
 */
export async function partnerDenialsFor(
  source: PartnerDenialSource,
  app: Application,
  classifications: readonly ItemClassification[],
): Promise<readonly PartnerDenial[]> {
  const active = await source.activeDenials();
  if (active.length === 0) return [];
  const entries = [
    ...new Set([
      ...app.items.flatMap((i) => i.controlEntries ?? []),
      ...classifications.flatMap((c) =>
        c.regimes.flatMap((r) => (r.outcome.kind === 'listed' ? r.outcome.entries : [])),
      ),
    ]),
  ];
  const matches = matchDenials(
    active.map((d) => ({ sender: d.sender, reference: d.reference, denial: d.denial })),
    {
      destination: app.destination.country,
      parties: app.parties.map((p) => ({
        role: p.role,
        name: p.name,
        ...(p.country !== undefined ? { country: p.country } : {}),
      })),
      controlEntries: entries,
      itemText: app.items
        .map((i) => [i.description, ...(i.capabilities ?? [])].join(' '))
        .join(' '),
    },
  );
  return matches.flatMap((m): PartnerDenial[] => {
    const record = active.find((d) => d.sender === m.sender && d.reference === m.reference);
    if (!record) return [];
    return [
      {
        authority: m.sender,
        reference: m.reference,
        summary: `${record.denial.itemDescription} (${record.denial.controlEntries.join(', ') || 'no entry given'}) to ${record.denial.destination}, end use "${record.denial.endUse}"`,
        essentiallyIdentical: m.essentiallyIdentical,
        because: m.because,
        provenance: {
          deniedOn: record.denial.deniedOn,
          receivedAt: record.updatedAt.toISOString(),
          channel: 'exchange',
        },
      },
    ];
  });
}
