/**
 * The shapes the pages read. Every type that `src/contracts` defines is taken from there; the
 * assessment (typed loosely in its contract) and the licence cases (whose contract is still being
 * written) are read through the defensive views below: every field optional, every list maybe
 * absent, so a page shows what is there and never crashes on what is not.
 */
import type { Static } from 'typebox';
import type { PartyRole, PartyType } from '../../../src/contracts/enumerations.ts';
import type { ApplicationSchema } from '../../../src/contracts/assessment.ts';
import type {
  CaseJson,
  CaseSummarySchema,
  StatisticsSchema,
} from '../../../src/contracts/cases.ts';
import type { PrincipalSchema, RoleSchema } from '../../../src/contracts/auth.ts';
import type {
  BatchScreenResponseSchema,
  ScreeningMatchSchema,
  ScreenResponseSchema,
} from '../../../src/contracts/screening.ts';

export type {
  ListStatusResponse,
  ListSnapshotJson,
  ListEntriesResponse,
  ListedPartyJson,
  SnapshotDiffResponse,
  ListImportResponse,
} from '../../../src/contracts/lists.ts';
export type { ScreenRequest, BatchScreenRequest } from '../../../src/contracts/screening.ts';
export type { SessionResponse } from '../../../src/contracts/auth.ts';
export type {
  ApiTokenJson,
  NewTokenRequest,
  NewTokenResponse,
  NewUserRequest,
  OrganisationJson,
  UserJson,
} from '../../../src/contracts/people.ts';

export type Principal = Static<typeof PrincipalSchema>;
export type Role = Static<typeof RoleSchema>;
export type ScreeningMatch = Static<typeof ScreeningMatchSchema>;
export type ScreenResponse = Static<typeof ScreenResponseSchema>;
export type BatchScreenResponse = Static<typeof BatchScreenResponseSchema>;

export type { PartyRole, PartyType } from '../../../src/contracts/enumerations.ts';

/** One party of an application, as `ApplicationSchema` defines it. */
export interface ApplicationParty {
  readonly role: PartyRole;
  readonly name: string;
  readonly country?: string;
  readonly address?: string;
  readonly type?: PartyType;
}

/** An application (`ApplicationSchema`), with its parties typed as above. */
export type ApplicationInput = Omit<Static<typeof ApplicationSchema>, 'parties'> & {
  parties: ApplicationParty[];
};

export type TextStatus = 'verbatim' | 'paraphrase' | 'seed-unverified' | (string & {});

export interface SourceRefView {
  readonly title?: string;
  readonly date?: string;
  readonly file?: string;
  readonly pointer?: string;
  readonly url?: string;
}

export interface CitedTextView {
  readonly text?: string;
  readonly textStatus?: TextStatus;
  readonly source?: SourceRefView;
}

export interface RiskFactorView {
  readonly id?: string;
  readonly title?: string;
  readonly weight?: number;
  readonly severity?: number;
  readonly contribution?: number;
  readonly evidence?: readonly string[];
  readonly source?: SourceRefView;
  readonly citations?: readonly CitedTextView[];
  readonly textStatus?: TextStatus;
}

export interface CriterionView {
  readonly id?: string;
  readonly code?: string;
  readonly title?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly textStatus?: TextStatus;
  readonly source?: SourceRefView;
}

export interface ProvisoView {
  readonly id?: string;
  readonly text?: CitedTextView | string;
  readonly textStatus?: TextStatus;
}

export interface LicenceView {
  readonly required?: boolean;
  readonly status?: string;
  readonly basis?: readonly {
    readonly rule?: string;
    readonly title?: string;
    readonly effect?: string;
    readonly summary?: string;
    readonly textStatus?: TextStatus;
  }[];
  readonly missing?: readonly unknown[];
}

export interface ClassificationView {
  readonly regime?: string;
  readonly outcome?: string;
  readonly entries?: readonly string[];
  readonly reasons?: readonly string[];
  readonly candidates?: readonly {
    readonly entryId?: string;
    readonly status?: string;
    readonly summary?: string;
    readonly textStatus?: TextStatus;
  }[];
}

/** `POST /v1/assessments` and a case's frozen assessment. */
export interface AssessmentView {
  readonly kind?: string;
  readonly jurisdiction?: string;
  readonly parties?: readonly (Partial<ApplicationParty> & {
    readonly matches?: readonly Partial<ScreeningMatch>[];
  })[];
  readonly items?: readonly {
    readonly description?: string;
    readonly controlEntries?: readonly string[];
    readonly capabilities?: readonly string[];
    readonly quantity?: number;
    readonly classification?: readonly ClassificationView[];
  }[];
  readonly licence?: Readonly<Record<string, LicenceView>>;
  readonly humanRights?: {
    readonly risk?: string;
    readonly score?: number;
    readonly factors?: readonly RiskFactorView[];
  };
  readonly recommendation?: {
    readonly outcome?: string;
    readonly summary?: string;
    readonly criteria?: readonly CriterionView[];
    readonly provisos?: readonly ProvisoView[];
  };
  readonly dueDiligence?: readonly {
    readonly step?: string;
    readonly status?: string;
    readonly note?: string;
    readonly text?: CitedTextView;
  }[];
  readonly provenance?: {
    readonly listSnapshots?: readonly { readonly id?: string; readonly dataDate?: string }[];
    readonly policy?: { readonly id?: string; readonly version?: number };
    readonly codeVersion?: string;
  };
}

export interface ActorView {
  readonly userId?: string;
  readonly username?: string;
  readonly name?: string;
  readonly role?: string;
}

export interface CitationView {
  readonly code?: string;
  readonly reason?: string;
}

export interface CaseActView {
  readonly by?: ActorView;
  readonly desk?: string;
  readonly outcome?: string;
  readonly criteria?: readonly CitationView[];
  readonly provisos?: readonly string[];
  readonly text?: string;
  readonly justification?: string;
  readonly at?: string;
  readonly givenAt?: string;
  readonly countersignedBy?: ActorView;
  readonly countersignedAt?: string;
}

export interface HistoryEntryView {
  readonly at?: string;
  readonly kind?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
  readonly fromStage?: string;
  readonly toStage?: string;
  readonly role?: string;
  readonly version?: number;
  readonly stage?: string;
  readonly by?: ActorView | string;
  readonly actor?: ActorView | string;
  readonly note?: string;
  readonly text?: string;
}

/** A licence case as `GET /v1/cases/:id` returns it (and, partly, `GET /v1/cases`). */
export interface CaseView {
  readonly id: string;
  readonly reference?: string;
  readonly stage?: string;
  readonly version?: number;
  readonly queue?: string;
  readonly jurisdiction?: string;
  readonly outcome?: string;
  readonly automatedOutcome?: string;
  readonly exporterOrganisationId?: string;
  readonly createdAt?: string;
  readonly submittedAt?: string;
  readonly finalisedAt?: string;
  readonly application?: Partial<ApplicationInput>;
  readonly assessment?: AssessmentView;
  readonly advice?: readonly CaseActView[];
  readonly adviceRequests?: readonly { readonly desk?: string; readonly reason?: string }[];
  readonly informationRequests?: readonly {
    readonly question?: string;
    readonly answer?: string;
    readonly askedAt?: string;
  }[];
  readonly recommendation?: CaseActView;
  readonly decision?: CaseActView;
  readonly history?: readonly HistoryEntryView[];
  readonly blockingConsultations?: readonly string[];
  readonly documents?: readonly {
    readonly code?: string;
    readonly kind?: string;
    readonly issuedAt?: string;
  }[];
}

/**
 * A case as the pages read it, from `CaseJson` (src/contracts/cases.ts): the workflow state's
 * fields (advice, recommendation, decision, requests) lifted beside the case's own.
 */
export function toCaseView(json: CaseJson): CaseView {
  const { state, ...rest } = json;
  return { ...(state as Partial<CaseView>), ...(rest as CaseView) };
}

export type { CaseJson } from '../../../src/contracts/cases.ts';
export type CaseSummary = Static<typeof CaseSummarySchema>;
export type Statistics = Static<typeof StatisticsSchema>;
