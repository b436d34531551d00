import { describe, expect, it } from 'vitest';
import { buildDecision } from '../../../test/factories/decision.ts';
import { draftCase } from './case-transitions.ts';
import type { Decision, LicenceCase } from './licence-case.ts';
import { decisionStatistics } from './statistics.ts';

const at = new Date('2026-11-29T10:00:00Z');

const finalised = (id: string, decision: Omit<Decision, 'by' | 'at' | 'provisos' | 'text'>) => {
  const licenceCase: LicenceCase = {
    ...draftCase({ id, reference: id, jurisdiction: 'GB', exporterOrganisationId: 'o', now: at }),
    stage: 'finalised',
    outcome: decision.outcome,
    finalisedAt: at,
    decision: buildDecision(decision.outcome, at, decision),
  };
  return { licenceCase, destination: 'CN', controlEntries: ['5A001'] };
};

describe(decisionStatistics.name, () => {
  it('counts a refusal citing three criteria as one decision, listing the three', () => {
    const rows = decisionStatistics([
      finalised('c1', {
        outcome: 'refused',
        criteria: [
          { code: 'UK-SELC-7', reason: 'r' },
          { code: 'UK-SELC-2', reason: 'r' },
          { code: 'UK-SELC-1', reason: 'r' },
        ],
      }),
    ]);
    expect(rows).toEqual([
      {
        month: '2026-11',
        destination: 'CN',
        outcome: 'refused',
        criteria: ['UK-SELC-1', 'UK-SELC-2', 'UK-SELC-7'],
        itemCategory: 'category 5',
        count: 1,
      },
    ]);
  });

  it('adds up decisions with the same criteria, and keeps approvals citing none apart', () => {
    const refusal = {
      outcome: 'refused' as const,
      criteria: [
        { code: 'UK-SELC-2', reason: 'r' },
        { code: 'UK-SELC-7', reason: 'r' },
      ],
    };
    const rows = decisionStatistics([
      finalised('c1', refusal),
      finalised('c2', { ...refusal, criteria: [...refusal.criteria].reverse() }),
      finalised('c3', { outcome: 'approved', criteria: [] }),
    ]);
    expect(rows.map((r) => [r.outcome, r.criteria.join(' '), r.count])).toEqual([
      ['approved', '', 1],
      ['refused', 'UK-SELC-2 UK-SELC-7', 2],
    ]);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(3);
  });

  it('leaves out decisions not yet countersigned', () => {
    const decided = finalised('c1', { outcome: 'approved', criteria: [] });
    const decision = decided.licenceCase.decision;
    if (decision === undefined) throw new Error('no decision');
    const pending: Decision = {
      by: decision.by,
      outcome: 'approved',
      criteria: [],
      provisos: [],
      text: 'x',
      at,
    };
    expect(
      decisionStatistics([
        { ...decided, licenceCase: { ...decided.licenceCase, decision: pending } },
      ]),
    ).toEqual([]);
  });
});
