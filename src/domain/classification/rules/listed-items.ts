import type { CountryCode } from '../../policy/country-code.ts';
import { countryGroup } from '../../policy/destination-measures.ts';
import { isEuMemberState } from '../../policy/jurisdiction.ts';
import type { EffectivePolicy, ListedItemsRule } from '../../policy/jurisdiction-policy.ts';
import { entryIn } from '../control-catalogue.ts';
import type {
  LicensableItem,
  LicenceBasis,
  LicenceQuery,
  LicensingReference,
  MissingInformation,
  RuleOutput,
} from '../licence-query.ts';
import { basisOf, outcomeIn, questionsAsMissing } from './rule-output.ts';

export function listedItems(
  rule: ListedItemsRule,
  policy: EffectivePolicy,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const dest = query.destination.country;
  query.items.forEach((item, i) => {
    const outcome = outcomeIn(item, rule.regime);
    if (!outcome) {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label}: not classified under the ${rule.regime} list`,
          { item: i },
        ),
      );
      return;
    }
    switch (outcome.kind) {
      case 'not-listed':
        basis.push(
          basisOf(
            rule,
            'no-licence-required',
            `${item.label} is not listed (${rule.regime} list): ${outcome.reasons.join('; ')}`,
            { item: i },
          ),
        );
        return;
      case 'undetermined':
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${item.label}: whether it is listed (${rule.regime} list) is undetermined: ${outcome.reasons.join('; ')}`,
            { item: i },
          ),
        );
        missing.push(...questionsAsMissing(i, outcome.missing));
        return;
      case 'listed':
        break;
    }
    const entries = outcome.entries.join(', ');
    const inferred = outcome.confirmed
      ? ''
      : ' (classification inferred from tags or the description, or the exporter rating: confirm it by answering the open questions)';
    if (!outcome.confirmed)
      missing.push(...questionsAsMissing(i, item.classification.questions.slice(0, 12)));
    if (rule.exemptDestinations.includes(dest)) {
      basis.push(
        basisOf(
          rule,
          'no-licence-required',
          `${item.label} (${entries}) needs no licence under this rule for ${dest}${inferred}`,
          { item: i },
        ),
      );
      return;
    }
    const uncertain = rule.uncertainDestinations.find((u) => u.countries.includes(dest));
    if (uncertain) {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label} (${entries}) to ${dest}: ${uncertain.note.text}`,
          {
            item: i,
            citations: [uncertain.note],
          },
        ),
      );
      missing.push({
        field: 'destination.country',
        question: `Does an exemption for ${dest} apply? ${uncertain.note.text}`,
      });
      return;
    }
    switch (rule.scope) {
      case 'all-destinations':
        basis.push(
          basisOf(
            rule,
            'licence-required',
            `${item.label} is listed as ${entries}${inferred}: a licence is required for export to any destination`,
            { item: i },
          ),
        );
        return;
      case 'outside-customs-union':
        if (isEuMemberState(dest)) {
          basis.push(
            basisOf(
              rule,
              'undetermined',
              `${item.label} (${entries}) to ${dest} is a transfer within the Union: authorisation is needed only for Annex IV items, and Annex IV is not in the shipped data`,
              { item: i },
            ),
          );
          missing.push({
            field: `items[${i}]`,
            question: `Is ${entries} in Annex IV of Regulation (EU) 2021/821 (intra-Union transfers)?`,
          });
        } else {
          basis.push(
            basisOf(
              rule,
              'licence-required',
              `${item.label} is listed in Annex I as ${entries}${inferred}: authorisation is required for export from the Union`,
              { item: i },
            ),
          );
        }
        return;
      case 'us-reasons-for-control': {
        const out = usReasons(rule, policy, reference, item, i, outcome.entries, dest, inferred);
        basis.push(...out.basis);
        missing.push(...out.missing);
        return;
      }
    }
  });
  return { basis, missing };
}

/**
 * The CCL licence requirement from the ECCNs' reasons for control. The shipped data gives the
 * reasons but not the Commerce Country Chart columns, so: SL needs a licence for every destination
 * (15 CFR 742.13); NS, RS, CC and EI need one outside Country Group A:1 (and Canada), and for A:1
 * destinations the column decides, which the data does not hold: undetermined.
 */
function usReasons(
  rule: ListedItemsRule,
  policy: EffectivePolicy,
  reference: LicensingReference,
  item: LicensableItem,
  index: number,
  entryIds: readonly string[],
  dest: CountryCode,
  inferred: string,
): RuleOutput {
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const a1 = countryGroup(reference.measures, 'A:1');
  const inA1 = a1?.members.includes(dest) ?? false;
  const sl = reference.texts.get('hr:US-EAR-742.13');
  for (const id of entryIds) {
    const entry = entryIn(reference.catalogue, policy.controlList, id);
    if (!entry && /^[0-9][A-E]99[0-9]/i.test(id.trim())) {
      // The x99x ECCNs are anti-terrorism (AT) controls only: a licence only for the AT-controlled
      // destinations, which the embargo rules cover.
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label} is rated ${id}, an ECCN controlled for anti-terrorism (AT) reasons only: no licence under the Commerce Country Chart outside the AT-controlled destinations (see the embargo rules)${inferred}`,
          {
            item: index,
            citations: [
              {
                text: 'ECCNs numbered in the x99x range of the Commerce Control List are controlled for anti-terrorism (AT) reasons only; AT controls require a licence for the countries designated as supporting terrorism (15 CFR 742.8 to 742.10, 746).',
                textStatus: 'seed-unverified',
                source: {
                  title:
                    "15 CFR 774 Supp. No. 1 (Commerce Control List), Cordon's summary; the CCL is not shipped",
                  date: '2026-12-06',
                  url: 'https://www.ecfr.gov/current/title-15/part-774',
                },
              },
            ],
          },
        ),
      );
      continue;
    }
    if (!entry) {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label} is rated ${id} by the exporter; the reasons for control of an ECCN outside Cordon's catalogue are not in the shipped data`,
          { item: index },
        ),
      );
      missing.push({
        field: `items[${index}].controlEntries`,
        question: `What are the reasons for control of ${id}, and does the Commerce Country Chart mark ${dest} for them?`,
      });
      continue;
    }
    const reasons = entry.reasonsForControl;
    const candidate = item.classification.regimes
      .find((r) => r.regime === 'us')
      ?.candidates.find((c) => c.entryId === id);
    const slApplies =
      reasons.includes('SL') &&
      (entry.id !== '5A001.f' || (candidate?.met.some((m) => m.criterion === 'f.1') ?? false));
    const notes = entry.notes.filter((n) => /reason|licen[cs]e|SL|742/i.test(n.text));
    if (slApplies) {
      basis.push(
        basisOf(
          rule,
          'licence-required',
          `${item.label} (${id}) is controlled for surreptitious listening (SL)${inferred}: a licence is required for all destinations, Canada included (15 CFR 742.13)`,
          { item: index, citations: [...(sl ? [sl] : []), ...notes] },
        ),
      );
      continue;
    }
    const chartReasons = reasons.filter((r) => r !== 'AT' && r !== 'SL');
    if (chartReasons.length === 0) {
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label} (${id}) is controlled for ${reasons.join(', ') || 'no recorded reason'} only: see the embargo rules`,
          { item: index, citations: notes },
        ),
      );
      continue;
    }
    if (inA1 || dest === 'CA') {
      basis.push(
        basisOf(
          rule,
          'undetermined',
          `${item.label} (${id}, ${chartReasons.join('/')}) to ${dest}: whether a licence is required depends on the Commerce Country Chart column of ${id}, which the shipped data does not hold (${dest} is in Country Group A:1)`,
          { item: index, citations: notes },
        ),
      );
      missing.push({
        field: `items[${index}].controlEntries`,
        question: `Does the Commerce Country Chart (15 CFR 738 Supp. 1) mark ${dest} for the ${chartReasons.join('/')} column of ${id}? (Check 15 CFR 774 Supp. 1; license exceptions such as ENC or ACE may also apply.)`,
      });
      continue;
    }
    basis.push(
      basisOf(
        rule,
        'licence-required',
        `${item.label} is on the CCL as ${id} (${reasons.join(', ')})${inferred}: a licence is required for ${dest}, outside Country Group A:1, unless a License Exception (15 CFR 740) applies`,
        { item: index, citations: notes },
      ),
    );
  }
  return { basis, missing };
}
