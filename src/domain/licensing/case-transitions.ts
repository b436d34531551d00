import type { Role } from '../people/role.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { AutomatedOutcome, CaseOutcome, CaseStage } from './case-state.ts';
import type { AppealPeriodRule } from './case-policy.ts';
import type { Actor, AdviceOutcome, CriterionCitation, LicenceCase } from './licence-case.ts';
import {
  defaultSeparationOfDuties,
  dutyOf,
  separationProblem,
  withDuty,
  type SeparationOfDuties,
} from './separation-of-duties.ts';

/** Everything that can be done to a case, as a value. */
export type CaseCommand =
  | { readonly kind: 'submit' }
  | { readonly kind: 'begin-checks'; readonly automatedOutcome: AutomatedOutcome }
  | {
      readonly kind: 'complete-checks';
      readonly queue: string;
      readonly adviceRequests: readonly { readonly desk: string; readonly reason: string }[];
    }
  | { readonly kind: 'request-advice'; readonly desk: string; readonly reason: string }
  | {
      readonly kind: 'give-advice';
      readonly desk: string;
      readonly outcome: AdviceOutcome;
      readonly criteria: readonly CriterionCitation[];
      readonly provisos: readonly string[];
      readonly text: string;
    }
  | { readonly kind: 'request-information'; readonly question: string }
  | { readonly kind: 'answer-information'; readonly answer: string }
  | {
      readonly kind: 'recommend';
      readonly outcome: CaseOutcome;
      readonly criteria: readonly CriterionCitation[];
      readonly provisos: readonly string[];
      readonly text: string;
    }
  | {
      readonly kind: 'decide';
      readonly outcome: CaseOutcome;
      readonly criteria: readonly CriterionCitation[];
      readonly provisos: readonly string[];
      readonly text: string;
      readonly justification?: string;
    }
  | {
      readonly kind: 'countersign';
      /** The appeal period of the jurisdiction, recorded on a refusal (from the case policy). */
      readonly appealPeriod?: AppealPeriodRule;
    }
  | { readonly kind: 'return-for-review'; readonly reason: string }
  | { readonly kind: 'withdraw'; readonly reason: string }
  | {
      readonly kind: 'appeal';
      readonly grounds: string;
      /** Used only when the decision recorded no appeal period (decided before periods were recorded). */
      readonly deadline: Date;
    }
  | { readonly kind: 'decide-appeal'; readonly upheld: boolean; readonly reasons: string }
  | { readonly kind: 'suspend'; readonly reason: string }
  | { readonly kind: 'reinstate'; readonly reason: string }
  | { readonly kind: 'revoke'; readonly reason: string }
  | { readonly kind: 'block-for-consultation'; readonly consultationId: string }
  | { readonly kind: 'record-consultation'; readonly consultationId: string };

export type CaseCommandKind = CaseCommand['kind'];

/** Why a command was refused: a value with a stable code, never an exception. */
export type TransitionRefusal =
  | { readonly code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED'; readonly message: string }
  | { readonly code: 'CORDON_FORBIDDEN'; readonly message: string }
  | { readonly code: 'CORDON_DUTIES_NOT_SEPARATE'; readonly message: string }
  | { readonly code: 'CORDON_VALIDATION_FAILED'; readonly message: string };

/**
 * The transition table: for each command, the stages it may start from and the roles that may
 * issue it. `system` issues the automatic steps. The table is data so that it can be listed in
 * documentation and checked by tests; `applyCaseCommand` enforces it and then computes the new value.
 */
export const caseTransitions: Readonly<
  Record<
    CaseCommandKind,
    { readonly from: readonly CaseStage[]; readonly by: readonly (Role | 'system')[] }
  >
> = {
  submit: { from: ['draft'], by: ['exporter'] },
  'begin-checks': { from: ['submitted'], by: ['system'] },
  'complete-checks': { from: ['initial-checks'], by: ['system', 'caseworker'] },
  'request-advice': { from: ['under-review', 'awaiting-advice'], by: ['caseworker'] },
  'give-advice': { from: ['awaiting-advice'], by: ['advisor'] },
  'request-information': {
    from: ['initial-checks', 'under-review', 'awaiting-advice', 'final-review'],
    by: ['caseworker'],
  },
  'answer-information': { from: ['returned-to-exporter'], by: ['exporter'] },
  recommend: { from: ['under-review'], by: ['caseworker'] },
  decide: { from: ['final-review'], by: ['senior-officer'] },
  countersign: { from: ['awaiting-countersignature'], by: ['senior-officer'] },
  'return-for-review': {
    from: ['final-review', 'awaiting-countersignature'],
    by: ['senior-officer'],
  },
  withdraw: {
    from: [
      'draft',
      'submitted',
      'initial-checks',
      'under-review',
      'awaiting-advice',
      'final-review',
      'awaiting-countersignature',
      'returned-to-exporter',
    ],
    by: ['exporter'],
  },
  appeal: { from: ['finalised'], by: ['exporter'] },
  'decide-appeal': { from: ['appeal'], by: ['senior-officer'] },
  suspend: { from: ['finalised'], by: ['senior-officer'] },
  reinstate: { from: ['suspended'], by: ['senior-officer'] },
  revoke: { from: ['finalised', 'suspended'], by: ['senior-officer'] },
  'block-for-consultation': {
    from: [
      'initial-checks',
      'under-review',
      'awaiting-advice',
      'final-review',
      'awaiting-countersignature',
    ],
    by: ['system', 'caseworker'],
  },
  'record-consultation': {
    from: [
      'initial-checks',
      'under-review',
      'awaiting-advice',
      'final-review',
      'awaiting-countersignature',
      'returned-to-exporter',
    ],
    by: ['system', 'caseworker'],
  },
};

const refuse = (message: string): TransitionRefusal => ({
  code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED',
  message,
});
const invalid = (message: string): TransitionRefusal => ({
  code: 'CORDON_VALIDATION_FAILED',
  message,
});

const approving = (outcome: CaseOutcome) =>
  outcome === 'approved' || outcome === 'approved-with-provisos';

/**
 * Applies one command to a case and returns the new case, or why the command is refused. Checks
 * the transition table (stage and role), then the command's own rules: a countersignature by a
 * different senior officer than the decider; separation of duties (`separation`, from the case
 * policy: by default advisor, recommender, decider and countersigner are four different people); a written justification when a decision departs from
 * the automated recommendation; criteria cited for every refusal; no decision while a partner
 * consultation is open; an appeal only against a refusal and before its deadline (the period the
 * refusal recorded at countersignature).
 *
 * @example
 * applyCaseCommand(c, { kind: 'countersign' }, sameOfficerAsDecider, now)
 * // err({ code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED', message: 'The decision must be countersigned by another senior officer.' })
 */
export function applyCaseCommand(
  current: LicenceCase,
  command: CaseCommand,
  actor: Actor,
  now: Date,
  separation: SeparationOfDuties = defaultSeparationOfDuties,
): Result<LicenceCase, TransitionRefusal> {
  const rule = caseTransitions[command.kind];
  if (!rule.by.includes(actor.role)) {
    return err({
      code: 'CORDON_FORBIDDEN',
      message: `A ${actor.role} may not ${command.kind.replace(/-/g, ' ')} a case.`,
    });
  }
  if (!rule.from.includes(current.stage)) {
    return err(
      refuse(
        `Cannot ${command.kind.replace(/-/g, ' ')} case ${current.reference} while it is ${current.stage}.`,
      ),
    );
  }
  const next = nextCase(current, command, actor, now);
  if (!next.ok) return next;
  const duty = dutyOf(command.kind);
  if (duty === undefined) return ok({ ...next.value, version: current.version + 1 });
  const problem = separationProblem(current, duty, actor, separation);
  if (problem !== undefined) return err({ code: 'CORDON_DUTIES_NOT_SEPARATE', message: problem });
  return ok({ ...withDuty(next.value, duty, actor, now), version: current.version + 1 });
}

function nextCase(
  c: LicenceCase,
  command: CaseCommand,
  actor: Actor,
  now: Date,
): Result<LicenceCase, TransitionRefusal> {
  switch (command.kind) {
    case 'submit':
      return ok({ ...c, stage: 'submitted', submittedAt: now });
    case 'begin-checks':
      return ok({ ...c, stage: 'initial-checks', automatedOutcome: command.automatedOutcome });
    case 'complete-checks': {
      const requests = command.adviceRequests.map((r) => ({
        advisorRole: 'advisor' as const,
        desk: r.desk,
        reason: r.reason,
        requestedAt: now,
      }));
      return ok({
        ...c,
        queue: command.queue,
        adviceRequests: [...c.adviceRequests, ...requests],
        stage: requests.length > 0 ? 'awaiting-advice' : 'under-review',
      });
    }
    case 'request-advice':
      if (!command.reason.trim()) return err(invalid('Say why advice is requested.'));
      return ok({
        ...c,
        stage: 'awaiting-advice',
        adviceRequests: [
          ...c.adviceRequests,
          { advisorRole: 'advisor', desk: command.desk, reason: command.reason, requestedAt: now },
        ],
      });
    case 'give-advice': {
      if (!c.adviceRequests.some((r) => r.desk === command.desk)) {
        return err(
          refuse(`No advice was requested from the ${command.desk} desk on ${c.reference}.`),
        );
      }
      if (command.outcome === 'refuse' && command.criteria.length === 0) {
        return err(invalid('Advice to refuse must cite at least one criterion.'));
      }
      const advice = [
        ...c.advice.filter((a) => a.desk !== command.desk),
        {
          desk: command.desk,
          by: actor,
          outcome: command.outcome,
          criteria: command.criteria,
          provisos: command.provisos,
          text: command.text,
          givenAt: now,
        },
      ];
      const outstanding = c.adviceRequests.some((r) => !advice.some((a) => a.desk === r.desk));
      return ok({ ...c, advice, stage: outstanding ? 'awaiting-advice' : 'under-review' });
    }
    case 'request-information':
      if (!command.question.trim())
        return err(invalid('The request for information needs a question.'));
      return ok({
        ...c,
        stage: 'returned-to-exporter',
        informationRequests: [
          ...c.informationRequests,
          { question: command.question, askedBy: actor, askedAt: now, returnTo: c.stage },
        ],
      });
    case 'answer-information': {
      const open = c.informationRequests.findIndex((r) => r.answer === undefined);
      const request = c.informationRequests[open];
      if (request === undefined) return err(refuse('There is no open request for information.'));
      if (!command.answer.trim()) return err(invalid('The answer is empty.'));
      const answered = { ...request, answer: command.answer, answeredAt: now };
      return ok({
        ...c,
        stage: request.returnTo,
        informationRequests: c.informationRequests.map((r, i) => (i === open ? answered : r)),
      });
    }
    case 'recommend':
      if (command.outcome === 'refused' && command.criteria.length === 0) {
        return err(invalid('A recommendation to refuse must cite at least one criterion.'));
      }
      return ok({
        ...c,
        stage: 'final-review',
        recommendation: {
          by: actor,
          outcome: command.outcome,
          criteria: command.criteria,
          provisos: command.provisos,
          text: command.text,
          at: now,
        },
      });
    case 'decide': {
      if (c.blockingConsultations.length > 0) {
        return err(
          refuse(
            `Case ${c.reference} cannot be decided until the consultation with the denying partner is recorded (${c.blockingConsultations.join(', ')}).`,
          ),
        );
      }
      if (command.outcome === 'refused' && command.criteria.length === 0) {
        return err(invalid('A refusal must cite at least one criterion of the policy.'));
      }
      if (command.outcome === 'approved-with-provisos' && command.provisos.length === 0) {
        return err(invalid('An approval with provisos must state them.'));
      }
      if (c.automatedOutcome === 'prohibited' && command.outcome !== 'refused') {
        return err(
          refuse(
            `Case ${c.reference} cannot be ${command.outcome}: the assessment found the transaction prohibited by a sanctions or embargo measure, which no licensing decision can lift. Refuse it, or the exporter withdraws it; a licence from the sanctions authority belongs in a new application.`,
          ),
        );
      }
      if (departsFromAutomated(c, command.outcome) && !command.justification?.trim()) {
        return err(
          invalid(
            `The decision (${command.outcome}) departs from the automated recommendation (${c.automatedOutcome ?? 'none'}): give a written justification.`,
          ),
        );
      }
      return ok({
        ...c,
        stage: 'awaiting-countersignature',
        decision: {
          by: actor,
          outcome: command.outcome,
          criteria: command.criteria,
          provisos: command.provisos,
          text: command.text,
          ...(command.justification?.trim() ? { justification: command.justification } : {}),
          at: now,
        },
      });
    }
    case 'countersign': {
      const decision = c.decision;
      if (decision === undefined) return err(refuse('There is no decision to countersign.'));
      if (decision.by.userId === actor.userId) {
        return err(refuse('The decision must be countersigned by another senior officer.'));
      }
      const period = command.appealPeriod;
      return ok({
        ...c,
        stage: 'finalised',
        outcome: decision.outcome,
        finalisedAt: now,
        decision: {
          ...decision,
          countersignedBy: actor,
          countersignedAt: now,
          ...(decision.outcome === 'refused' && period !== undefined
            ? {
                appealPeriod: {
                  days: period.days,
                  until: new Date(now.getTime() + period.days * 86_400_000),
                  policy: period.policy,
                  basis: period.basis,
                },
              }
            : {}),
        },
      });
    }
    case 'return-for-review': {
      if (!command.reason.trim()) return err(invalid('Say why the case goes back to review.'));
      const { decision: _dropped, ...rest } = c;
      return ok({ ...rest, stage: 'under-review', statusReason: command.reason });
    }
    case 'withdraw':
      return ok({
        ...c,
        stage: 'withdrawn',
        withdrawnReason: command.reason,
        ...(c.decision?.outcome === 'refused' && c.decision.countersignedAt === undefined
          ? { refusalPendingAtWithdrawal: c.decision }
          : {}),
      });
    case 'appeal': {
      if (c.outcome !== 'refused') return err(refuse('Only a refusal can be appealed.'));
      if (c.appeal !== undefined) return err(refuse('This refusal has already been appealed.'));
      const deadline = c.decision?.appealPeriod?.until ?? command.deadline;
      if (now.getTime() > deadline.getTime()) {
        return err(refuse(`The appeal deadline passed on ${deadline.toISOString().slice(0, 10)}.`));
      }
      if (!command.grounds.trim()) return err(invalid('An appeal must state its grounds.'));
      return ok({
        ...c,
        stage: 'appeal',
        appeal: { grounds: command.grounds, lodgedBy: actor, lodgedAt: now },
      });
    }
    case 'decide-appeal': {
      const appeal = c.appeal;
      if (appeal === undefined) return err(refuse('There is no appeal to decide.'));
      if (
        c.decision?.by.userId === actor.userId ||
        c.decision?.countersignedBy?.userId === actor.userId
      ) {
        return err(
          refuse('An appeal must be decided by an officer who took no part in the refusal.'),
        );
      }
      const decided = {
        ...appeal,
        decidedBy: actor,
        decidedAt: now,
        upheld: command.upheld,
        reasons: command.reasons,
      };
      return ok({
        ...c,
        stage: command.upheld ? 'under-review' : 'finalised',
        appeal: decided,
      });
    }
    case 'suspend':
      if (!approving(c.outcome ?? 'refused'))
        return err(refuse('Only an issued licence can be suspended.'));
      return ok({ ...c, stage: 'suspended', statusReason: command.reason });
    case 'reinstate':
      return ok({ ...c, stage: 'finalised', statusReason: command.reason });
    case 'revoke':
      if (!approving(c.outcome ?? 'refused'))
        return err(refuse('Only an issued licence can be revoked.'));
      return ok({ ...c, stage: 'revoked', statusReason: command.reason });
    case 'block-for-consultation':
      return ok({
        ...c,
        blockingConsultations: [...new Set([...c.blockingConsultations, command.consultationId])],
      });
    case 'record-consultation':
      return ok({
        ...c,
        blockingConsultations: c.blockingConsultations.filter(
          (id) => id !== command.consultationId,
        ),
      });
  }
}

/** True when a decision's outcome differs from what the automated assessment recommended. */
export function departsFromAutomated(c: LicenceCase, outcome: CaseOutcome): boolean {
  const automated = c.automatedOutcome;
  if (automated === undefined || automated === 'refer') return false;
  if (automated === 'prohibited') return outcome !== 'refused';
  return automated !== outcome;
}

/** A new draft case. */
export function draftCase(fields: {
  readonly id: string;
  readonly reference: string;
  readonly jurisdiction: string;
  readonly exporterOrganisationId: string;
  readonly now: Date;
}): LicenceCase {
  return {
    id: fields.id,
    reference: fields.reference,
    jurisdiction: fields.jurisdiction,
    exporterOrganisationId: fields.exporterOrganisationId,
    stage: 'draft',
    version: 1,
    adviceRequests: [],
    advice: [],
    informationRequests: [],
    createdAt: fields.now,
    blockingConsultations: [],
  };
}
