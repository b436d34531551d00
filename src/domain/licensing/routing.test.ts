import { describe, expect, it } from 'vitest';
import { shippedRouting } from '../../../test/support/shipped-routing.ts';
import { routeCase, type RoutingFacts } from './routing.ts';

const shipped = shippedRouting;

const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  recommendation: 'approve',
  risk: 'low',
  partyTypes: ['academic'],
  controlEntries: [],
  screeningHits: 0,
  ...over,
});

describe('routing of submitted cases with the shipped rules', () => {
  it('sends a benign approval to the general queue without advice', () => {
    expect(routeCase(shipped, facts())).toMatchObject({ queue: 'general', adviceRequests: [] });
  });

  it('asks the human-rights desk once when several of its rules fire (refuse, police, 5A001.j)', () => {
    const decision = routeCase(
      shipped,
      facts({ recommendation: 'refuse', partyTypes: ['police'], controlEntries: ['5A001.j'] }),
    );
    expect(decision.queue).toBe('human-rights');
    expect(decision.adviceRequests).toHaveLength(1);
    expect(decision.adviceRequests[0]?.desk).toBe('human-rights');
    expect(decision.fired.map((f) => f.ruleId)).toEqual([
      'hr-refuse-or-refer',
      'hr-security-end-user',
      'hr-cyber-surveillance-items',
    ]);
  });

  it('matches sub-entries of a listed entry but not look-alikes (4A005 vs 4A0050)', () => {
    expect(routeCase(shipped, facts({ controlEntries: ['4A005.a'] })).queue).toBe('human-rights');
    expect(routeCase(shipped, facts({ controlEntries: ['4A0050'] })).queue).toBe('general');
  });

  it('sends a screening hit to the sanctions queue', () => {
    expect(routeCase(shipped, facts({ screeningHits: 2 })).queue).toBe('sanctions');
  });
});
