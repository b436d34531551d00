import { describe, expect, it } from 'vitest';
import { draftCase } from './case-transitions.ts';
import { exporterCaseView, exporterHistory } from './exporter-case-view.ts';
import type { Decision, LicenceCase } from './licence-case.ts';

const at = new Date('2026-12-06T10:00:00Z');
const refusal: Decision = {
  by: { userId: 'u-sam', role: 'senior-officer', name: 'sam' },
  outcome: 'refused',
  criteria: [{ code: 'UK-SELC-2', reason: 'Clear risk' }],
  provisos: [],
  text: 'Refused.',
  at,
};
const pending: LicenceCase = {
  ...draftCase({
    id: 'c1',
    reference: 'GB-1',
    jurisdiction: 'GB',
    exporterOrganisationId: 'o',
    now: at,
  }),
  stage: 'awaiting-countersignature',
  automatedOutcome: 'refused',
  queue: 'human-rights',
  decision: refusal,
  informationRequests: [
    {
      question: 'Who operates it?',
      askedBy: { userId: 'u-cara', role: 'caseworker', name: 'cara' },
      askedAt: at,
      returnTo: 'under-review',
      answer: 'The bureau.',
      answeredAt: at,
    },
  ],
};

describe(exporterCaseView.name, () => {
  it('shows a refusal awaiting countersignature as under review, with the questions but not who asked or the draft decision', () => {
    const view = exporterCaseView(pending);
    expect(view.stage).toBe('under-review');
    expect(view).not.toHaveProperty('decision');
    expect(view).not.toHaveProperty('outcome');
    expect(JSON.stringify(view)).not.toMatch(/cara|sam|human-rights|refused/);
    expect(view.informationRequests).toEqual([
      { question: 'Who operates it?', askedAt: at, answer: 'The bureau.', answeredAt: at },
    ]);
  });

  it('shows the decision once countersigned', () => {
    const final = exporterCaseView({
      ...pending,
      stage: 'finalised',
      outcome: 'refused',
      finalisedAt: at,
      decision: {
        ...refusal,
        countersignedBy: { userId: 'u-sue', role: 'senior-officer' },
        countersignedAt: at,
      },
    });
    expect(final).toMatchObject({
      stage: 'finalised',
      outcome: 'refused',
      decision: { outcome: 'refused' },
    });
    expect(JSON.stringify(final)).not.toMatch(/u-sam|u-sue/);
  });
});

describe(exporterHistory.name, () => {
  it('keeps the exporter\u2019s own steps and the final ones, naming officers as the licensing authority', () => {
    const event = (action: string, actor: string, role: string) => ({
      version: 1,
      at,
      actor,
      role,
      action,
      fromStage: 'final-review' as const,
      toStage: 'awaiting-countersignature' as const,
      note: 'internal',
    });
    expect(
      exporterHistory([
        event('submit', 'erin', 'exporter'),
        event('give-advice', 'adam', 'advisor'),
        event('decide', 'sam', 'senior-officer'),
        event('countersign', 'sue', 'senior-officer'),
      ]).map((e) => [e.action, e.actor, e.toStage]),
    ).toEqual([
      ['submit', 'erin', 'under-review'],
      ['decision-issued', 'the licensing authority', 'under-review'],
    ]);
  });
});
