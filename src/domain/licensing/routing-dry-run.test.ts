import { describe, expect, it } from 'vitest';
import { shippedRouting } from '../../../test/support/shipped-routing.ts';
import { routeCase, type RoutingFacts, type RoutingRuleSet } from './routing.ts';
import { compareRouting, parseRoutingRuleSet, type RoutedCase } from './routing-dry-run.ts';

const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  recommendation: 'approve',
  risk: 'low',
  partyTypes: [],
  controlEntries: [],
  screeningHits: 0,
  ...over,
});

const routed = (reference: string, f: RoutingFacts): RoutedCase => ({
  caseId: `case-${reference}`,
  reference,
  stage: 'under-review',
  facts: f,
  current: routeCase(shippedRouting, f),
});

const benign = routed('GB-2026-00001', facts());
const police = routed('GB-2026-00002', facts({ partyTypes: ['police'] }));
const listed = routed('GB-2026-00003', facts({ screeningHits: 2 }));

describe(compareRouting.name, () => {
  it('lists nothing when the candidate routes every case as before', () => {
    expect(compareRouting([benign, police, listed], { ...shippedRouting, version: 2 })).toEqual([]);
  });

  it('names the rule that no longer fires when a rule is dropped', () => {
    const candidate: RoutingRuleSet = {
      ...shippedRouting,
      version: 2,
      rules: shippedRouting.rules.filter((r) => r.id !== 'hr-security-end-user'),
    };
    expect(compareRouting([benign, police, listed], candidate)).toEqual([
      {
        caseId: 'case-GB-2026-00002',
        reference: 'GB-2026-00002',
        stage: 'under-review',
        before: {
          queue: 'human-rights',
          adviceDesks: ['human-rights'],
          ruleSet: { id: 'cordon.routing', version: 1 },
        },
        after: {
          queue: 'general',
          adviceDesks: [],
          ruleSet: { id: 'cordon.routing', version: 2 },
        },
        rule: 'default queue',
        because: 'no candidate rule sets a queue, so the case falls to the default queue general',
        nowFiring: [],
        noLongerFiring: ['hr-security-end-user'],
      },
    ]);
  });

  it('names the candidate rule that sends a case elsewhere, or asks a new desk', () => {
    const candidate: RoutingRuleSet = {
      ...shippedRouting,
      version: 2,
      rules: [
        {
          id: 'sanctions-first',
          description: 'Screening hits go to sanctions, with advice from the sanctions desk.',
          when: { screeningHit: true },
          queue: 'sanctions-priority',
          advice: { desk: 'sanctions', reason: 'Check the match' },
        },
        ...shippedRouting.rules,
      ],
    };
    const [change] = compareRouting([benign, police, listed], candidate);
    expect(change).toMatchObject({
      reference: 'GB-2026-00003',
      before: { queue: 'sanctions', adviceDesks: [] },
      after: { queue: 'sanctions-priority', adviceDesks: ['sanctions'] },
      rule: 'sanctions-first',
      because: 'sanctions-first sends it to sanctions-priority because screening found 2 match(es)',
      nowFiring: ['sanctions-first'],
    });
  });
});

describe(parseRoutingRuleSet.name, () => {
  it('accepts the shipped rules', () => {
    expect(parseRoutingRuleSet(shippedRouting)).toMatchObject({ ok: true });
  });

  it('lists every problem of a candidate at once, by JSON pointer', () => {
    const result = parseRoutingRuleSet({
      id: 'x',
      version: 0,
      rules: [
        { id: 'a', when: { recommendations: ['refuse'] }, queue: 'q' },
        { id: 'a', when: {}, advice: { desk: 'hr' } },
        { id: 'b', when: { screeningHit: 'yes' } },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      { path: '/version', message: 'must be a whole number, at least 1' },
      { path: '/defaultQueue', message: 'must be a non-empty string' },
      {
        path: '/rules/0/when/recommendations',
        message: 'is not a condition (recommendation, partyType, controlEntry, risk, screeningHit)',
      },
      { path: '/rules/1/id', message: 'a is used by an earlier rule' },
      { path: '/rules/1/when', message: 'names no condition (the rule would never fire)' },
      { path: '/rules/1/advice/reason', message: 'must be a non-empty string' },
      { path: '/rules/2/when/screeningHit', message: 'must be true or false' },
      {
        path: '/rules/2',
        message: 'sets neither a queue nor an advice request (it would change nothing)',
      },
    ]);
  });
});
