import { describe, expect, it } from 'vitest';
import { currentRouting, shippedRouting } from '../../../test/support/shipped-routing.ts';
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

describe('routing of submitted cases with the rules in force (version 2)', () => {
  it('asks the human-rights desk for every cyber-surveillance entry, sub-entries included', () => {
    for (const entry of [
      '5A001.f.1',
      '5A001.j',
      '5D001.e',
      '4A005',
      '4D004',
      '4E001.c',
      '5A004.b',
      '5A980',
    ]) {
      const decision = routeCase(currentRouting, facts({ controlEntries: [entry] }));
      expect({ entry, desks: decision.adviceRequests.map((a) => a.desk) }).toEqual({
        entry,
        desks: ['human-rights'],
      });
    }
    expect(routeCase(currentRouting, facts({ controlEntries: ['5A002'] })).adviceRequests).toEqual(
      [],
    );
  });

  it('asks the human-rights desk about every party match, in the sanctions queue', () => {
    const decision = routeCase(currentRouting, facts({ screeningHits: 1 }));
    expect(decision.queue).toBe('sanctions');
    expect(decision.adviceRequests.map((a) => a.desk)).toEqual(['human-rights']);
  });

  it('sends a prohibited outcome to the sanctions queue with sanctions advice', () => {
    const decision = routeCase(currentRouting, facts({ recommendation: 'prohibited' }));
    expect(decision).toMatchObject({
      queue: 'sanctions',
      adviceRequests: [expect.objectContaining({ desk: 'sanctions' })],
      ruleSet: { version: 2 },
    });
  });
});
