import { createHash } from 'node:crypto';
import {
  assessApplication,
  type Assessment,
} from '../../src/application/assessment/assess-application.ts';
import type { CaseDeps } from '../../src/application/cases/case-deps.ts';
import type { FrozenAssessment } from '../../src/application/ports/case-store.ts';
import type { CasePolicy } from '../../src/domain/licensing/case-policy.ts';
import { defaultSeparationOfDuties } from '../../src/domain/licensing/separation-of-duties.ts';
import type { CitedText } from '../../src/domain/policy/text-provenance.ts';
import { cordonError } from '../../src/domain/shared/errors.ts';
import { err, ok } from '../../src/domain/shared/result.ts';
import { shippedRouting } from '../support/shipped-routing.ts';
import { assessmentDeps } from './shipped-human-rights.ts';
import { fixedClock } from './fixed-clock.ts';
import { inMemoryAuditLog } from './in-memory-audit-log.ts';
import { inMemoryCaseStore } from './in-memory-case-store.ts';
import { inMemoryNotificationStore } from './in-memory-notification-store.ts';

/** An application for a police end user in Xinjiang: refused by the fake assessor, routed to advice. */
export const refusableApplication = {
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

/**
 * A frozen assessment recommending refusal: the real assessment of `refusableApplication` on the
 * shipped data (so that it meets the assessment contract field by field), its recommendation set
 * to refuse and a partner's denial among its factors (officer-only evidence).
 */
export const refusingAssessment: FrozenAssessment = await (async () => {
  const assessed = await assessApplication({ application: refusableApplication }, assessmentDeps());
  if (!assessed.ok) throw new Error(JSON.stringify(assessed.error));
  const real = JSON.parse(JSON.stringify(assessed.value)) as Assessment;
  return {
    ...real,
    recommendation: { ...real.recommendation, outcome: 'refuse' },
    humanRights: {
      ...real.humanRights,
      factors: real.humanRights.factors.map((f) =>
        f.id === 'partner-denials'
          ? { ...f, evidence: ['US-BIS denial US-2026-0042 (confidential)'] }
          : f,
      ),
    },
  };
})();

export const selcText: CitedText = {
  text: 'The Government will not grant a licence where there is a clear risk ...',
  textStatus: 'paraphrase',
  source: { title: 'UK Strategic Export Licensing Criteria', date: '2026-11-22' },
};

/** A case policy like the shipped one: GB appeals in 21 days, the default separation of duties. */
export const testCasePolicy: CasePolicy = {
  id: 'cordon.case-policy',
  version: 1,
  appeals: [
    {
      jurisdictions: ['*'],
      days: 28,
      basis: { ...selcText, text: 'Default.', textStatus: 'seed-unverified' },
    },
    {
      jurisdictions: ['GB'],
      days: 21,
      basis: { ...selcText, text: 'GB period.', textStatus: 'seed-unverified' },
    },
  ],
  criteria: [
    { code: 'UK-SELC-2', jurisdictions: ['GB'], title: 'SELC Criterion 2', text: selcText },
  ],
  separationOfDuties: defaultSeparationOfDuties,
  withdrawal: { notifyPartnersOfPendingRefusal: true },
};

/**
 * The licence workflow on in-memory fakes: a fixed clock, a refusing assessor, a JSON "PDF", and
 * the notifications its changes send.
 */
export function testCaseDeps(policy: CasePolicy = testCasePolicy) {
  const clock = fixedClock('2026-11-29T10:00:00Z');
  const audit = inMemoryAuditLog(clock);
  const notifications = inMemoryNotificationStore();
  let n = 0;
  const deps: CaseDeps = {
    store: inMemoryCaseStore(audit, notifications),
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
    casePolicy: {
      current: () => Promise.resolve(policy),
      legalTexts: () => Promise.resolve(new Map([['hr:UK-SELC-2021-C2', selcText]])),
    },
    attachmentLimitBytes: 4096,
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
  return { deps, audit, clock, notifications };
}
