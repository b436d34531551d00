import { describe, expect, it } from 'vitest';
import { expectErr, expectOk } from '../../../test/support/expect-result.ts';
import { buildProposalContent } from '../../../test/factories/proposed-entry.ts';
import { checkPosition, checkProposalContent, proposalBodyProblem } from './control-proposal.ts';

const content = buildProposalContent();

describe(checkProposalContent.name, () => {
  it('accepts a complete proposal whose facts the catalogue knows', () => {
    expectOk(checkProposalContent(content, (f) => f === 'facial-recognition-mass-surveillance'));
  });

  it('names every offending field at once, an unknown fact among them', () => {
    const problems = expectErr(
      checkProposalContent(
        {
          ...content,
          rationale: '',
          entry: {
            ...content.entry,
            criteria: [{ id: 'a', text: 'x', facts: ['crowd-gazing'], factMode: 'all' }],
          },
          evidence: [{ text: 'x', source: 'y', textStatus: 'rumour' }],
        },
        () => false,
      ),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'body.entry.criteria.0.facts.0',
      'body.rationale',
      'body.evidence.0',
    ]);
    expect(problems[0]?.problem).toBe('crowd-gazing is not a fact of the control catalogue');
  });
});

describe(checkPosition.name, () => {
  it('requires the national entry, the instrument and the date for an adoption', () => {
    const problems = expectErr(
      checkPosition({ position: 'adopted', adoption: { nationalEntryId: 'NO-1' } }),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'body.adoption.legalInstrument',
      'body.adoption.effectiveOn',
    ]);
  });

  it('requires reasons to oppose, and refuses an adoption with any other position', () => {
    expect(expectErr(checkPosition({ position: 'oppose' })).map((p) => p.field)).toEqual([
      'body.reasons',
    ]);
    expect(
      expectErr(
        checkPosition({
          position: 'support',
          adoption: { nationalEntryId: 'x', legalInstrument: 'y', effectiveOn: '2027-01-01' },
        }),
      ).map((p) => p.field),
    ).toEqual(['body.adoption']);
  });
});

describe(proposalBodyProblem.name, () => {
  it('checks a received proposal for shape, whatever facts the sender knows', () => {
    expect(
      proposalBodyProblem({ ...content, proposalId: 'NL-ILT-proposal-1', version: 1 }),
    ).toBeUndefined();
    expect(proposalBodyProblem({ ...content, proposalId: 'NL-ILT-proposal-1', version: 0 })).toBe(
      'version must be a positive integer',
    );
  });
});
