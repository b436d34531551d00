import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../test/fakes/fixed-clock.ts';
import { inMemoryAuditLog, testSha256 } from '../../../test/fakes/in-memory-audit-log.ts';
import { inMemoryCaseStore } from '../../../test/fakes/in-memory-case-store.ts';
import { shippedRouting } from '../../../test/support/shipped-routing.ts';
import type { Principal } from '../../domain/people/people.ts';
import type { Role } from '../../domain/people/role.ts';
import { cordonError } from '../../domain/shared/errors.ts';
import { err, ok } from '../../domain/shared/result.ts';
import type { FrozenAssessment } from '../ports/case-store.ts';
import { verifyChain } from '../../domain/audit/audit-chain.ts';
import {
  caseStatistics,
  createDraft,
  getCase,
  performCaseAction,
  submitCase,
  verifyDocument,
  type CaseDeps,
} from './case-service.ts';

const application = {
  jurisdiction: 'GB',
  exporter: { name: 'Vista Analytics Ltd', country: 'GB' },
  destination: { country: 'CN', region: 'Xinjiang' },
  parties: [
    { role: 'end-user', name: 'Urumqi Public Security Bureau', country: 'CN', type: 'police' },
  ],
  items: [
    { description: 'Video analytics with face recognition', capabilities: ['facial-recognition'] },
  ],
  endUse: 'City surveillance',
};

const refusingAssessment: FrozenAssessment = {
  recommendation: { outcome: 'refuse', criteria: [{ code: 'UK-SELC-2' }], provisos: [] },
  humanRights: { risk: 'unacceptable', factors: [] },
  parties: [
    { role: 'end-user', name: 'Urumqi Public Security Bureau', type: 'police', matches: [] },
  ],
  items: [{ description: 'Video analytics', classification: [] }],
  provenance: {
    listSnapshots: [{ id: 'us-bis-entity-list@2026-07-23.x' }],
    policy: { id: 'cordon.GB.human-rights', version: 1 },
  },
};

function setup() {
  const clock = fixedClock('2026-11-29T10:00:00Z');
  const audit = inMemoryAuditLog(clock);
  let n = 0;
  const deps: CaseDeps = {
    store: inMemoryCaseStore(audit),
    assessor: {
      validate: (app) =>
        Promise.resolve(
          typeof (app as { endUse?: unknown }).endUse === 'string'
            ? ok(undefined)
            : err(
                cordonError('CORDON_VALIDATION_FAILED', 'bad', [
                  { field: 'endUse', problem: 'is required' },
                ]),
              ),
        ),
      assess: () => Promise.resolve(ok(refusingAssessment)),
    },
    routing: { current: () => Promise.resolve(shippedRouting) },
    renderer: {
      render: (model) => Promise.resolve(new TextEncoder().encode(JSON.stringify(model))),
    },
    clock,
    secrets: {
      id: () => `id${String((n += 1)).padStart(6, '0')}`,
      secret: () => 'secret',
      password: () => 'password',
    },
    sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  };
  return { deps, audit, clock };
}

const person = (username: string, role: Role, organisationId = 'org-authority'): Principal => ({
  userId: `u-${username}`,
  username,
  organisationId,
  organisationKind: role === 'exporter' ? 'exporter' : 'licensing-authority',
  roles: [role],
  via: 'test',
});
const exporter = person('exa', 'exporter', 'org-vista');
const otherExporter = person('exb', 'exporter', 'org-other');
const caseworker = person('cw', 'caseworker');
const advisor = person('hr', 'advisor');
const senior = person('so1', 'senior-officer');
const secondSenior = person('so2', 'senior-officer');

async function submitted(deps: CaseDeps) {
  const draft = await createDraft(deps, exporter, application);
  if (!draft.ok) throw new Error(draft.error.message);
  const result = await submitCase(deps, exporter, draft.value.licenceCase.id, 1);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('a licence case from application to countersigned refusal', () => {
  it('freezes the assessment at submission and routes a refuse recommendation for a police end user to the human-rights desk', async () => {
    const { deps } = setup();
    const record = await submitted(deps);
    expect(record.licenceCase).toMatchObject({
      stage: 'awaiting-advice',
      queue: 'human-rights',
      automatedOutcome: 'refused',
      reference: 'GB-2026-00001',
    });
    expect(record.assessment).toEqual(refusingAssessment);
    expect(record.routing?.fired.map((f) => f.ruleId)).toEqual([
      'hr-refuse-or-refer',
      'hr-security-end-user',
    ]);
    expect(record.history.map((h) => h.action)).toEqual([
      'submit',
      'begin-checks',
      'complete-checks',
    ]);
  });

  it('runs advice, recommendation, decision and countersignature, issues a verifiable refusal letter, and the audit chain verifies', async () => {
    const { deps, audit } = setup();
    const record = await submitted(deps);
    const id = record.licenceCase.id;
    const criteria = [
      { code: 'UK-SELC-2', reason: 'Clear risk of use for internal repression in Xinjiang' },
    ];
    let version = record.licenceCase.version;
    for (const [who, action] of [
      [
        advisor,
        { kind: 'give-advice', desk: 'human-rights', outcome: 'refuse', criteria, text: 'Refuse.' },
      ],
      [caseworker, { kind: 'recommend', outcome: 'refused', criteria, text: 'Recommend refusal.' }],
      [senior, { kind: 'decide', outcome: 'refused', criteria, text: 'Refused.' }],
      [secondSenior, { kind: 'countersign' }],
    ] as const) {
      const done = await performCaseAction(deps, who, id, version, action);
      expect(done.ok, JSON.stringify(done)).toBe(true);
      if (done.ok) version = done.value.licenceCase.version;
    }
    const finished = await getCase(deps, caseworker, id);
    expect(finished.ok && finished.value.licenceCase).toMatchObject({
      stage: 'finalised',
      outcome: 'refused',
    });
    const [document] = await deps.store.documentsOf(id);
    expect(document?.kind).toBe('refusal-letter');
    expect(await verifyDocument(deps, document?.code ?? '')).toMatchObject({
      valid: true,
      outcome: 'refused',
    });
    expect(await verifyDocument(deps, 'forged')).toEqual({ valid: false, code: 'forged' });
    expect(verifyChain(audit.entriesSoFar(), testSha256).intact).toBe(true);
    expect(audit.entriesSoFar().map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'cases.create',
        'cases.give-advice',
        'cases.countersign',
        'documents.issue',
      ]),
    );
    expect(await caseStatistics(deps)).toEqual([
      {
        month: '2026-11',
        destination: 'CN',
        outcome: 'refused',
        criterion: 'UK-SELC-2',
        itemCategory: 'unlisted',
        count: 1,
      },
    ]);
  });

  it('refuses a countersignature by the officer who decided', async () => {
    const { deps } = setup();
    const record = await submitted(deps);
    const id = record.licenceCase.id;
    const criteria = [{ code: 'UK-SELC-2', reason: 'risk' }];
    let v = record.licenceCase.version;
    for (const [who, action] of [
      [advisor, { kind: 'give-advice', desk: 'human-rights', outcome: 'refuse', criteria }],
      [caseworker, { kind: 'recommend', outcome: 'refused', criteria }],
      [senior, { kind: 'decide', outcome: 'refused', criteria }],
    ] as const) {
      const done = await performCaseAction(deps, who, id, v, action);
      if (done.ok) v = done.value.licenceCase.version;
    }
    expect(await performCaseAction(deps, senior, id, v, { kind: 'countersign' })).toMatchObject({
      ok: false,
      error: { code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED' },
    });
  });

  it('requires a justification for a decision that departs from the automated recommendation', async () => {
    const { deps } = setup();
    const record = await submitted(deps);
    const id = record.licenceCase.id;
    let v = record.licenceCase.version;
    for (const [who, action] of [
      [advisor, { kind: 'give-advice', desk: 'human-rights', outcome: 'approve' }],
      [caseworker, { kind: 'recommend', outcome: 'approved' }],
    ] as const) {
      const done = await performCaseAction(deps, who, id, v, action);
      if (done.ok) v = done.value.licenceCase.version;
    }
    const unjustified = await performCaseAction(deps, senior, id, v, {
      kind: 'decide',
      outcome: 'approved',
    });
    expect(unjustified.ok).toBe(false);
    const justified = await performCaseAction(deps, senior, id, v, {
      kind: 'decide',
      outcome: 'approved',
      justification: 'End-use assurances verified on site by the embassy.',
    });
    expect(justified.ok).toBe(true);
  });
});

describe('who may see and change a case', () => {
  it('answers not found to an exporter of another organisation, and lets officers see it', async () => {
    const { deps } = setup();
    const record = await submitted(deps);
    expect(await getCase(deps, otherExporter, record.licenceCase.id)).toMatchObject({
      ok: false,
      error: { code: 'CORDON_NOT_FOUND' },
    });
    expect((await getCase(deps, caseworker, record.licenceCase.id)).ok).toBe(true);
  });

  it('lets only one of two officers acting on the same version win', async () => {
    const { deps } = setup();
    const record = await submitted(deps);
    const v = record.licenceCase.version;
    const first = await performCaseAction(deps, advisor, record.licenceCase.id, v, {
      kind: 'give-advice',
      desk: 'human-rights',
      outcome: 'approve',
    });
    const second = await performCaseAction(deps, caseworker, record.licenceCase.id, v, {
      kind: 'request-information',
      question: 'Who operates the cameras?',
    });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'CORDON_CASE_VERSION_CONFLICT' } });
  });

  it('names every missing field of an action at once', async () => {
    const { deps } = setup();
    const record = await submitted(deps);
    expect(
      await performCaseAction(deps, advisor, record.licenceCase.id, record.licenceCase.version, {
        kind: 'give-advice',
        outcome: 'maybe',
      }),
    ).toMatchObject({ ok: false, error: { fields: [{ field: 'desk' }, { field: 'outcome' }] } });
  });

  it('refuses an invalid application with its field problems, creating nothing', async () => {
    const { deps } = setup();
    const result = await createDraft(deps, exporter, { jurisdiction: 'GB' });
    expect(result).toMatchObject({ ok: false, error: { fields: [{ field: 'endUse' }] } });
    expect(await deps.store.list({})).toHaveLength(0);
  });
});
