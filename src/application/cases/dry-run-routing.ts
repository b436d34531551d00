import {
  compareRouting,
  parseRoutingRuleSet,
  type RoutedCase,
  type RoutingChange,
} from '../../domain/licensing/routing-dry-run.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecordStore } from '../ports/case-store.ts';
import { routingFacts } from './routing-facts.ts';

/** What a routing dry run found. */
export interface RoutingDryRun {
  readonly candidate: { readonly id: string; readonly version: number };
  /** Routed cases compared (drafts have no route and are left out). */
  readonly casesCompared: number;
  readonly changes: readonly RoutingChange[];
}

/**
 * Re-runs routing with candidate rules (a routing rule set document, e.g. the next
 * `routing-v<N>.json`) over every stored case that has been routed, and lists the cases whose
 * queue or advice requests would change, with the rule that made the difference. Changes nothing:
 * the stored routes stay as they are. A malformed candidate is refused with every problem named by
 * its JSON pointer.
 */
export async function dryRunRouting(
  deps: { readonly store: CaseRecordStore },
  candidateDocument: unknown,
): Promise<Result<RoutingDryRun, CordonError>> {
  const candidate = parseRoutingRuleSet(candidateDocument);
  if (!candidate.ok) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `The candidate routing rules have ${String(candidate.error.length)} problem(s)`,
        candidate.error.map((p) => ({ field: p.path || '/', problem: p.message })),
      ),
    );
  }
  const records = await deps.store.list({});
  const routed: RoutedCase[] = records.flatMap((r) =>
    r.assessment === undefined || r.routing === undefined
      ? []
      : [
          {
            caseId: r.licenceCase.id,
            reference: r.licenceCase.reference,
            stage: r.licenceCase.stage,
            facts: routingFacts(r.assessment),
            current: r.routing,
          },
        ],
  );
  // Oldest first, so that the report reads in the order the cases came in.
  routed.sort((a, b) => a.reference.localeCompare(b.reference));
  return ok({
    candidate: { id: candidate.value.id, version: candidate.value.version },
    casesCompared: routed.length,
    changes: compareRouting(routed, candidate.value),
  });
}
