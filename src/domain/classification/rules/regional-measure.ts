import type { RegionalMeasureRule } from '../../policy/jurisdiction-policy.ts';
import type { LicenceQuery, RuleOutput } from '../licence-query.ts';
import { basisOf } from './rule-output.ts';

export function regionalMeasure(rule: RegionalMeasureRule, query: LicenceQuery): RuleOutput {
  if (query.destination.country !== rule.country) {
    return {
      basis: [basisOf(rule, 'not-applicable', `the destination is not ${rule.country}`)],
      missing: [],
    };
  }
  const region = query.destination.region?.trim().toLowerCase();
  if (region === undefined || region === '') {
    return {
      basis: [
        basisOf(
          rule,
          'undetermined',
          `measures apply to parts of ${rule.country} (${rule.regions.join(', ')}): the destination region is not given`,
        ),
      ],
      missing: [
        {
          field: 'destination.region',
          question: `Is the destination in ${rule.regions.join(', ')}?`,
        },
      ],
    };
  }
  const matched = rule.regions.find((r) => region.includes(r.toLowerCase()));
  return {
    basis: [
      matched
        ? basisOf(
            rule,
            rule.effect,
            `the destination region (${query.destination.region ?? ''}) is under ${rule.title}`,
          )
        : basisOf(
            rule,
            'not-applicable',
            `the destination region (${query.destination.region ?? ''}) is not one of ${rule.regions.join(', ')}`,
          ),
    ],
    missing: [],
  };
}
