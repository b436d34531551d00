import type { CaseCommand } from '../../domain/licensing/case-transitions.ts';
import { caseOutcomes, type CaseOutcome } from '../../domain/licensing/case-state.ts';
import type { AdviceOutcome, CriterionCitation } from '../../domain/licensing/licence-case.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/** An officer's or exporter's action as it arrives (HTTP body or CLI flags). */
export interface CaseActionInput {
  readonly kind: string;
  readonly desk?: string;
  readonly outcome?: string;
  readonly criteria?: readonly CriterionCitation[];
  readonly provisos?: readonly string[];
  readonly text?: string;
  readonly justification?: string;
  readonly question?: string;
  readonly answer?: string;
  readonly reason?: string;
  readonly grounds?: string;
  readonly upheld?: boolean;
  readonly reasons?: string;
}

/** A criterion code as officers cite it (`UK-SELC-2`, `EU-2021/821-Art.5`, `US-EAR-742.7(b)`). */
export const criterionCodePattern = /^[A-Za-z0-9][A-Za-z0-9 ._:/()-]{0,63}$/;

const adviceOutcomes: readonly AdviceOutcome[] = ['approve', 'approve-with-provisos', 'refuse'];

/**
 * Turns an action into a workflow command, naming every missing or invalid field at once.
 * `appealDeadline` is the refusal's appeal deadline (from the case policy; undefined before the
 * case is finalised, when an appeal is refused anyway).
 */
export function parseCaseAction(
  input: CaseActionInput,
  appealDeadline: Date | undefined,
): Result<CaseCommand, CordonError> {
  const problems: FieldProblem[] = [];
  const need = (field: keyof CaseActionInput): string => {
    const value = input[field];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push({ field, problem: `is required for ${input.kind}` });
      return '';
    }
    return value;
  };
  const outcome = <T extends string>(allowed: readonly T[]): T => {
    if (!allowed.includes(input.outcome as T)) {
      problems.push({ field: 'outcome', problem: `must be one of ${allowed.join(', ')}` });
    }
    return input.outcome as T;
  };
  const criteria = input.criteria ?? [];
  // Codes are short identifiers (`UK-SELC-2`): free text would reach letters and the statistics.
  criteria.forEach((c, i) => {
    if (!criterionCodePattern.test(c.code)) {
      problems.push({
        field: `criteria.${String(i)}.code`,
        problem:
          'must be a criterion code: letters, digits, space and . _ : / ( ) -, starting with a letter or digit, at most 64 characters',
      });
    }
  });
  const provisos = input.provisos ?? [];
  const text = input.text ?? '';
  let command: CaseCommand | undefined;
  switch (input.kind) {
    case 'request-advice':
      command = { kind: 'request-advice', desk: need('desk'), reason: need('reason') };
      break;
    case 'give-advice':
      command = {
        kind: 'give-advice',
        desk: need('desk'),
        outcome: outcome(adviceOutcomes),
        criteria,
        provisos,
        text,
      };
      break;
    case 'request-information':
      command = { kind: 'request-information', question: need('question') };
      break;
    case 'answer-information':
      command = { kind: 'answer-information', answer: need('answer') };
      break;
    case 'recommend':
      command = {
        kind: 'recommend',
        outcome: outcome<CaseOutcome>(caseOutcomes),
        criteria,
        provisos,
        text,
      };
      break;
    case 'decide':
      command = {
        kind: 'decide',
        outcome: outcome<CaseOutcome>(caseOutcomes),
        criteria,
        provisos,
        text,
        ...(input.justification === undefined ? {} : { justification: input.justification }),
      };
      break;
    case 'countersign':
      command = { kind: 'countersign' };
      break;
    case 'return-for-review':
    case 'withdraw':
    case 'suspend':
    case 'reinstate':
    case 'revoke':
      command = { kind: input.kind, reason: need('reason') };
      break;
    case 'appeal':
      command = {
        kind: 'appeal',
        grounds: need('grounds'),
        deadline: appealDeadline ?? new Date(0),
      };
      break;
    case 'decide-appeal':
      if (typeof input.upheld !== 'boolean')
        problems.push({ field: 'upheld', problem: 'must be true or false' });
      command = { kind: 'decide-appeal', upheld: input.upheld === true, reasons: need('reasons') };
      break;
    default:
      problems.push({
        field: 'kind',
        problem: `"${input.kind}" is not an action (request-advice, give-advice, request-information, answer-information, recommend, decide, countersign, return-for-review, withdraw, appeal, decide-appeal, suspend, reinstate, revoke)`,
      });
  }
  if (problems.length > 0 || command === undefined) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', `The ${input.kind} action is incomplete.`, problems),
    );
  }
  return ok(command);
}
