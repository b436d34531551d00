import type { RoutingFacts } from '../../domain/licensing/routing.ts';
import type { FrozenAssessment } from '../ports/case-store.ts';

/** The facts of a frozen assessment that routing rules look at. */
export function routingFacts(assessment: FrozenAssessment): RoutingFacts {
  return {
    recommendation: assessment.recommendation.outcome,
    risk: assessment.humanRights.risk,
    partyTypes: assessment.parties.flatMap((p) => (p.type === undefined ? [] : [p.type])),
    // The exporter's own rating and the entries the classification found listed.
    controlEntries: assessment.items.flatMap((i) => [
      ...(i.controlEntries ?? []),
      ...i.classification.flatMap((c) => {
        const entries = (c as { entries?: unknown }).entries;
        return Array.isArray(entries)
          ? entries.filter((e): e is string => typeof e === 'string')
          : [];
      }),
    ]),
    screeningHits: assessment.parties.reduce((n, p) => n + p.matches.length, 0),
  };
}
