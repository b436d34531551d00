import type { CitedText } from '../policy/text-provenance.ts';
import type { HumanRightsPolicy } from './human-rights-policy.ts';
import { factor, type HumanRightsFacts, type RiskFactor } from './risk-factor.ts';

// ---------------------------------------------------------------------------------------------
// Partner denials

/**
 * Partner denials received through the exchange: an essentially identical transaction denied by a
 * partner weighs fully (the authority must consult it before granting), a denial of the same party
 * for other goods or another destination weighs half. Each denial is cited with its sender,
 * reference and dates.
 *
 * @example
 * // US-BIS denied 5A001.j to the same end user in CN; this application: 5A001.j to CN -> severity 1
 */
export function partnerDenialsFactor(
  policy: HumanRightsPolicy,
  facts: Pick<HumanRightsFacts, 'partnerDenials' | 'partnerDenialsConnected'>,
): RiskFactor {
  const denials = facts.partnerDenials;
  const identical = denials.filter((d) => d.essentiallyIdentical);
  const evidence =
    denials.length === 0
      ? [
          facts.partnerDenialsConnected === false || facts.partnerDenialsConnected === undefined
            ? 'Partner denials could not be checked: no denial exchange is connected to this assessment.'
            : 'No partner denial in force resembles this application (checked against the exchange).',
        ]
      : denials.map(
          (d) =>
            `${d.essentiallyIdentical ? 'Essentially identical to' : 'Resembles'} ${d.authority} denial ${d.reference} of ${d.provenance.deniedOn} (received ${d.provenance.receivedAt}): ${d.because}.`,
        );
  const citations: CitedText[] = denials.map((d) => ({
    text: `${d.authority} denial ${d.reference}: ${d.summary}`,
    textStatus: 'paraphrase',
    source: {
      title: `Denial notification ${d.reference} from ${d.authority}, received through the exchange`,
      date: d.provenance.deniedOn,
    },
  }));
  return factor(
    policy,
    'partner-denials',
    'Partner denials',
    identical.length > 0 ? 1 : denials.length > 0 ? 0.5 : 0,
    evidence,
    citations,
  );
}
