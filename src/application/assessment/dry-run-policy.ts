import type {
  HumanRightsPolicy,
  Outcome,
  RiskLevel,
} from '../../domain/human-rights/human-rights-policy.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import { assessApplication, type AssessmentDeps } from './assess-application.ts';

/** One application re-assessed under a new policy version. */
export interface DryRunRow {
  readonly name: string;
  readonly status: 'changed' | 'unchanged' | 'not-assessed';
  readonly before?: {
    readonly risk: RiskLevel;
    readonly score: number;
    readonly outcome: Outcome;
    readonly policyVersion: number;
  };
  readonly after?: {
    readonly risk: RiskLevel;
    readonly score: number;
    readonly outcome: Outcome;
    readonly policyVersion: number;
  };
  /** Why it was not assessed (a bad application, another jurisdiction). */
  readonly error?: CordonError;
}

export interface DryRunReport {
  readonly policy: { readonly id: string; readonly version: number };
  readonly rows: readonly DryRunRow[];
  readonly changed: number;
}

/**
 * Re-assesses past applications under a new version of a human-rights policy and reports which
 * outcomes (recommendation or risk level) would change. Applications of other jurisdictions are
 * reported as not assessed. Both runs use the same list snapshots (`asOf` when given).
 */
export async function dryRunPolicy(
  request: {
    readonly policy: HumanRightsPolicy;
    readonly applications: readonly { readonly name: string; readonly application: unknown }[];
    readonly asOf?: string;
  },
  deps: AssessmentDeps,
): Promise<DryRunReport> {
  const rows: DryRunRow[] = [];
  const asOf = request.asOf !== undefined ? { asOf: request.asOf } : {};
  for (const a of request.applications) {
    const before = await assessApplication({ application: a.application, ...asOf }, deps);
    if (!before.ok) {
      rows.push({ name: a.name, status: 'not-assessed', error: before.error });
      continue;
    }
    if (before.value.jurisdiction !== request.policy.jurisdiction) {
      rows.push({
        name: a.name,
        status: 'not-assessed',
        error: {
          code: 'CORDON_VALIDATION_FAILED',
          message: `The application is for ${before.value.jurisdiction}, the policy for ${request.policy.jurisdiction}.`,
        },
      });
      continue;
    }
    const after = await assessApplication(
      { application: a.application, policy: request.policy, ...asOf },
      deps,
    );
    if (!after.ok) {
      rows.push({ name: a.name, status: 'not-assessed', error: after.error });
      continue;
    }
    const summary = (x: typeof before.value) => ({
      risk: x.humanRights.risk,
      score: x.humanRights.score,
      outcome: x.recommendation.outcome,
      policyVersion: x.provenance.policy.version,
    });
    const b = summary(before.value);
    const c = summary(after.value);
    rows.push({
      name: a.name,
      status: b.risk !== c.risk || b.outcome !== c.outcome ? 'changed' : 'unchanged',
      before: b,
      after: c,
    });
  }
  return {
    policy: { id: request.policy.id, version: request.policy.version },
    rows,
    changed: rows.filter((r) => r.status === 'changed').length,
  };
}
