import type { SubjectToEarRule } from '../../policy/jurisdiction-policy.ts';
import { countryGroup } from '../../policy/destination-measures.ts';
import type {
  LicenceBasis,
  LicenceQuery,
  LicensingReference,
  MissingInformation,
} from '../licence-query.ts';
import { basisOf, receivingCountries } from './rule-output.ts';

/** Whether one item is subject to the EAR, as far as the stated facts tell. */
export type EarSubjection = 'subject' | 'not-subject' | 'unknown';

/**
 * Decides, item by item, whether the EAR reach a transaction (15 CFR 734.3): an export from the
 * United States always; a foreign exporter's item when it is of US origin, a foreign direct
 * product of US technology (734.9), or incorporates controlled US-origin content above the de
 * minimis level (734.4: 25 %, or 10 % for a destination in Country Group E:1 or E:2). When none of
 * this is stated the answer is `unknown`, with the question; EAR rules are then applied as if the
 * item were subject, and the basis says so.
 *
 * @example
 * // German exporter, item of German origin with 12 % US content, to Egypt: not subject (≤ 25 %).
 */
export function subjectToEar(
  rule: SubjectToEarRule,
  reference: LicensingReference,
  query: LicenceQuery,
): {
  readonly items: readonly EarSubjection[];
  readonly basis: readonly LicenceBasis[];
  readonly missing: readonly MissingInformation[];
} {
  const exporter = query.exporter?.country;
  if (exporter === 'US' || exporter === undefined) {
    // No exporter named (a classification query): taken as an export from the United States,
    // which applies every EAR rule: the stricter reading.
    return {
      items: query.items.map(() => 'subject'),
      basis: [
        basisOf(
          rule,
          'information',
          exporter === 'US'
            ? 'the export is made from the United States: every item is subject to the EAR (15 CFR 734.3(a)(1))'
            : 'no exporter is named: the export is taken as made from the United States, so every item is treated as subject to the EAR (15 CFR 734.3(a)(1))',
        ),
      ],
      missing: [],
    };
  }
  const embargoed = receivingCountries(query).some((c) =>
    ['E:1', 'E:2'].some((g) => countryGroup(reference.measures, g)?.members.includes(c)),
  );
  const threshold = embargoed ? 10 : 25;
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  const items = query.items.map((item, i): EarSubjection => {
    const facts = item.ear ?? {};
    const from = `a foreign exporter (${exporter})`;
    if (facts.origin === 'US') {
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label} is of US origin: subject to the EAR wherever it is (15 CFR 734.3(a)(2))`,
          { item: i },
        ),
      );
      return 'subject';
    }
    if (facts.foreignDirectProduct === true) {
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label} is a foreign direct product of US technology or software: subject to the EAR (15 CFR 734.3(a)(4), 734.9)`,
          { item: i },
        ),
      );
      return 'subject';
    }
    const pct = facts.usControlledContentPercent;
    if (pct !== undefined && facts.foreignDirectProduct === false) {
      if (pct > threshold) {
        basis.push(
          basisOf(
            rule,
            'information',
            `${item.label} incorporates ${pct} % controlled US-origin content, above the de minimis level of ${threshold} %${embargoed ? ' (E:1/E:2 destination)' : ''}: subject to the EAR (15 CFR 734.3(a)(3), 734.4)`,
            { item: i },
          ),
        );
        return 'subject';
      }
      basis.push(
        basisOf(
          rule,
          'information',
          `${item.label}, made outside the United States by ${from}, incorporates ${pct} % controlled US-origin content (de minimis level ${threshold} %) and is no foreign direct product: not subject to the EAR, so EAR rules do not apply to it (15 CFR 734.4; some items have no de minimis, check 734.4(a))`,
          { item: i },
        ),
      );
      return 'not-subject';
    }
    basis.push(
      basisOf(
        rule,
        'undetermined',
        `${item.label} is exported by ${from}: whether it is subject to the EAR (US origin, controlled US content above ${threshold} %, foreign direct product) is not stated; the EAR rules below apply only if it is`,
        { item: i },
      ),
    );
    missing.push({
      field: `items[${i}].origin`,
      question: `Is ${item.label} of US origin? If not, what share of its value is controlled US-origin content (items[${i}].usControlledContentPercent), and is it a foreign direct product of US technology or software (items[${i}].foreignDirectProduct)?`,
    });
    return 'unknown';
  });
  return { items, basis, missing };
}
