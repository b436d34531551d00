import type { CaseOutcome, CaseStage } from './case-state.ts';
import type { CriterionCitation, LicenceCase } from './licence-case.ts';

/**
 * The stages an exporter sees. The authority's working stages (initial checks, advice, final
 * review, a decision awaiting countersignature) all read `under-review`: which of them a case is
 * in would tell the exporter that a human-rights desk was consulted, or that a decision (perhaps a
 * refusal) waits for its countersignature, which is internal deliberation until it is final.
 */
export function exporterStageOf(stage: CaseStage): CaseStage {
  switch (stage) {
    case 'initial-checks':
    case 'under-review':
    case 'awaiting-advice':
    case 'final-review':
    case 'awaiting-countersignature':
      return 'under-review';
    case 'draft':
    case 'submitted':
    case 'returned-to-exporter':
    case 'finalised':
    case 'appeal':
    case 'suspended':
    case 'revoked':
    case 'withdrawn':
      return stage;
  }
}

/** A case as its exporter sees it: its status, the questions put to it, and a final decision. */
export interface ExporterCaseState {
  readonly id: string;
  readonly reference: string;
  readonly jurisdiction: string;
  readonly exporterOrganisationId: string;
  readonly stage: CaseStage;
  readonly version: number;
  readonly createdAt: Date;
  readonly submittedAt?: Date;
  /** Questions the authority asked, with the exporter's answers; never who asked. */
  readonly informationRequests: readonly {
    readonly question: string;
    readonly askedAt: Date;
    readonly answer?: string;
    readonly answeredAt?: Date;
  }[];
  /** Only once final (countersigned): the outcome, cited criteria, provisos and reasons. */
  readonly decision?: {
    readonly outcome: CaseOutcome;
    readonly criteria: readonly CriterionCitation[];
    readonly provisos: readonly string[];
    readonly text: string;
    readonly appealPeriod?: { readonly days: number; readonly until: Date };
  };
  readonly outcome?: CaseOutcome;
  readonly finalisedAt?: Date;
  readonly appeal?: {
    readonly grounds: string;
    readonly lodgedAt: Date;
    readonly decidedAt?: Date;
    readonly upheld?: boolean;
    readonly reasons?: string;
  };
  readonly withdrawnReason?: string;
  /** Why an issued licence was suspended or revoked (told to the exporter). */
  readonly statusReason?: string;
}

const finalStages: ReadonlySet<CaseStage> = new Set([
  'finalised',
  'appeal',
  'suspended',
  'revoked',
]);

/**
 * What an exporter may see of its own case. Until a decision is final it sees the status and the
 * questions put to it; never advice, the caseworker's recommendation, a draft decision, the
 * automated recommendation, the queue, or a pending consultation with a partner (whose denials are
 * confidential between states).
 *
 * @example
 * exporterCaseView(refusalAwaitingCountersignature)
 * // { stage: 'under-review', informationRequests: [...], no decision }
 */
export function exporterCaseView(c: LicenceCase): ExporterCaseState {
  const decided = finalStages.has(c.stage) && c.decision?.countersignedAt !== undefined;
  const decision = decided ? c.decision : undefined;
  const period = decision?.appealPeriod;
  return {
    id: c.id,
    reference: c.reference,
    jurisdiction: c.jurisdiction,
    exporterOrganisationId: c.exporterOrganisationId,
    stage: exporterStageOf(c.stage),
    version: c.version,
    createdAt: c.createdAt,
    ...(c.submittedAt === undefined ? {} : { submittedAt: c.submittedAt }),
    informationRequests: c.informationRequests.map((r) => ({
      question: r.question,
      askedAt: r.askedAt,
      ...(r.answer === undefined ? {} : { answer: r.answer }),
      ...(r.answeredAt === undefined ? {} : { answeredAt: r.answeredAt }),
    })),
    ...(decision === undefined
      ? {}
      : {
          decision: {
            outcome: decision.outcome,
            criteria: decision.criteria,
            provisos: decision.provisos,
            text: decision.text,
            ...(period === undefined
              ? {}
              : { appealPeriod: { days: period.days, until: period.until } }),
          },
          ...(c.outcome === undefined ? {} : { outcome: c.outcome }),
          ...(c.finalisedAt === undefined ? {} : { finalisedAt: c.finalisedAt }),
        }),
    ...(c.appeal === undefined
      ? {}
      : {
          appeal: {
            grounds: c.appeal.grounds,
            lodgedAt: c.appeal.lodgedAt,
            ...(c.appeal.decidedAt === undefined ? {} : { decidedAt: c.appeal.decidedAt }),
            ...(c.appeal.upheld === undefined ? {} : { upheld: c.appeal.upheld }),
            ...(c.appeal.reasons === undefined ? {} : { reasons: c.appeal.reasons }),
          },
        }),
    ...(c.withdrawnReason === undefined ? {} : { withdrawnReason: c.withdrawnReason }),
    ...((c.stage === 'suspended' || c.stage === 'revoked') && c.statusReason !== undefined
      ? { statusReason: c.statusReason }
      : {}),
  };
}

/** Steps of a case's history an exporter sees: its own, the questions, and what is final. */
const exporterVisibleActions: ReadonlySet<string> = new Set([
  'submit',
  'request-information',
  'answer-information',
  'withdraw',
  'countersign',
  'appeal',
  'decide-appeal',
  'suspend',
  'reinstate',
  'revoke',
]);

/** One history entry as an exporter sees it: who is "the licensing authority", no notes. */
export interface ExporterHistoryEntry {
  readonly version: number;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly fromStage: CaseStage;
  readonly toStage: CaseStage;
}

/**
 * The history an exporter sees: its own steps under its user name, the authority's questions and
 * final steps as "the licensing authority" (never an officer's name), without internal notes.
 */
export function exporterHistory(
  history: readonly {
    readonly version: number;
    readonly at: Date;
    readonly actor: string;
    readonly role: string;
    readonly action: string;
    readonly fromStage: CaseStage;
    readonly toStage: CaseStage;
  }[],
): ExporterHistoryEntry[] {
  return history
    .filter((e) => exporterVisibleActions.has(e.action))
    .map((e) => ({
      version: e.version,
      at: e.at,
      actor: e.role === 'exporter' ? e.actor : 'the licensing authority',
      action: e.action === 'countersign' ? 'decision-issued' : e.action,
      fromStage: exporterStageOf(e.fromStage),
      toStage: exporterStageOf(e.toStage),
    }));
}
