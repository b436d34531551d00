import type { CapabilityTag } from '../classification/classification-facts.ts';
import type { PartyScreening } from '../classification/licence-requirement.ts';
import type { CountryCode } from '../policy/country-code.ts';
import {
  armsEmbargoesOn,
  countryGroupsOf,
  type MeasureAuthority,
} from '../policy/destination-measures.ts';
import type { CitedText } from '../policy/text-provenance.ts';
import { readIndicators } from './country-indicators.ts';
import type {
  CountryAssessment,
  EndUseIndicator,
  HumanRightsPolicy,
  RiskLevel,
} from './human-rights-policy.ts';
import {
  factor,
  fold,
  type AssessedItem,
  type HumanRightsFacts,
  type HumanRightsData,
  type Audience,
  type RiskFactor,
} from './risk-factor.ts';

export {
  factor,
  type AssessedItem,
  type Audience,
  type HumanRightsData,
  type HumanRightsFacts,
  type PartnerDenial,
  type RiskFactor,
} from './risk-factor.ts';
export {
  classifyScreeningHits,
  entityListHumanRightsListing,
  hasHumanRightsListing,
  screeningFactor,
  type HumanRightsHit,
} from './screening-factor.ts';
export { partnerDenialsFactor } from './partner-denials-factor.ts';

// ---------------------------------------------------------------------------------------------
// Destination

/**
 * The authority's assessment that applies to the destination: one naming the destination's
 * region wins over the country-wide one. Officer-only assessments are skipped for exporters.
 */
export function countryAssessmentFor(
  policy: HumanRightsPolicy,
  destination: HumanRightsFacts['destination'],
  audience: Audience = 'officer',
): CountryAssessment | undefined {
  const visible = policy.countryAssessments.filter(
    (a) => a.country === destination.country && (audience === 'officer' || !a.officerOnly),
  );
  const region = destination.region ? fold(destination.region) : undefined;
  const regional = region
    ? visible.find((a) =>
        a.regions.some((r) => {
          const f = fold(r);
          return region === f || region.includes(f) || f.includes(region);
        }),
      )
    : undefined;
  return regional ?? visible.find((a) => a.regions.length === 0);
}

/** The destination's risk level: the authority's assessment, or `low` when it has none. */
export const destinationRiskLevel = (
  policy: HumanRightsPolicy,
  destination: HumanRightsFacts['destination'],
  audience: Audience = 'officer',
): RiskLevel => countryAssessmentFor(policy, destination, audience)?.risk ?? 'low';

/** Arms embargoes on the destination by the authorities the policy recognises. */
export const destinationEmbargoes = (
  policy: HumanRightsPolicy,
  data: HumanRightsData,
  country: CountryCode,
) =>
  armsEmbargoesOn(
    data.measures,
    country,
    policy.embargoAuthorities.filter((a): a is MeasureAuthority => ['un', 'eu', 'uk'].includes(a)),
  );

/**
 * Destination country and region: the authority's own country assessment (a regional one wins),
 * arms embargoes, bans on monitoring and interception equipment, the EAR country groups of
 * concern (E:1/E:2 embargoed, D:5 arms-embargoed) and the imported country indicators the policy
 * reads (a V-Dem value at or beyond the policy's threshold counts as that risk level). The most
 * severe of them sets the severity.
 *
 * @example
 * destinationFactor(policy, data, { destination: { country: 'CN', region: 'Xinjiang' }, ... })
 * // severity 1 from the Xinjiang assessment ("unacceptable"), evidence names it and its date
 */
export function destinationFactor(
  policy: HumanRightsPolicy,
  data: HumanRightsData,
  facts: Pick<HumanRightsFacts, 'destination'>,
  audience: Audience = 'officer',
): RiskFactor {
  const { country, region } = facts.destination;
  const evidence: string[] = [];
  const cited: CitedText[] = [];
  let severity = 0;
  const assessment = countryAssessmentFor(policy, facts.destination, audience);
  if (assessment) {
    severity = Math.max(severity, policy.countryRiskSeverity[assessment.risk]);
    const scope =
      assessment.regions.length > 0 ? `${country} (${assessment.regions.join(', ')})` : country;
    evidence.push(
      `The authority assesses ${scope} as ${assessment.risk} risk (assessment of ${assessment.date}).`,
    );
    if (region && assessment.regions.length === 0)
      evidence.push(`No assessment of the region "${region}" is recorded; the country's applies.`);
    cited.push(assessment.summary, ...assessment.sources);
  } else {
    evidence.push(`The authority has recorded no human-rights assessment of ${country}.`);
  }
  for (const e of destinationEmbargoes(policy, data, country)) {
    severity = Math.max(severity, 0.8);
    evidence.push(`${e.authority.toUpperCase()} arms embargo on ${country} (${e.scope}).`);
    cited.push({
      text: `${e.authority.toUpperCase()} arms embargo on ${country}: ${e.scope}.`,
      textStatus: e.textStatus,
      source: e.source,
    });
  }
  for (const m of data.measures.monitoringMeasures.filter((x) => x.country === country)) {
    severity = Math.max(severity, 0.9);
    evidence.push(
      `${m.authority.toUpperCase()} measure on monitoring and interception equipment for ${country} (${m.instrument}).`,
    );
    cited.push(m.licenceProvision);
  }
  for (const g of countryGroupsOf(data.measures, country)) {
    const s = g.id.startsWith('E:') ? 0.8 : g.id === 'D:5' ? 0.6 : 0;
    if (s === 0) continue;
    severity = Math.max(severity, s);
    evidence.push(`${country} is in EAR Country Group ${g.id} (${g.name}).`);
    cited.push({
      text: `EAR Country Group ${g.id} (${g.name}) includes ${country}.`,
      textStatus: g.textStatus,
      source: g.source,
    });
  }
  for (const reading of readIndicators(policy.countryIndicators, data.indicators ?? [], country)) {
    const { rule } = reading;
    const name = `${rule.source} ${rule.indicator}`;
    if (reading.kind === 'no-dataset') {
      evidence.push(
        `The policy reads ${name}, but no ${rule.source} dataset is imported: not considered.`,
      );
      continue;
    }
    if (reading.kind === 'no-value') {
      evidence.push(`${reading.dataset.id} has no ${rule.indicator} value for ${country}.`);
      continue;
    }
    severity = Math.max(severity, policy.countryRiskSeverity[reading.level]);
    const { dataset } = reading;
    evidence.push(
      `${name} for ${country} in ${reading.year} is ${reading.value} (imported dataset ${dataset.id}): ${reading.level} risk under the policy's indicator ${rule.id}.`,
    );
    cited.push(rule.basis, {
      text: `${rule.indicator} = ${reading.value} for ${country} in ${reading.year}.`,
      // Imported by the user from a file Cordon cannot check against the publisher's copy.
      textStatus: 'seed-unverified',
      source: {
        title: `${rule.source} dataset ${dataset.id} (${dataset.fileName}, SHA-256 ${dataset.contentHash.slice(0, 12)}...)`,
        date: dataset.importedAt.toISOString().slice(0, 10),
        file: dataset.fileName,
      },
    });
  }
  return factor(policy, 'destination', 'Destination country and region', severity, evidence, cited);
}

// ---------------------------------------------------------------------------------------------
// End user

const receivingRoles = new Set(['end-user', 'consignee', 'intermediate-consignee']);

/** The end users of the application (parties with role `end-user`). */
export const endUsers = (parties: readonly PartyScreening[]): readonly PartyScreening[] =>
  parties.filter((p) => p.role === 'end-user');

/**
 * End-user type: police, intelligence, government security and military end users weigh most.
 * An end user that is not named, or whose type is unknown, behind an intermediary in a
 * transshipment hub is a diversion risk and weighs as much.
 */
export function endUserFactor(
  policy: HumanRightsPolicy,
  facts: Pick<HumanRightsFacts, 'parties' | 'destination'>,
): RiskFactor {
  const evidence: string[] = [];
  const users = endUsers(facts.parties);
  let severity = 0;
  for (const u of users) {
    const type = u.type ?? 'unknown';
    const s = policy.endUserTypeSeverity[type];
    severity = Math.max(severity, s);
    evidence.push(`End user "${u.name}" is of type ${type}.`);
  }
  const undisclosed = users.length === 0 || users.every((u) => (u.type ?? 'unknown') === 'unknown');
  if (users.length === 0) {
    severity = Math.max(severity, policy.endUserTypeSeverity.unknown);
    evidence.push('No end user is named.');
  }
  const hubs = facts.parties.filter(
    (p) =>
      p.role !== 'end-user' &&
      receivingRoles.has(p.role) &&
      p.country !== undefined &&
      policy.transshipmentHubs.includes(p.country),
  );
  const destinationIsHub = policy.transshipmentHubs.includes(facts.destination.country);
  if (undisclosed && (hubs.length > 0 || destinationIsHub)) {
    severity = Math.max(severity, 0.9);
    const where =
      hubs.length > 0
        ? hubs.map((h) => `"${h.name}" (${h.country ?? ''})`).join(', ')
        : facts.destination.country;
    evidence.push(
      `The end user is undisclosed behind an intermediary in a transshipment hub: ${where}; diversion risk.`,
    );
  }
  return factor(policy, 'end-user', 'End-user type', severity, evidence);
}

// ---------------------------------------------------------------------------------------------
// Item capability

const capabilitySeverity: Readonly<Record<CapabilityTag, number>> = {
  'intrusion-software': 1,
  'communications-interception': 1,
  'ip-network-surveillance': 1,
  'location-tracking': 1,
  'facial-recognition': 1,
  'biometric-identification': 0.9,
  'deep-packet-inspection': 0.9,
  'social-media-monitoring': 0.9,
  'forensic-extraction': 0.8,
  'video-analytics': 0.7,
  cryptanalysis: 0.6,
  none: 0,
};

/** How much an item could serve surveillance, in [0, 1], and why. */
export function itemSeverity(item: AssessedItem): { severity: number; reasons: string[] } {
  const reasons: string[] = [];
  let severity = 0;
  for (const tag of item.capabilities) {
    const s = Object.hasOwn(capabilitySeverity, tag) ? capabilitySeverity[tag as CapabilityTag] : 0;
    if (s > 0) reasons.push(`capability ${tag}`);
    severity = Math.max(severity, s);
  }
  const c = item.classification;
  if (c.cyberSurveillance.status === 'listed' || c.cyberSurveillance.status === 'non-listed') {
    severity = Math.max(severity, 0.9);
    reasons.push(`a cyber-surveillance item (${c.cyberSurveillance.status})`);
  } else if (c.cyberSurveillance.status === 'possibly-non-listed') {
    severity = Math.max(severity, 0.5);
    reasons.push('possibly a non-listed cyber-surveillance item');
  }
  if (c.interception.status === 'yes' || c.interception.status === 'possible') {
    severity = Math.max(severity, c.interception.status === 'yes' ? 0.9 : 0.5);
    reasons.push(
      `interception and monitoring functions ${c.interception.functions.map((f) => `(${f.id})`).join(' ')} (${c.interception.status})`,
    );
  }
  const listed = c.regimes.filter((r) => r.outcome.kind === 'listed');
  if (listed.length > 0) {
    severity = Math.max(severity, 0.4);
    reasons.push(
      `listed: ${listed.map((r) => `${r.regime} ${r.outcome.kind === 'listed' ? r.outcome.entries.join(', ') : ''}`).join('; ')}`,
    );
  }
  const undetermined = c.regimes.every((r) => r.outcome.kind === 'undetermined');
  if (severity === 0 && item.capabilities.length === 0 && undetermined) {
    severity = 0.3;
    reasons.push('no capability tags and an undetermined classification');
  }
  return { severity, reasons };
}

/** True when any item has surveillance capability (severity from 0.5). */
export const hasSurveillanceItem = (items: readonly AssessedItem[]): boolean =>
  items.some((i) => itemSeverity(i).severity >= 0.5);

/**
 * Item capability: the surveillance capability tags of the outward contract and the
 * classification (listed entries, cyber-surveillance items, interception functions). The most
 * capable item sets the severity.
 */
export function itemCapabilityFactor(
  policy: HumanRightsPolicy,
  facts: Pick<HumanRightsFacts, 'items'>,
): RiskFactor {
  let severity = 0;
  const evidence = facts.items.map((item, i) => {
    const r = itemSeverity(item);
    severity = Math.max(severity, r.severity);
    return `Item ${i + 1} ("${item.description.slice(0, 60)}"): ${r.reasons.length > 0 ? r.reasons.join('; ') : 'no surveillance capability'}.`;
  });
  return factor(policy, 'item-capability', 'Item capability', severity, evidence);
}

// ---------------------------------------------------------------------------------------------
// End use

/** The end-use indicators whose terms occur in the statement (folded, whole words or phrases). */
export function matchEndUse(
  policy: HumanRightsPolicy,
  statement: string,
): readonly { indicator: EndUseIndicator; term: string }[] {
  const text = ` ${fold(statement)} `;
  return policy.endUseIndicators.flatMap((indicator) => {
    const term = indicator.terms.find((t) => text.includes(` ${fold(t)}`));
    return term ? [{ indicator, term }] : [];
  });
}

/**
 * End-use statement: words that describe targeting protesters, dissidents, journalists or
 * minorities, or mass monitoring, are read against the red flags they point to. A missing
 * statement is itself a red flag (the buyer is reluctant to say).
 */
export function endUseFactor(
  policy: HumanRightsPolicy,
  facts: Pick<HumanRightsFacts, 'endUse'>,
): RiskFactor {
  const statement = facts.endUse.trim();
  const matches = matchEndUse(policy, statement);
  const flags = (id: string) => policy.redFlags.find((f) => f.id === id);
  let severity = Math.max(0, ...matches.map((m) => m.indicator.severity));
  const evidence = matches.map(
    (m) => `The end-use statement says "${m.term}": red flag ${m.indicator.redFlag}.`,
  );
  const cited = matches.flatMap((m) => {
    const f = flags(m.indicator.redFlag);
    return f ? [f.text] : [];
  });
  if (statement === '') {
    severity = Math.max(severity, 0.4);
    evidence.push('No end-use statement was given.');
    const kyc = flags('KYC-02');
    if (kyc) cited.push(kyc.text);
  } else if (matches.length === 0) {
    evidence.push('The end-use statement contains none of the indicators the policy recognises.');
  }
  return factor(policy, 'end-use', 'End-use statement', severity, evidence, cited);
}

/** True when the end-use statement describes targeting people. */
export const endUseTargetsPeople = (policy: HumanRightsPolicy, statement: string): boolean =>
  matchEndUse(policy, statement).some((m) => m.indicator.targetsPeople);

// ---------------------------------------------------------------------------------------------
// Red flags

const scaleTerms = [
  'carrier grade',
  'carrier class',
  'nationwide',
  'nation wide',
  'national scale',
  'city wide',
  'backbone',
  'population database',
  'mass',
];

/**
 * Red flags: those the exporter observed (ids of the shipped due-diligence data the policy
 * recognises), and those Cordon derives: deployment at national scale from item descriptions
 * (CS-07). Severities add up to at most 1.
 */
export function redFlagsFactor(
  policy: HumanRightsPolicy,
  facts: Pick<HumanRightsFacts, 'redFlags' | 'items'>,
): RiskFactor {
  const evidence: string[] = [];
  const cited: CitedText[] = [];
  let total = 0;
  const seen = new Set<string>();
  const add = (id: string, why: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const f = policy.redFlags.find((x) => x.id === id);
    if (!f) {
      evidence.push(`Red flag ${id} (${why}) is not one this policy recognises; not weighed.`);
      return;
    }
    total += f.severity;
    evidence.push(`Red flag ${id} (${why}).`);
    cited.push(f.text);
  };
  for (const id of facts.redFlags) add(id, 'observed by the exporter');
  for (const item of facts.items) {
    const d = ` ${fold(item.description)} `;
    const term = scaleTerms.find((t) => d.includes(` ${t} `));
    if (term) add('CS-07', `derived: the item description says "${term}"`);
  }
  if (seen.size === 0) evidence.push('No red flag observed or derived.');
  return factor(policy, 'red-flags', 'Red flags', Math.min(1, total), evidence, cited);
}
