import { createHash } from 'node:crypto';
import { shippedRouting } from '../../../test/support/shipped-routing.ts';
import { describe, expect, it } from 'vitest';
import { testSha256 } from '../../../test/fakes/in-memory-audit-log.ts';
import type { Principal } from '../../domain/people/people.ts';
import type { Role } from '../../domain/people/role.ts';
import type { DecisionDocumentModel } from '../../domain/licensing/decision-document.ts';
import { storedZip, tinyPdf, tinyPng } from '../../../test/support/zip-bytes.ts';
import { expectOk } from '../../../test/support/expect-result.ts';
import { attachDocument } from './attach-document.ts';
import { getAttachment } from './get-attachment.ts';
import { listAttachments } from './list-attachments.ts';
import { dryRunRouting } from './dry-run-routing.ts';
import { verifyChain } from '../../domain/audit/audit-chain.ts';
import { performCaseAction } from './perform-case-action.ts';
import type { CaseDeps } from './case-deps.ts';
import { createDraft } from './create-draft.ts';
import { getCase } from './get-case.ts';
import { getCaseDocument } from './get-case-document.ts';
import { getDecisionStatistics } from './get-decision-statistics.ts';
import { submitCase } from './submit-case.ts';
import { verifyDocument } from './verify-document.ts';
import {
  refusableApplication,
  refusingAssessment,
  selcText,
  testCaseDeps,
} from '../../../test/fakes/case-deps.ts';

const application = refusableApplication;
const setup = () => testCaseDeps();

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
      version = expectOk(done).licenceCase.version;
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
      title: 'Refusal of an export licence',
      parties: [expect.stringMatching(/^end-user: /)],
      items: [expect.any(String)],
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
    expect(await getDecisionStatistics(deps, caseworker)).toEqual({
      ok: true,
      value: [
        {
          month: '2026-11',
          destination: 'CN',
          outcome: 'refused',
          criteria: ['UK-SELC-2'],
          itemCategory: 'unlisted',
          count: 1,
        },
      ],
    });
  });

  it('issues the refusal letter when it is first asked for, if the process died between the countersignature and the letter', async () => {
    const { deps, audit } = setup();
    const record = await submitted(deps);
    const id = record.licenceCase.id;
    const criteria = [{ code: 'UK-SELC-2', reason: 'Clear risk of internal repression' }];
    // The store loses the first document, as a crash after the countersignature's commit would.
    let lost = false;
    const crashing = {
      ...deps,
      store: {
        ...deps.store,
        addDocument: (...args: Parameters<typeof deps.store.addDocument>) => {
          if (!lost) {
            lost = true;
            return Promise.reject(new Error('process killed'));
          }
          return deps.store.addDocument(...args);
        },
      },
    };
    let version = record.licenceCase.version;
    for (const [who, action] of [
      [
        advisor,
        { kind: 'give-advice', desk: 'human-rights', outcome: 'refuse', criteria, text: 'Refuse.' },
      ],
      [caseworker, { kind: 'recommend', outcome: 'refused', criteria, text: 'Recommend refusal.' }],
      [senior, { kind: 'decide', outcome: 'refused', criteria, text: 'Refused.' }],
    ] as const) {
      const done = await performCaseAction(deps, who, id, version, action);
      if (!done.ok) throw new Error(JSON.stringify(done));
      version = done.value.licenceCase.version;
    }
    await expect(
      performCaseAction(crashing, secondSenior, id, version, { kind: 'countersign' }),
    ).rejects.toThrow('process killed');
    expect(await deps.store.documentsOf(id)).toEqual([]);

    const letter = await getCaseDocument(deps, caseworker, id);
    expect(letter.ok && letter.value.kind).toBe('refusal-letter');
    expect(await verifyDocument(deps, letter.ok ? letter.value.code : '')).toMatchObject({
      valid: true,
      outcome: 'refused',
    });
    expect(verifyChain(audit.entriesSoFar(), testSha256).intact).toBe(true);
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
      v = expectOk(await performCaseAction(deps, who, id, v, action)).licenceCase.version;
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
      v = expectOk(await performCaseAction(deps, who, id, v, action)).licenceCase.version;
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

async function refusedCase(deps: CaseDeps) {
  const record = await submitted(deps);
  const id = record.licenceCase.id;
  const criteria = [{ code: 'UK-SELC-2', reason: 'Clear risk of internal repression.' }];
  let v = record.licenceCase.version;
  for (const [who, action] of [
    [advisor, { kind: 'give-advice', desk: 'human-rights', outcome: 'refuse', criteria }],
    [caseworker, { kind: 'recommend', outcome: 'refused', criteria }],
    [senior, { kind: 'decide', outcome: 'refused', criteria }],
    [secondSenior, { kind: 'countersign' }],
  ] as const) {
    const done = await performCaseAction(deps, who, id, v, action);
    if (!done.ok) throw new Error(done.error.message);
    v = done.value.licenceCase.version;
  }
  return { id, version: v };
}

describe('the refusal letter and the appeal period', () => {
  it('cites each criterion with its text and status, and records the appeal period of the jurisdiction', async () => {
    const { deps, clock } = setup();
    const { id, version } = await refusedCase(deps);
    const found = await getCase(deps, caseworker, id);
    expect(found.ok && found.value.licenceCase.decision?.appealPeriod).toMatchObject({
      days: 21,
      until: new Date(clock.now().getTime() + 21 * 86_400_000),
      policy: { id: 'cordon.case-policy', version: 1 },
    });
    const [issued] = await deps.store.documentsOf(id);
    const letter = await deps.store.findDocument(issued?.code ?? '');
    // The fake renderer writes the model as JSON.
    const model = JSON.parse(new TextDecoder().decode(letter?.pdf)) as DecisionDocumentModel;
    expect(model.criteria).toEqual([
      {
        code: 'UK-SELC-2',
        reason: 'Clear risk of internal repression.',
        title: 'SELC Criterion 2',
        citation: {
          text: selcText.text,
          textStatus: 'paraphrase',
          label: 'PARAPHRASE, not legal text: UK Strategic Export Licensing Criteria (2026-11-22)',
        },
      },
    ]);
    expect(model.appeal).toMatchObject({ days: 21, until: '2026-12-20' });
    expect(
      await performCaseAction(deps, exporter, id, version, {
        kind: 'appeal',
        grounds: 'New end-use assurances.',
      }),
    ).toMatchObject({ ok: true, value: { licenceCase: { stage: 'appeal' } } });
  });
});

describe('supporting documents of a case', () => {
  it('stores an accepted upload with its SHA-256, lists it and serves it byte for byte, with an audit entry', async () => {
    const { deps, audit } = setup();
    const record = await submitted(deps);
    const id = record.licenceCase.id;
    const attached = await attachDocument(deps, exporter, id, {
      fileName: 'end-user-undertaking.pdf',
      declaredType: 'application/pdf',
      bytes: tinyPdf,
      category: 'end-user-undertaking',
    });
    expect(attached).toMatchObject({
      ok: true,
      value: {
        kind: 'pdf',
        mediaType: 'application/pdf',
        sizeBytes: tinyPdf.length,
        sha256: createHash('sha256').update(tinyPdf).digest('hex'),
        uploadedBy: 'exa',
      },
    });
    if (!attached.ok) return;
    const odt = storedZip([['mimetype', 'application/vnd.oasis.opendocument.text']]);
    expect(
      (await attachDocument(deps, caseworker, id, { fileName: 'spec.odt', bytes: odt })).ok,
    ).toBe(true);
    const listed = await listAttachments(deps, caseworker, id);
    expect(listed.ok && listed.value.map((a) => a.fileName)).toEqual([
      'end-user-undertaking.pdf',
      'spec.odt',
    ]);
    const back = await getAttachment(deps, exporter, id, attached.value.id);
    expect(back.ok && back.value.content).toEqual(tinyPdf);
    expect(audit.entriesSoFar().filter((e) => e.action === 'cases.attach')).toHaveLength(2);
  });

  it('refuses a file that is not what it claims, one over the limit naming it, and leaves nothing behind', async () => {
    const { deps, audit } = setup();
    const record = await submitted(deps);
    const id = record.licenceCase.id;
    const entriesBefore = audit.entriesSoFar().length;
    expect(
      await attachDocument(deps, exporter, id, {
        fileName: 'undertaking.pdf',
        declaredType: 'application/pdf',
        bytes: tinyPng,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CORDON_ATTACHMENT_REFUSED' } });
    expect(
      await attachDocument(deps, exporter, id, {
        fileName: 'big.txt',
        bytes: new Uint8Array(4097).fill(0x61),
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CORDON_PAYLOAD_TOO_LARGE',
        message: expect.stringContaining('4 KiB') as unknown,
      },
    });
    expect(
      await attachDocument(deps, exporter, id, {
        fileName: 'x.pdf',
        bytes: tinyPdf,
        category: 'love-letter',
      }),
    ).toMatchObject({ ok: false, error: { fields: [{ field: 'category' }] } });
    expect(await listAttachments(deps, exporter, id)).toEqual({ ok: true, value: [] });
    expect(audit.entriesSoFar()).toHaveLength(entriesBefore);
  });

  it('answers not found to an exporter of another organisation, and refuses uploads to a closed case', async () => {
    const { deps } = setup();
    const record = await submitted(deps);
    const id = record.licenceCase.id;
    const upload = { fileName: 'x.pdf', bytes: tinyPdf };
    expect(await attachDocument(deps, otherExporter, id, upload)).toMatchObject({
      ok: false,
      error: { code: 'CORDON_NOT_FOUND' },
    });
    expect(await listAttachments(deps, otherExporter, id)).toMatchObject({
      error: { code: 'CORDON_NOT_FOUND' },
    });
    const attached = await attachDocument(deps, exporter, id, upload);
    if (!attached.ok) throw new Error(attached.error.message);
    expect(await getAttachment(deps, otherExporter, id, attached.value.id)).toMatchObject({
      error: { code: 'CORDON_NOT_FOUND' },
    });
    expect(await attachDocument(deps, advisor, id, upload)).toMatchObject({
      error: { code: 'CORDON_FORBIDDEN' },
    });
    const { deps: other } = setup();
    const refused = await refusedCase(other);
    expect(await attachDocument(other, exporter, refused.id, upload)).toMatchObject({
      error: { code: 'CORDON_CASE_TRANSITION_NOT_ALLOWED' },
    });
  });
});

describe(dryRunRouting.name, () => {
  it('lists the stored cases whose route the candidate rules would change, and changes nothing', async () => {
    const { deps } = setup();
    const record = await submitted(deps);
    await createDraft(deps, exporter, application);
    const candidate = {
      ...shippedRouting,
      version: 2,
      rules: shippedRouting.rules.map((r) =>
        r.id === 'hr-refuse-or-refer' ? { ...r, queue: 'hr-urgent' } : r,
      ),
    };
    const run = await dryRunRouting(deps, candidate);
    expect(run).toMatchObject({
      ok: true,
      value: {
        candidate: { id: 'cordon.routing', version: 2 },
        casesCompared: 1,
        changes: [
          {
            caseId: record.licenceCase.id,
            before: { queue: 'human-rights' },
            after: { queue: 'hr-urgent' },
            rule: 'hr-refuse-or-refer',
          },
        ],
      },
    });
    expect((await deps.store.get(record.licenceCase.id))?.licenceCase.queue).toBe('human-rights');
    expect(await dryRunRouting(deps, { id: 'x' })).toMatchObject({
      ok: false,
      error: {
        code: 'CORDON_VALIDATION_FAILED',
        fields: [{ field: '/version' }, { field: '/defaultQueue' }, { field: '/rules' }],
      },
    });
  });
});
