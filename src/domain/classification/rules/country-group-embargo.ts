import { countryGroup } from '../../policy/destination-measures.ts';
import type { CountryGroupEmbargoRule } from '../../policy/jurisdiction-policy.ts';
import type { LicenceQuery, LicensingReference, RuleOutput } from '../licence-query.ts';
import { basisOf, receivingCountries } from './rule-output.ts';

export function countryGroupEmbargo(
  rule: CountryGroupEmbargoRule,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  if (query.items.length === 0)
    return {
      basis: [basisOf(rule, 'not-applicable', 'no item of the transaction is subject to this law')],
      missing: [],
    };
  const hits = receivingCountries(query).flatMap((c) =>
    rule.countryGroups.flatMap((id) => {
      const g = countryGroup(reference.measures, id);
      return g?.members.includes(c) ? [{ country: c, group: g }] : [];
    }),
  );
  if (hits.length === 0) {
    return {
      basis: [
        basisOf(
          rule,
          'not-applicable',
          `${receivingCountries(query).join(', ')} not in Country Group ${rule.countryGroups.join(' or ')}`,
        ),
      ],
      missing: [],
    };
  }
  return {
    basis: hits.map(({ country, group }) =>
      basisOf(
        rule,
        rule.effect,
        `${country} is in Country Group ${group.id} (${group.name}; membership ${group.confidence} confidence): a licence is required for (nearly) all items subject to the EAR`,
        {
          citations: [
            {
              text: `${group.id}: ${group.members.join(', ')}`,
              textStatus: group.textStatus,
              source: group.source,
            },
          ],
        },
      ),
    ),
    missing: [],
  };
}
