import { armsEmbargoesOn } from '../../policy/destination-measures.ts';
import type {
  EffectivePolicy,
  MilitaryEndUseCatchAllRule,
} from '../../policy/jurisdiction-policy.ts';
import type { CitedText } from '../../policy/text-provenance.ts';
import type {
  LicenceBasis,
  LicenceQuery,
  LicensingReference,
  MissingInformation,
  RuleOutput,
} from '../licence-query.ts';
import { basisOf, outcomeIn, receivingCountries } from './rule-output.ts';

export function militaryEndUse(
  rule: MilitaryEndUseCatchAllRule,
  policy: EffectivePolicy,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  const embargoes = receivingCountries(query).flatMap((c) =>
    armsEmbargoesOn(reference.measures, c, rule.embargoAuthorities),
  );
  if (embargoes.length === 0) {
    return {
      basis: [
        basisOf(
          rule,
          'not-applicable',
          `no ${rule.embargoAuthorities.join('/').toUpperCase()} arms embargo on ${receivingCountries(query).join(', ')} in the shipped data`,
        ),
      ],
      missing: [],
    };
  }
  const embargoCitations: CitedText[] = embargoes.map((e) => ({
    text: `${e.authority.toUpperCase()} arms embargo on ${e.country} (${e.scope})`,
    textStatus: e.textStatus,
    source: e.source,
  }));
  const where = [
    ...new Set(embargoes.map((e) => `${e.country} (${e.authority.toUpperCase()}, ${e.scope})`)),
  ].join(', ');
  const military = (query.parties ?? []).some((p) => p.type === 'military');
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  query.items.forEach((item, i) => {
    if (outcomeIn(item, policy.controlList)?.kind === 'listed') {
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label} is listed; the arms embargo on ${where} weighs in the licensing decision`,
          { item: i, citations: embargoCitations },
        ),
      );
      return;
    }
    const known = query.endUse?.militaryEndUse;
    if (known === 'informed') {
      basis.push(
        basisOf(
          rule,
          'licence-required',
          `${item.label}: the exporter was informed of a military end use in a country under an arms embargo (${where}): authorisation is required`,
          { item: i, citations: embargoCitations },
        ),
      );
    } else if (known === 'aware') {
      basis.push(
        basisOf(
          rule,
          'notify-authority',
          `${item.label}: the exporter is aware of a military end use in a country under an arms embargo (${where}): it must notify the authority`,
          { item: i, citations: embargoCitations },
        ),
      );
    } else if (known === 'none') {
      basis.push(
        basisOf(
          rule,
          'no-licence-required',
          `${item.label}: no military end use is known; the arms embargo on ${where} does not by itself require authorisation of a non-listed item`,
          { item: i, citations: embargoCitations },
        ),
      );
    } else if (military) {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label} goes to a military party in a country under an arms embargo (${where}): authorisation is required if the exporter is informed of a military end use`,
          { item: i, citations: embargoCitations },
        ),
      );
      missing.push({
        field: 'endUse.militaryEndUse',
        question:
          'Has the exporter been informed (or is it aware) that the items are intended for a military end use?',
      });
    } else {
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label}: ${where} is under an arms embargo; a military end use would require authorisation`,
          { item: i, citations: embargoCitations },
        ),
      );
    }
  });
  return { basis, missing };
}
