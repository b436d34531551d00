import { describe, expect, it } from 'vitest';
import { shippedHumanRightsPolicies } from '../../../test/fakes/shipped-human-rights.ts';
import type { LicenceDetermination } from '../classification/licence-requirement.ts';
import type { CountryCode } from '../policy/country-code.ts';
import {
  aggregateRisk,
  recommend,
  riskLevelOf,
  type HumanRightsAssessment,
} from './assess-transaction.ts';
import type { HumanRightsPolicy, RiskLevel } from './human-rights-policy.ts';
import type { RiskFactor } from './risk-factors.ts';

const policy = shippedHumanRightsPolicies().current.get('GB' as CountryCode) as HumanRightsPolicy;
const f = (id: RiskFactor['id'], weight: number, severity: number): RiskFactor => ({
  id,
  title: id,
  weight,
  severity,
  contribution: weight * severity,
  evidence: [],
  source: { title: 't', date: '2026-11-22' },
  citations: [],
  textStatus: 'paraphrase',
});

describe(riskLevelOf.name, () => {
  it('maps a score to the level whose threshold it reaches', () => {
    const t = { medium: 0.25, high: 0.5, unacceptable: 0.8 };
    expect([0, 0.25, 0.5, 0.8].map((s) => riskLevelOf(t, s))).toEqual([
      'low',
      'medium',
      'high',
      'unacceptable',
    ]);
  });
});

describe(aggregateRisk.name, () => {
  it('scales the context by the item relevance: a surveillance item counts the context fully, a printer a quarter', () => {
    const context = [f('destination', 0.3, 1), f('end-user', 0.25, 1)];
    expect(aggregateRisk(policy, [f('item-capability', 0.25, 1), ...context]).score).toBe(0.8);
    expect(aggregateRisk(policy, [f('item-capability', 0.25, 0), ...context]).score).toBe(0.138);
  });
});

describe(recommend.name, () => {
  const assessment = (risk: RiskLevel): HumanRightsAssessment => ({
    risk,
    score: 0,
    scoreRisk: risk,
    itemRelevance: 1,
    factors: [f('item-capability', 0.25, 1)],
    presumptions: [],
    omittedFactors: [],
  });
  const licence = (
    required: LicenceDetermination['required'],
    prohibited = false,
  ): LicenceDetermination => ({
    jurisdiction: 'GB' as CountryCode,
    policies: [],
    required,
    missing: [],
    basis: prohibited
      ? [
          {
            rule: 'r',
            ruleKind: 'monitoring-equipment-measures',
            title: 'ban',
            effect: 'prohibited',
            summary: 's',
            citations: [],
            textStatus: 'verbatim',
          },
        ]
      : [],
  });
  const facts = { items: [], parties: [] };
  it('maps risk to outcome when a licence is required, with provisos from medium up', () => {
    expect(recommend(policy, assessment('low'), licence(true), facts).outcome).toBe('approve');
    const medium = recommend(policy, assessment('medium'), licence(true), facts);
    expect(medium.outcome).toBe('approve-with-provisos');
    expect(medium.provisos.map((p) => p.id)).toContain('end-use-certificate');
    expect(recommend(policy, assessment('high'), licence('undetermined'), facts).outcome).toBe(
      'refer',
    );
    expect(recommend(policy, assessment('unacceptable'), licence(true), facts).outcome).toBe(
      'refuse',
    );
  });
  it('needs no licence at low risk when none is required; at high risk refers only where the law has a human-rights catch-all (EU Art. 5), not in the UK; a prohibition is prohibited, not refused', () => {
    expect(recommend(policy, assessment('low'), licence(false), facts).outcome).toBe(
      'no-licence-required',
    );
    const gbHigh = recommend(policy, assessment('high'), licence(false), facts);
    expect(gbHigh.outcome).toBe('no-licence-required');
    expect(gbHigh.summary).toMatch(/no human-rights catch-all/);
    expect(gbHigh.summary).not.toMatch(/may make a licence required/);
    const eu = shippedHumanRightsPolicies().current.get('EU') as HumanRightsPolicy;
    const euHigh = recommend(eu, assessment('high'), licence(false), facts);
    expect(euHigh.outcome).toBe('refer');
    expect(euHigh.summary).toMatch(/human-rights catch-all/);
    const banned = recommend(policy, assessment('low'), licence(true, true), facts);
    expect(banned.outcome).toBe('prohibited');
    expect(banned.floors).toEqual([
      expect.objectContaining({ atLeast: 'prohibited', criterion: 'r' }),
    ]);
  });
  it('cites the UK Criterion 2 as met at unacceptable risk, for the officer to decide (unknown) at high risk, not met below', () => {
    const r = recommend(policy, assessment('unacceptable'), licence(true), facts);
    expect(r.criteria.find((c) => c.id === 'uk-selc-c2')).toMatchObject({
      status: 'met',
      textStatus: 'paraphrase',
    });
    const high = recommend(policy, assessment('high'), licence(true), facts);
    expect(high.criteria.find((c) => c.id === 'uk-selc-c2')?.status).toBe('unknown');
    const low = recommend(policy, assessment('low'), licence(true), facts);
    expect(low.criteria.find((c) => c.id === 'uk-selc-c2')?.status).toBe('not-met');
  });
});
