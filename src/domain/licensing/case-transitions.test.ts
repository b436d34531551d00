import { describe, expect, it } from 'vitest';
import { caseStages } from './case-state.ts';
import {
  applyCaseCommand,
  caseTransitions,
  draftCase,
  type CaseCommand,
} from './case-transitions.ts';
import type { Actor, LicenceCase } from './licence-case.ts';

const now = new Date('2026-11-23T09:00:00Z');
const exporter: Actor = { userId: 'u-exp', role: 'exporter', organisationId: 'org-1' };
const system: Actor = { userId: 'system', role: 'system' };
const caseworker: Actor = { userId: 'u-cw', role: 'caseworker' };
const advisor: Actor = { userId: 'u-adv', role: 'advisor' };
const senior: Actor = { userId: 'u-so1', role: 'senior-officer' };
const secondSenior: Actor = { userId: 'u-so2', role: 'senior-officer' };
const refusalCriteria = [
  { code: 'EU-CP-2.c', reason: 'clear risk of use for internal repression' },
];

function run(steps: readonly [CaseCommand, Actor][], start?: LicenceCase): LicenceCase {
  let current =
    start ??
    draftCase({
      id: 'c1',
      reference: 'GB-2026-0001',
      jurisdiction: 'GB',
      exporterOrganisationId: 'org-1',
      now,
    });
  for (const [command, actor] of steps) {
    const result = applyCaseCommand(current, command, actor, now);
    if (!result.ok) throw new Error(`${command.kind}: ${result.error.message}`);
    current = result.value;
  }
  return current;
}

const toFinalReview: [CaseCommand, Actor][] = [
  [{ kind: 'submit' }, exporter],
  [{ kind: 'begin-checks', automatedOutcome: 'refused' }, system],
  [
    {
      kind: 'complete-checks',
      queue: 'surveillance',
      adviceRequests: [{ desk: 'human-rights', reason: 'police end user' }],
    },
    system,
  ],
  [
    {
      kind: 'give-advice',
      desk: 'human-rights',
      outcome: 'refuse',
      criteria: refusalCriteria,
      provisos: [],
      text: 'Documented repression.',
    },
    advisor,
  ],
  [
    {
      kind: 'recommend',
      outcome: 'refused',
      criteria: refusalCriteria,
      provisos: [],
      text: 'Refuse.',
    },
    caseworker,
  ],
];

describe(applyCaseCommand.name, () => {
  it('takes a case from draft through advice, recommendation and a countersigned refusal', () => {
    const finalised = run([
      ...toFinalReview,
      [
        {
          kind: 'decide',
          outcome: 'refused',
          criteria: refusalCriteria,
          provisos: [],
          text: 'Refused.',
        },
        senior,
      ],
      [{ kind: 'countersign' }, secondSenior],
    ]);
    expect(finalised).toMatchObject({
      stage: 'finalised',
      outcome: 'refused',
      decision: { by: { userId: 'u-so1' }, countersignedBy: { userId: 'u-so2' } },
      version: 8,
    });
  });

  it('waits in awaiting-advice until every requested desk has advised', () => {
    const waiting = run([
      [{ kind: 'submit' }, exporter],
      [{ kind: 'begin-checks', automatedOutcome: 'refer' }, system],
      [
        {
          kind: 'complete-checks',
          queue: 'q',
          adviceRequests: [
            { desk: 'human-rights', reason: 'r' },
            { desk: 'foreign-policy', reason: 'r' },
          ],
        },
        system,
      ],
      [
        {
          kind: 'give-advice',
          desk: 'human-rights',
          outcome: 'approve',
          criteria: [],
          provisos: [],
          text: 'ok',
        },
        advisor,
      ],
    ]);
    expect(waiting.stage).toBe('awaiting-advice');
    const done = run(
      [
        [
          {
            kind: 'give-advice',
            desk: 'foreign-policy',
            outcome: 'approve',
            criteria: [],
            provisos: [],
            text: 'ok',
          },
          advisor,
        ],
      ],
      waiting,
    );
    expect(done.stage).toBe('under-review');
  });

  it('refuses a countersignature by the officer who decided', () => {
    const decided = run([
      ...toFinalReview,
      [
        { kind: 'decide', outcome: 'refused', criteria: refusalCriteria, provisos: [], text: 'x' },
        senior,
      ],
    ]);
    const result = applyCaseCommand(decided, { kind: 'countersign' }, senior, now);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED',
        message: 'The decision must be countersigned by another senior officer.',
      },
    });
  });

  it('requires a written justification when the decision departs from the automated recommendation', () => {
    const review = run(toFinalReview);
    const approve = {
      kind: 'decide',
      outcome: 'approved',
      criteria: [],
      provisos: [],
      text: 'Approve.',
    } as const;
    expect(applyCaseCommand(review, approve, senior, now)).toMatchObject({
      ok: false,
      error: { code: 'CORDON_VALIDATION_FAILED' },
    });
    expect(
      applyCaseCommand(
        review,
        { ...approve, justification: 'End user replaced by a university.' },
        senior,
        now,
      ),
    ).toMatchObject({
      ok: true,
      value: { decision: { justification: 'End user replaced by a university.' } },
    });
  });

  it('refuses a refusal that cites no criterion', () => {
    const review = run(toFinalReview);
    expect(
      applyCaseCommand(
        review,
        { kind: 'decide', outcome: 'refused', criteria: [], provisos: [], text: 'no' },
        senior,
        now,
      ),
    ).toMatchObject({
      ok: false,
      error: { message: 'A refusal must cite at least one criterion of the policy.' },
    });
  });

  it('blocks the decision while a consultation with a denying partner is open, and frees it once recorded', () => {
    const blocked = run([
      ...toFinalReview,
      [{ kind: 'block-for-consultation', consultationId: 'cons-1' }, system],
    ]);
    const decide = {
      kind: 'decide',
      outcome: 'refused',
      criteria: refusalCriteria,
      provisos: [],
      text: 'x',
    } as const;
    expect(applyCaseCommand(blocked, decide, senior, now)).toMatchObject({
      ok: false,
      error: { code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED' },
    });
    const freed = run(
      [[{ kind: 'record-consultation', consultationId: 'cons-1' }, caseworker]],
      blocked,
    );
    expect(applyCaseCommand(freed, decide, senior, now).ok).toBe(true);
  });

  it('returns the case to the exporter for information and back to the same stage on the answer', () => {
    const underReview = run(toFinalReview.slice(0, 4));
    const returned = run(
      [[{ kind: 'request-information', question: 'Who is the end user?' }, caseworker]],
      underReview,
    );
    expect(returned.stage).toBe('returned-to-exporter');
    const answered = run(
      [[{ kind: 'answer-information', answer: 'The regional police.' }, exporter]],
      returned,
    );
    expect(answered.stage).toBe('under-review');
    expect(answered.informationRequests[0]).toMatchObject({
      answer: 'The regional police.',
      returnTo: 'under-review',
    });
  });

  it('lets an exporter appeal a refusal only before the deadline, decided by an uninvolved officer', () => {
    const refused = run([
      ...toFinalReview,
      [
        { kind: 'decide', outcome: 'refused', criteria: refusalCriteria, provisos: [], text: 'x' },
        senior,
      ],
      [{ kind: 'countersign' }, secondSenior],
    ]);
    const late = applyCaseCommand(
      refused,
      { kind: 'appeal', grounds: 'g', deadline: new Date('2026-11-01') },
      exporter,
      now,
    );
    expect(late).toMatchObject({
      ok: false,
      error: { message: 'The appeal deadline passed on 2026-11-01.' },
    });
    const appealed = run(
      [
        [
          { kind: 'appeal', grounds: 'New end-use assurances', deadline: new Date('2026-12-31') },
          exporter,
        ],
      ],
      refused,
    );
    expect(
      applyCaseCommand(
        appealed,
        { kind: 'decide-appeal', upheld: false, reasons: 'r' },
        senior,
        now,
      ).ok,
    ).toBe(false);
    const third: Actor = { userId: 'u-so3', role: 'senior-officer' };
    expect(
      run([[{ kind: 'decide-appeal', upheld: false, reasons: 'Risk stands.' }, third]], appealed)
        .stage,
    ).toBe('finalised');
  });

  it('records the appeal period of the policy on a countersigned refusal, and holds appeals to it', () => {
    const period = {
      days: 45,
      policy: { id: 'cordon.case-policy', version: 1 },
      basis: {
        text: 'Appeals within 45 days.',
        textStatus: 'seed-unverified' as const,
        source: { title: 'test', date: '2026-11-30' },
      },
    };
    const refused = run([
      ...toFinalReview,
      [
        { kind: 'decide', outcome: 'refused', criteria: refusalCriteria, provisos: [], text: 'x' },
        senior,
      ],
      [{ kind: 'countersign', appealPeriod: period }, secondSenior],
    ]);
    expect(refused.decision?.appealPeriod).toEqual({
      days: 45,
      until: new Date('2027-01-07T09:00:00Z'),
      policy: period.policy,
      basis: period.basis,
    });
    // The recorded period wins over any deadline the caller computes.
    const lodge = (at: string) =>
      applyCaseCommand(
        refused,
        { kind: 'appeal', grounds: 'New assurances', deadline: new Date('2026-11-24') },
        exporter,
        new Date(at),
      );
    expect(lodge('2027-01-07T08:59:59Z').ok).toBe(true);
    expect(lodge('2027-01-07T09:00:01Z')).toMatchObject({
      ok: false,
      error: { message: 'The appeal deadline passed on 2027-01-07.' },
    });
  });

  it('records no appeal period on an approval', () => {
    const approved = run([
      [{ kind: 'submit' }, exporter],
      [{ kind: 'begin-checks', automatedOutcome: 'approved' }, system],
      [{ kind: 'complete-checks', queue: 'q', adviceRequests: [] }, system],
      [
        { kind: 'recommend', outcome: 'approved', criteria: [], provisos: [], text: 'ok' },
        caseworker,
      ],
      [{ kind: 'decide', outcome: 'approved', criteria: [], provisos: [], text: 'ok' }, senior],
      [
        {
          kind: 'countersign',
          appealPeriod: {
            days: 28,
            policy: { id: 'p', version: 1 },
            basis: { text: 't', textStatus: 'paraphrase', source: { title: 't', date: 'd' } },
          },
        },
        secondSenior,
      ],
    ]);
    expect(approved.decision?.appealPeriod).toBeUndefined();
  });

  it('never lets a case the assessment found prohibited be approved, with or without a justification', () => {
    const recommended = run([
      [{ kind: 'submit' }, exporter],
      [{ kind: 'begin-checks', automatedOutcome: 'prohibited' }, system],
      [{ kind: 'complete-checks', queue: 'sanctions', adviceRequests: [] }, system],
      [
        {
          kind: 'recommend',
          outcome: 'refused',
          criteria: [{ code: 'EU-833-2', reason: 'sanctioned buyer' }],
          provisos: [],
          text: 'no',
        },
        caseworker,
      ],
    ]);
    for (const outcome of ['approved', 'approved-with-provisos', 'no-licence-required'] as const) {
      const decided = applyCaseCommand(
        recommended,
        {
          kind: 'decide',
          outcome,
          criteria: [],
          provisos: outcome === 'approved-with-provisos' ? ['end-use check'] : [],
          text: 'approve anyway',
          justification: 'the buyer seems fine',
        },
        senior,
        now,
      );
      expect(decided.ok, outcome).toBe(false);
      expect(!decided.ok && decided.error.message).toContain('prohibited');
    }
    const refused = run(
      [
        [
          {
            kind: 'decide',
            outcome: 'refused',
            criteria: [{ code: 'EU-833-2', reason: 'sanctioned buyer' }],
            provisos: [],
            text: 'no',
          },
          senior,
        ],
      ],
      recommended,
    );
    expect(refused.stage).toBe('awaiting-countersignature');
  });

  it('suspends, reinstates and revokes only issued licences', () => {
    const approved = run([
      [{ kind: 'submit' }, exporter],
      [{ kind: 'begin-checks', automatedOutcome: 'approved' }, system],
      [{ kind: 'complete-checks', queue: 'q', adviceRequests: [] }, system],
      [
        { kind: 'recommend', outcome: 'approved', criteria: [], provisos: [], text: 'ok' },
        caseworker,
      ],
      [{ kind: 'decide', outcome: 'approved', criteria: [], provisos: [], text: 'ok' }, senior],
      [{ kind: 'countersign' }, secondSenior],
    ]);
    const suspended = run([[{ kind: 'suspend', reason: 'new listing' }, senior]], approved);
    expect(suspended.stage).toBe('suspended');
    expect(
      run([[{ kind: 'revoke', reason: 'confirmed diversion' }, senior]], suspended).stage,
    ).toBe('revoked');
    expect(run([[{ kind: 'reinstate', reason: 'cleared' }, senior]], suspended).stage).toBe(
      'finalised',
    );
  });

  it('refuses a command from a role that may not issue it, with CORDON_FORBIDDEN', () => {
    const draft = draftCase({
      id: 'c',
      reference: 'R',
      jurisdiction: 'GB',
      exporterOrganisationId: 'o',
      now,
    });
    expect(applyCaseCommand(draft, { kind: 'submit' }, caseworker, now)).toMatchObject({
      ok: false,
      error: { code: 'CORDON_FORBIDDEN' },
    });
  });

  it('refuses every command outside the stages of its transition rule', () => {
    for (const stage of caseStages) {
      const c = {
        ...draftCase({
          id: 'c',
          reference: 'R',
          jurisdiction: 'GB',
          exporterOrganisationId: 'o',
          now,
        }),
        stage,
      };
      const allowed = applyCaseCommand(c, { kind: 'withdraw', reason: 'r' }, exporter, now).ok;
      expect(allowed, stage).toBe(caseTransitions.withdraw.from.includes(stage));
    }
  });
});
