import { err, ok, type Result } from '../shared/result.ts';
import {
  routeCase,
  type RoutingDecision,
  type RoutingFacts,
  type RoutingRule,
  type RoutingRuleSet,
} from './routing.ts';

/** One problem of a routing rule set document, named by its JSON pointer. */
export interface RoutingRuleProblem {
  readonly path: string;
  readonly message: string;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listConditions = ['recommendation', 'partyType', 'controlEntry', 'risk'] as const;

/**
 * Checks a routing rule set document (`routing-v<N>.json`, or a candidate for the next version)
 * and lists every problem at once: id, version and default queue; each rule with a unique id, at
 * least one known condition (lists of strings, `screeningHit` true or false), and a queue or an
 * advice request of strings.
 */
export function parseRoutingRuleSet(
  doc: unknown,
): Result<RoutingRuleSet, readonly RoutingRuleProblem[]> {
  if (!isRecord(doc)) return err([{ path: '', message: 'must be a JSON object' }]);
  const problems: RoutingRuleProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const nonEmpty = (value: unknown): value is string =>
    typeof value === 'string' && value.trim() !== '';
  if (!nonEmpty(doc.id)) problem('/id', 'must be a non-empty string');
  if (!Number.isInteger(doc.version) || (doc.version as number) < 1) {
    problem('/version', 'must be a whole number, at least 1');
  }
  if (!nonEmpty(doc.defaultQueue)) problem('/defaultQueue', 'must be a non-empty string');
  if (!Array.isArray(doc.rules)) problem('/rules', 'must be a list');
  const ids = new Set<string>();
  const rules = (Array.isArray(doc.rules) ? doc.rules : []).map((value: unknown, i) => {
    const path = `/rules/${String(i)}`;
    const rule = isRecord(value) ? value : {};
    if (!isRecord(value)) problem(path, 'must be an object');
    if (!nonEmpty(rule.id)) problem(`${path}/id`, 'must be a non-empty string');
    else if (ids.has(rule.id)) problem(`${path}/id`, `${rule.id} is used by an earlier rule`);
    else ids.add(rule.id);
    const when = isRecord(rule.when) ? rule.when : {};
    if (!isRecord(rule.when)) problem(`${path}/when`, 'must be an object of conditions');
    for (const key of Object.keys(when)) {
      if (key === 'screeningHit') {
        if (typeof when[key] !== 'boolean') {
          problem(`${path}/when/screeningHit`, 'must be true or false');
        }
      } else if ((listConditions as readonly string[]).includes(key)) {
        const list = when[key];
        if (!Array.isArray(list) || list.length === 0 || !list.every(nonEmpty)) {
          problem(`${path}/when/${key}`, 'must be a non-empty list of strings');
        }
      } else {
        problem(
          `${path}/when/${key}`,
          `is not a condition (${[...listConditions, 'screeningHit'].join(', ')})`,
        );
      }
    }
    if (isRecord(rule.when) && Object.keys(when).length === 0) {
      problem(`${path}/when`, 'names no condition (the rule would never fire)');
    }
    if (rule.queue !== undefined && !nonEmpty(rule.queue)) {
      problem(`${path}/queue`, 'must be a non-empty string');
    }
    if (rule.advice !== undefined) {
      const advice = isRecord(rule.advice) ? rule.advice : {};
      if (!nonEmpty(advice.desk)) problem(`${path}/advice/desk`, 'must be a non-empty string');
      if (!nonEmpty(advice.reason)) problem(`${path}/advice/reason`, 'must be a non-empty string');
    }
    if (rule.queue === undefined && rule.advice === undefined) {
      problem(path, 'sets neither a queue nor an advice request (it would change nothing)');
    }
    return value as RoutingRule;
  });
  if (problems.length > 0) return err(problems);
  return ok({
    id: doc.id as string,
    version: doc.version as number,
    defaultQueue: doc.defaultQueue as string,
    rules,
  });
}

/** A submitted case as the dry run sees it: its routing facts and the route it was given. */
export interface RoutedCase {
  readonly caseId: string;
  readonly reference: string;
  readonly stage: string;
  readonly facts: RoutingFacts;
  readonly current: RoutingDecision;
}

/** Where a case went, in short. */
export interface RouteSummary {
  readonly queue: string;
  readonly adviceDesks: readonly string[];
  readonly ruleSet: { readonly id: string; readonly version: number };
}

/** A case whose route the candidate rules would change. */
export interface RoutingChange {
  readonly caseId: string;
  readonly reference: string;
  readonly stage: string;
  readonly before: RouteSummary;
  readonly after: RouteSummary;
  /** The rule that made the difference (`default queue` when no candidate rule sets the queue). */
  readonly rule: string;
  /** Why, in one sentence. */
  readonly because: string;
  readonly nowFiring: readonly string[];
  readonly noLongerFiring: readonly string[];
}

const summary = (d: RoutingDecision): RouteSummary => ({
  queue: d.queue,
  adviceDesks: d.adviceRequests.map((r) => r.desk).sort(),
  ruleSet: d.ruleSet,
});

/**
 * Re-runs routing with candidate rules over cases already routed, and lists those whose queue or
 * advice requests would change, each with the rule that made the difference: for a new queue, the
 * candidate rule that sets it; for new advice, the rule that requests it; for advice no longer
 * requested, the recorded rule that no longer fires. Cases whose route stays are left out.
 *
 * @example
 * compareRouting([policeCase], { ...v1, rules: v1.rules.filter((r) => r.id !== 'hr-security-end-user') })
 * // [] when the refuse recommendation still sends it to human-rights; otherwise one change
 */
export function compareRouting(
  cases: readonly RoutedCase[],
  candidate: RoutingRuleSet,
): RoutingChange[] {
  const changes: RoutingChange[] = [];
  for (const routed of cases) {
    const next = routeCase(candidate, routed.facts);
    const before = summary(routed.current);
    const after = summary(next);
    const sameDesks = before.adviceDesks.join('\n') === after.adviceDesks.join('\n');
    if (before.queue === after.queue && sameDesks) continue;
    const firedBefore = routed.current.fired.map((f) => f.ruleId);
    const firedAfter = next.fired.map((f) => f.ruleId);
    const nowFiring = firedAfter.filter((id) => !firedBefore.includes(id));
    const noLongerFiring = firedBefore.filter((id) => !firedAfter.includes(id));
    let rule: string;
    let because: string;
    if (before.queue !== after.queue) {
      const setter = next.fired.find(
        (f) => candidate.rules.find((r) => r.id === f.ruleId)?.queue !== undefined,
      );
      rule = setter?.ruleId ?? 'default queue';
      because =
        setter === undefined
          ? `no candidate rule sets a queue, so the case falls to the default queue ${after.queue}`
          : `${setter.ruleId} sends it to ${after.queue} because ${setter.because}`;
    } else {
      const added = after.adviceDesks.find((d) => !before.adviceDesks.includes(d));
      const asking =
        added === undefined
          ? undefined
          : next.fired.find(
              (f) => candidate.rules.find((r) => r.id === f.ruleId)?.advice?.desk === added,
            );
      if (added !== undefined && asking !== undefined) {
        rule = asking.ruleId;
        because = `${asking.ruleId} requests advice from ${added} because ${asking.because}`;
      } else {
        const dropped = before.adviceDesks.find((d) => !after.adviceDesks.includes(d)) ?? '';
        rule = noLongerFiring[0] ?? 'rule changed';
        because = `advice from ${dropped} is no longer requested${noLongerFiring.length > 0 ? ` (${noLongerFiring.join(', ')} no longer fires)` : ''}`;
      }
    }
    changes.push({
      caseId: routed.caseId,
      reference: routed.reference,
      stage: routed.stage,
      before,
      after,
      rule,
      because,
      nowFiring,
      noLongerFiring,
    });
  }
  return changes;
}
