/**
 * Routing rules: data that assigns a submitted case to a queue and requests advice. A rule fires
 * when any of its conditions holds; every firing rule adds its advice request (once per desk); the
 * queue is that of the first firing rule with a queue, else the rule set's default.
 */
export interface RoutingRule {
  readonly id: string;
  readonly description: string;
  readonly when: {
    /** The automated recommendation, e.g. `refuse`, `refer`. */
    readonly recommendation?: readonly string[];
    /** A party's declared type, e.g. `police`, `intelligence`. */
    readonly partyType?: readonly string[];
    /** An item's control entry (as rated or as classified), e.g. `5A001.j`. */
    readonly controlEntry?: readonly string[];
    /** The human-rights risk, e.g. `high`, `unacceptable`. */
    readonly risk?: readonly string[];
    /** Any screening match on any party. */
    readonly screeningHit?: boolean;
  };
  readonly queue?: string;
  readonly advice?: { readonly desk: string; readonly reason: string };
}

export interface RoutingRuleSet {
  readonly id: string;
  readonly version: number;
  readonly defaultQueue: string;
  readonly rules: readonly RoutingRule[];
}

/** The facts of a submitted case that routing looks at. */
export interface RoutingFacts {
  readonly recommendation: string;
  readonly risk: string;
  readonly partyTypes: readonly string[];
  readonly controlEntries: readonly string[];
  readonly screeningHits: number;
}

export interface RoutingDecision {
  readonly queue: string;
  readonly adviceRequests: readonly { readonly desk: string; readonly reason: string }[];
  /** The rules that fired, with why: recorded with the case. */
  readonly fired: readonly { readonly ruleId: string; readonly because: string }[];
  readonly ruleSet: { readonly id: string; readonly version: number };
}

const matchesEntry = (entry: string, pattern: string): boolean =>
  entry.toUpperCase() === pattern.toUpperCase() ||
  entry.toUpperCase().startsWith(`${pattern.toUpperCase()}.`);

function why(rule: RoutingRule, facts: RoutingFacts): string | undefined {
  const { when } = rule;
  if (when.recommendation?.includes(facts.recommendation)) {
    return `the automated recommendation is ${facts.recommendation}`;
  }
  if (when.risk?.includes(facts.risk)) return `the human-rights risk is ${facts.risk}`;
  const party = facts.partyTypes.find((t) => when.partyType?.includes(t));
  if (party !== undefined) return `a party is of type ${party}`;
  for (const entry of facts.controlEntries) {
    const pattern = when.controlEntry?.find((p) => matchesEntry(entry, p));
    if (pattern !== undefined) return `an item is controlled under ${entry}`;
  }
  if (when.screeningHit === true && facts.screeningHits > 0) {
    return `screening found ${String(facts.screeningHits)} match(es)`;
  }
  return undefined;
}

/** Applies a rule set to a case's facts. */
export function routeCase(rules: RoutingRuleSet, facts: RoutingFacts): RoutingDecision {
  const fired: { ruleId: string; because: string }[] = [];
  const advice = new Map<string, string>();
  let queue: string | undefined;
  for (const rule of rules.rules) {
    const because = why(rule, facts);
    if (because === undefined) continue;
    fired.push({ ruleId: rule.id, because });
    queue ??= rule.queue;
    if (rule.advice && !advice.has(rule.advice.desk)) {
      advice.set(rule.advice.desk, `${rule.advice.reason} (${because})`);
    }
  }
  return {
    queue: queue ?? rules.defaultQueue,
    adviceRequests: [...advice].map(([desk, reason]) => ({ desk, reason })),
    fired,
    ruleSet: { id: rules.id, version: rules.version },
  };
}
