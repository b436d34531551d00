import { describe, expect, it } from 'vitest';
import type { CitedText } from '../policy/text-provenance.ts';
import {
  appealPeriodFor,
  citeCriteria,
  resolveCasePolicy,
  type CasePolicy,
} from './case-policy.ts';
import { applyCaseCommand, draftCase } from './case-transitions.ts';
import { decisionDocument } from './decision-document.ts';
import { defaultSeparationOfDuties } from './separation-of-duties.ts';

const paraphrase: CitedText = {
  text: 'The Government will not grant a licence where there is a clear risk ...',
  textStatus: 'paraphrase',
  source: { title: 'UK Strategic Export Licensing Criteria (2021)', date: '2026-11-22' },
};
const verbatim: CitedText = {
  text: 'An authorisation shall be required for the export of cyber-surveillance items ...',
  textStatus: 'verbatim',
  source: { title: 'Regulation (EU) 2021/821', date: '2023-05-26' },
};
const texts = new Map([
  ['hr:UK-SELC-2021-C2', paraphrase],
  ['eu-2021/821:art-5(1)', verbatim],
]);
const seed = (text: string): CitedText => ({
  text,
  textStatus: 'seed-unverified',
  source: { title: 'Cordon engineering default', date: '2026-11-30' },
});

const policyDocument = {
  id: 'cordon.case-policy',
  version: 3,
  appeals: [
    {
      jurisdictions: ['*'],
      days: 28,
      basis: {
        text: 'Default.',
        textStatus: 'seed-unverified',
        source: { title: 'Cordon', date: '2026-11-30' },
      },
    },
    {
      jurisdictions: ['US'],
      days: 45,
      basis: {
        text: '45 days.',
        textStatus: 'seed-unverified',
        source: { title: '15 CFR 756', date: '2026-11-30' },
      },
    },
  ],
  criteria: [
    {
      code: 'UK-SELC-2',
      jurisdictions: ['GB'],
      title: 'SELC Criterion 2',
      text: { ref: 'hr:UK-SELC-2021-C2' },
    },
    {
      code: 'EU-2021/821-Art.5',
      jurisdictions: ['EU', 'FR'],
      title: 'Art. 5',
      text: { ref: 'eu-2021/821:art-5(1)' },
    },
  ],
};

const resolved = (): CasePolicy => {
  const result = resolveCasePolicy(policyDocument, texts, 'data/routing/case-policy-v3.json');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

describe(resolveCasePolicy.name, () => {
  it('gives a policy without separation of duties the four-eyes default, and refuses one that weakens it', () => {
    expect(resolved().separationOfDuties).toEqual(defaultSeparationOfDuties);
    const weakened = resolveCasePolicy(
      {
        ...policyDocument,
        separationOfDuties: {
          distinctDuties: ['decide', 'countersign'],
          officerOrganisationKinds: ['licensing-authority', 'partner-authority'],
          advisorOrganisationKinds: ['advising-department'],
        },
        withdrawal: { notifyPartnersOfPendingRefusal: 'sometimes' },
      },
      texts,
      'f.json',
    );
    expect(weakened).toMatchObject({
      ok: false,
      error: [
        {
          path: '/separationOfDuties/distinctDuties',
          message: expect.stringContaining('missing advise, recommend') as unknown,
        },
        { path: '/separationOfDuties/officerOrganisationKinds' },
        { path: '/withdrawal/notifyPartnersOfPendingRefusal' },
      ],
    });
  });

  it('resolves cited texts with the status they have in the shipped data', () => {
    expect(resolved().criteria.map((c) => [c.code, c.text.textStatus])).toEqual([
      ['UK-SELC-2', 'paraphrase'],
      ['EU-2021/821-Art.5', 'verbatim'],
    ]);
  });

  it('lists every problem, and lets no file call its own words verbatim', () => {
    const result = resolveCasePolicy(
      {
        id: 'p',
        version: 1,
        appeals: [
          {
            jurisdictions: ['GB'],
            days: 0,
            basis: {
              text: 'Appeals in 28 days.',
              textStatus: 'verbatim',
              source: { title: 't', date: 'd' },
            },
          },
        ],
        criteria: [{ code: 'X', jurisdictions: ['GB'], title: 'x', text: { ref: 'hr:NOPE' } }],
      },
      texts,
      'f.json',
    );
    expect(result).toEqual({
      ok: false,
      error: [
        { path: '/appeals/0/days', message: 'must be a whole number of days from 1 to 366' },
        {
          path: '/appeals/0/basis/textStatus',
          message: 'must be paraphrase or seed-unverified (cite verbatim law by "ref")',
        },
        { path: '/appeals', message: 'must have a default period for jurisdictions ["*"]' },
        { path: '/criteria/0/text/ref', message: 'no legal text "hr:NOPE" is shipped' },
      ],
    });
  });
});

describe(appealPeriodFor.name, () => {
  it('gives a jurisdiction its own period and the others the default, with the policy version', () => {
    expect(appealPeriodFor(resolved(), 'US')).toMatchObject({
      days: 45,
      policy: { id: 'cordon.case-policy', version: 3 },
    });
    expect(appealPeriodFor(resolved(), 'NO').days).toBe(28);
  });
});

describe(citeCriteria.name, () => {
  it('finds texts in the policy of the jurisdiction, then by legal text id, then in the frozen assessment', () => {
    const cited = citeCriteria(
      [
        { code: 'uk-selc-2', reason: 'Clear risk of internal repression.' },
        { code: 'eu-2021/821:art-5(1)', reason: 'Cyber-surveillance item.' },
        { code: 'uk-hr-presumption', reason: 'Presumption of denial.' },
        { code: 'UK-MADE-UP-9', reason: 'An officer typo.' },
      ],
      {
        policy: resolved(),
        jurisdiction: 'GB',
        texts,
        assessed: [
          { id: 'uk-hr-presumption', title: 'Presumption', text: seed('Presume denial.') },
        ],
      },
    );
    expect(cited.map((c) => [c.code, c.from, c.text?.textStatus])).toEqual([
      ['uk-selc-2', 'case-policy', 'paraphrase'],
      ['eu-2021/821:art-5(1)', 'legal-text', 'verbatim'],
      ['uk-hr-presumption', 'assessment', 'seed-unverified'],
      ['UK-MADE-UP-9', undefined, undefined],
    ]);
  });

  it('does not cite a criterion of another jurisdiction', () => {
    const [cited] = citeCriteria([{ code: 'EU-2021/821-Art.5', reason: 'r' }], {
      policy: resolved(),
      jurisdiction: 'GB',
      texts,
    });
    expect(cited?.from).toBeUndefined();
  });
});

describe('a refusal letter citing its criteria', () => {
  it('labels a paraphrase as not legal text, quotes verbatim text as such, and states the appeal deadline', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    let c = draftCase({
      id: 'c',
      reference: 'GB-2026-00009',
      jurisdiction: 'GB',
      exporterOrganisationId: 'o',
      now,
    });
    c = { ...c, stage: 'final-review' };
    const criteria = [
      { code: 'UK-SELC-2', reason: 'Clear risk.' },
      { code: 'eu-2021/821:art-5(1)', reason: 'Cyber-surveillance.' },
    ];
    const decided = applyCaseCommand(
      c,
      { kind: 'decide', outcome: 'refused', criteria, provisos: [], text: 'Refused.' },
      { userId: 'so1', role: 'senior-officer' },
      now,
    );
    if (!decided.ok) throw new Error(decided.error.message);
    const signed = applyCaseCommand(
      decided.value,
      { kind: 'countersign', appealPeriod: appealPeriodFor(resolved(), 'GB') },
      { userId: 'so2', role: 'senior-officer' },
      now,
    );
    if (!signed.ok) throw new Error(signed.error.message);
    const model = decisionDocument({
      licenceCase: signed.value,
      application: {},
      provenance: '{}',
      verificationCode: 'CODE',
      issuedAt: now,
      criteria: citeCriteria(criteria, { policy: resolved(), jurisdiction: 'GB', texts }),
    });
    expect(model?.criteria).toEqual([
      {
        code: 'UK-SELC-2',
        reason: 'Clear risk.',
        title: 'SELC Criterion 2',
        citation: {
          text: paraphrase.text,
          textStatus: 'paraphrase',
          label:
            'PARAPHRASE, not legal text: UK Strategic Export Licensing Criteria (2021) (2026-11-22)',
        },
      },
      {
        code: 'eu-2021/821:art-5(1)',
        reason: 'Cyber-surveillance.',
        citation: {
          text: verbatim.text,
          textStatus: 'verbatim',
          label: 'verbatim: Regulation (EU) 2021/821 (2023-05-26)',
        },
      },
    ]);
    expect(model?.appeal).toEqual({
      until: '2026-12-28',
      days: 28,
      policy: 'cordon.case-policy v3',
      basisLabel: 'UNVERIFIED seed data, check before relying on it: Cordon (2026-11-30)',
    });
  });
});
