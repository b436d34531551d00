import { isEuMemberState } from '../../policy/jurisdiction.ts';
import type {
  CyberSurveillanceCatchAllRule,
  EffectivePolicy,
} from '../../policy/jurisdiction-policy.ts';
import type {
  LicenceBasis,
  LicenceQuery,
  MissingInformation,
  RuleOutput,
} from '../licence-query.ts';
import { basisOf, outcomeIn, questionsAsMissing } from './rule-output.ts';

export function cyberSurveillanceCatchAll(
  rule: CyberSurveillanceCatchAllRule,
  policy: EffectivePolicy,
  query: LicenceQuery,
): RuleOutput {
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const endUse = query.endUse ?? {};
  if (isEuMemberState(query.destination.country)) {
    return {
      basis: [
        basisOf(
          rule,
          'not-applicable',
          `Article 5 concerns exports from the Union; ${query.destination.country} is a member state`,
        ),
      ],
      missing: [],
    };
  }
  query.items.forEach((item, i) => {
    const cs = item.classification.cyberSurveillance;
    const outcome = outcomeIn(item, policy.controlList);
    if (outcome?.kind === 'listed') {
      basis.push(
        basisOf(
          rule,
          'not-applicable',
          `${item.label} is listed: the listed-items rule governs it, not the catch-all`,
          { item: i },
        ),
      );
      return;
    }
    if (cs.status === 'no' && endUse.informedByAuthority !== true) {
      basis.push(
        basisOf(
          rule,
          'not-applicable',
          `${item.label} is not a cyber-surveillance item: ${cs.reasons.join('; ')}`,
          { item: i },
        ),
      );
      return;
    }
    const what =
      cs.status === 'non-listed'
        ? 'a non-listed cyber-surveillance item'
        : 'possibly a non-listed cyber-surveillance item';
    if (endUse.informedByAuthority === true) {
      basis.push(
        basisOf(
          rule,
          'licence-required',
          `${item.label}: the competent authority informed the exporter that the items are or may be intended for internal repression or serious violations of human rights or IHL: authorisation is required`,
          {
            item: i,
            citations: [rule.informed],
          },
        ),
      );
      return;
    }
    if (endUse.awareOfMisuse === true) {
      if (cs.status === 'unknown') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${item.label}: the exporter is aware of an intended misuse, but whether the item is a cyber-surveillance item is unknown`,
            { item: i, citations: [rule.aware] },
          ),
        );
        if (cs.question) missing.push(...questionsAsMissing(i, [cs.question]));
        return;
      }
      basis.push(
        basisOf(
          rule,
          'notify-authority',
          `${item.label} is ${what}, and the exporter is aware from its due diligence that it is intended for internal repression or serious violations of human rights: the exporter must notify the competent authority, which decides whether to require authorisation; the export cannot proceed until it has`,
          { item: i, citations: [rule.aware] },
        ),
      );
      if (cs.status === 'possibly-non-listed' && cs.question)
        missing.push(...questionsAsMissing(i, [cs.question]));
      return;
    }
    if (endUse.suspectsMisuse === true) {
      const citations = rule.suspects ? [rule.suspects] : [];
      switch (rule.suspicionRule) {
        case 'applies':
          basis.push(
            basisOf(
              rule,
              'licence-required',
              `${item.label} is ${what} and the exporter has grounds for suspecting misuse: national law requires authorisation`,
              { item: i, citations },
            ),
          );
          return;
        case 'not-adopted':
          basis.push(
            basisOf(
              rule,
              'information',
              `${item.label}: the exporter suspects misuse; this jurisdiction has no national suspicion rule (Art. 5(3)), but due diligence should continue`,
              { item: i, citations },
            ),
          );
          return;
        case 'unknown':
          basis.push(
            basisOf(
              rule,
              'undetermined',
              `${item.label} is ${what} and the exporter suspects misuse: whether national law makes that enough for an authorisation requirement (Art. 5(3)) is not in the shipped data`,
              { item: i, citations },
            ),
          );
          missing.push({
            field: 'jurisdiction',
            question:
              'Has this member state adopted national legislation under Art. 5(3) of Regulation (EU) 2021/821?',
          });
          return;
      }
    }
    const answered = endUse.informedByAuthority === false && endUse.awareOfMisuse === false;
    if (answered) {
      basis.push(
        basisOf(
          rule,
          'no-licence-required',
          `${item.label} is ${what}, but the exporter has not been informed by the authority and is not aware of an intended misuse: Article 5 requires no authorisation (due diligence continues)`,
          {
            item: i,
            citations: [rule.informed, rule.aware],
          },
        ),
      );
      return;
    }
    basis.push(
      basisOf(
        rule,
        'undetermined',
        `${item.label} is ${what}: Article 5 turns on whether the exporter has been informed by the competent authority or is aware of an intended use for internal repression or serious human-rights violations, which is not stated`,
        {
          item: i,
          citations: [rule.informed, rule.aware],
        },
      ),
    );
    if (endUse.informedByAuthority === undefined) {
      missing.push({
        field: 'endUse.informedByAuthority',
        question:
          'Has the competent authority informed the exporter that the items are or may be intended for use in connection with internal repression or serious violations of human rights or international humanitarian law?',
      });
    }
    if (endUse.awareOfMisuse === undefined) {
      missing.push({
        field: 'endUse.awareOfMisuse',
        question:
          'Is the exporter aware, from its due diligence, that the items are intended for such a use?',
      });
    }
  });
  return { basis, missing };
}
