import type { CaseOutcome } from '../../src/domain/licensing/case-state.ts';
import type { Decision } from '../../src/domain/licensing/licence-case.ts';

/**
 * A countersigned decision: sam decides, sue countersigns, both at `at`, no provisos; pass only
 * what the test is about.
 *
 * @example
 * buildDecision('refused', at, { criteria: [{ code: 'EU-2', reason: 'internal repression' }] })
 */
export function buildDecision(
  outcome: CaseOutcome,
  at: Date,
  overrides: Partial<Decision> = {},
): Decision {
  return {
    by: { userId: 'u-sam', role: 'senior-officer' },
    outcome,
    criteria: [],
    provisos: [],
    text: 'Decided.',
    at,
    countersignedBy: { userId: 'u-sue', role: 'senior-officer' },
    countersignedAt: at,
    ...overrides,
  };
}
