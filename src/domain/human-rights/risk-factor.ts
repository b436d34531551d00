import type { ItemClassification } from '../classification/classify-item.ts';
import type { PartyScreening } from '../classification/licence-requirement.ts';
import type { CountryCode } from '../policy/country-code.ts';
import type { DestinationMeasures } from '../policy/destination-measures.ts';
import type { EntityListHumanRightsListing } from '../policy/human-rights-reference.ts';
import {
  weakestStatus,
  type CitedText,
  type SourceRef,
  type TextStatus,
} from '../policy/text-provenance.ts';
import type { LoadedIndicatorDataset } from './country-indicators.ts';
import type { FactorKind, HumanRightsPolicy } from './human-rights-policy.ts';

/** What the human-rights factors read and produce, and the helpers every factor uses. */
/** An item as the assessment sees it: its tags and its classification. */
export interface AssessedItem {
  readonly description: string;
  readonly capabilities: readonly string[];
  readonly classification: ItemClassification;
}

/**
 * A denial a partner state notified through the exchange that resembles this application: the
 * same party (cross-script name match), and for an essentially identical transaction also the same
 * destination and goods (Reg. 2021/821 Art. 16(4): consult before granting).
 */
export interface PartnerDenial {
  /** The denying authority (`US-BIS`). */
  readonly authority: string;
  readonly reference: string;
  readonly summary: string;
  readonly essentiallyIdentical: boolean;
  /** How the application was matched to the denial (party, score, destination, goods). */
  readonly because: string;
  /** Where the denial came from: its date, and when this node recorded it. */
  readonly provenance: {
    readonly deniedOn: string;
    readonly receivedAt: string;
    readonly channel: 'exchange';
  };
}

/** The facts of one application the factors read; every code is already validated. */
export interface HumanRightsFacts {
  readonly destination: { readonly country: CountryCode; readonly region?: string };
  /** The parties with their screening hits. */
  readonly parties: readonly PartyScreening[];
  readonly items: readonly AssessedItem[];
  readonly endUse: string;
  /** Ids of red flags the exporter observed (validated against the shipped data). */
  readonly redFlags: readonly string[];
  readonly partnerDenials: readonly PartnerDenial[];
  /** False when no exchange is connected: the factor then says it could not be checked. */
  readonly partnerDenialsConnected?: boolean;
}

/** The shipped reference data the factors read. */
export interface HumanRightsData {
  readonly measures: DestinationMeasures;
  readonly entityListHumanRightsListings: readonly EntityListHumanRightsListing[];
  /** The current imported country indicator datasets (`cordon indicators import`), if any. */
  readonly indicators?: readonly LoadedIndicatorDataset[];
}

/** Who the assessment is for: an exporter's self-assessment leaves out officer-only evidence. */
export type Audience = 'officer' | 'exporter';

/**
 * One risk factor: its weight in the policy, how severe it is here (0 = nothing found, 1 = the
 * worst the factor measures), the evidence, and the texts it rests on. Cordon's evidence lines are
 * its own words; only `citations` carry texts, each with its `textStatus`.
 */
export interface RiskFactor {
  readonly id: FactorKind;
  readonly title: string;
  readonly weight: number;
  readonly severity: number;
  /** weight x severity: the factor's share of the risk score before item relevance. */
  readonly contribution: number;
  readonly evidence: readonly string[];
  /** The source of the factor's first citation (its basis in the policy). */
  readonly source: SourceRef;
  readonly citations: readonly CitedText[];
  /** The weakest status of the citations. */
  readonly textStatus: TextStatus;
}

export const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Builds a factor: its weight from the policy, its severity clamped to [0, 1], its texts. */
export function factor(
  policy: HumanRightsPolicy,
  id: FactorKind,
  title: string,
  severity: number,
  evidence: readonly string[],
  extra: readonly CitedText[] = [],
): RiskFactor {
  const setting = policy.factors[id];
  const citations = [setting.basis, ...extra];
  const s = Math.max(0, Math.min(1, severity));
  return {
    id,
    title,
    weight: setting.weight,
    severity: round(s),
    contribution: round(setting.weight * s),
    evidence,
    source: setting.basis.source,
    citations,
    textStatus: weakestStatus(citations.map((c) => c.textStatus)),
  };
}

/** Folds a text for comparison: no accents, lower case, words separated by one space. */
export const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
