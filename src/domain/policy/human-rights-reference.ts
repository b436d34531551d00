import type { CountryCode } from './country-code.ts';
import type { CitedText, TextStatus } from './text-provenance.ts';

/**
 * The human-rights reference data Cordon ships (ECHRI code, legal tests, red flags, due-diligence
 * steps, indicator dataset licences, Entity List human-rights listings), typed. Classification and
 * licence determination cite some of it; the human-rights assessment builds on all of it.
 */
export interface HumanRightsReference {
  readonly echri: EchriCode;
  readonly legalTests: readonly LegalTest[];
  readonly dueDiligenceSteps: readonly DueDiligenceStep[];
  readonly redFlags: readonly RedFlag[];
  readonly datasets: readonly IndicatorDatasetLicence[];
  readonly entityListHumanRightsListings: readonly EntityListHumanRightsListing[];
}

/** The Export Controls and Human Rights Initiative Code of Conduct (30 March 2023). */
export interface EchriCode {
  readonly launched: string;
  readonly codeReleased: string;
  readonly foundingStates: readonly CountryCode[];
  readonly subscribingStates: readonly { readonly country: CountryCode; readonly name: string }[];
  readonly commitments: readonly {
    readonly id: string;
    readonly text: CitedText;
    /** What the commitment means for Cordon (Cordon's words, not the Code's). */
    readonly platformUse: string;
  }[];
}

/** A legal or policy test applied when licensing (EU Art. 5, CP 2008/944 Criterion 2, EAR 742.7...). */
export interface LegalTest {
  /** As in the data: `EU-2021/821-Art5`, `UK-SELC-2021-C2`, `US-EAR-744.11`. */
  readonly id: string;
  readonly jurisdiction: string;
  readonly instrument: string;
  /** `true`, `false`, or the data's own words (`policy (statutory guidance ...)`). */
  readonly binding: boolean | string;
  readonly scope?: string;
  /** The short test (`clear risk`, `substantial risk`) when the data names one. */
  readonly test?: string;
  /** The whole text when the data gives one, else empty; see `parts` for paragraph-wise texts. */
  readonly texts: readonly LegalTestPart[];
}

/** One paragraph or sub-test of a legal test, with its own status. */
export interface LegalTestPart {
  /** `5(1)`, `2a`, or `text` for the test's single text. */
  readonly id: string;
  readonly text: CitedText;
  readonly threshold?: string;
  readonly outcome?: string;
}

/** A due-diligence step (DD-1 ... DD-8). */
export interface DueDiligenceStep {
  readonly id: string;
  readonly step: CitedText;
  readonly sources: readonly string[];
}

/** A red flag an exporter or officer may observe (BIS Know Your Customer, EU 2024/2659, derived). */
export interface RedFlag {
  readonly id: string;
  /** `BIS-KYC`, `EU-2024/2659`, `DOS-2020`, `platform-derived`. */
  readonly source: string;
  /** `party`, `end_use`, `destination`, `item`, `end_user`, `logistics`, `payment`, `scale`. */
  readonly category: string;
  readonly text: CitedText;
}

/** Whether a human-rights indicator dataset may be shipped, and what it offers. */
export interface IndicatorDatasetLicence {
  readonly id: string;
  readonly name: string;
  readonly provider: string;
  readonly licence: string;
  /** The compiler's verdict on shipping, verbatim (`yes, with attribution`, `no (importer only)`). */
  readonly ship: string;
  readonly mayShip: boolean;
  readonly textStatus: TextStatus;
}

/** An Entity List row tied to a human-rights or surveillance rulemaking. */
export interface EntityListHumanRightsListing {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly country: string;
  readonly entryText: string;
  readonly licenceRequirement: string;
  readonly licenceReviewPolicy: string;
  readonly citations: readonly string[];
  readonly basis: readonly {
    readonly tag: string;
    readonly citation: string;
    readonly note: string;
    readonly confidence: string;
  }[];
}
