import { citeCriteria, type AssessedCriterion } from '../../domain/licensing/case-policy.ts';
import { decisionDocument } from '../../domain/licensing/decision-document.ts';
import { actorOf, type Principal } from '../../domain/people/people.ts';
import {
  textStatuses,
  type CitedText,
  type TextStatus,
} from '../../domain/policy/text-provenance.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type {
  CaseDocument,
  CaseDocumentStore,
  CaseRecord,
  FrozenAssessment,
} from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';

/**
 * Issues the licence or refusal letter of a countersigned case: renders it, stores it with its
 * SHA-256 and a verification code, and audits the issue. Refused for a case not countersigned.
 */
export async function issueDecisionDocument(
  deps: CaseDepsOf<'casePolicy' | 'renderer' | 'clock' | 'secrets' | 'sha256', CaseDocumentStore>,
  record: CaseRecord,
  principal: Principal,
  requestId?: string,
): Promise<Result<CaseDocument, CordonError>> {
  const code = `${deps.secrets.id()}${deps.secrets.id()}`.slice(0, 16);
  const issuedAt = deps.clock.now();
  const criteria = citeCriteria(record.licenceCase.decision?.criteria ?? [], {
    policy: await deps.casePolicy.current(),
    jurisdiction: record.licenceCase.jurisdiction,
    texts: await deps.casePolicy.legalTexts(),
    assessed: assessedCriteria(record.assessment),
  });
  const model = decisionDocument({
    licenceCase: record.licenceCase,
    application: record.application,
    provenance: JSON.stringify(record.assessment?.provenance ?? {}),
    verificationCode: code,
    issuedAt,
    criteria,
  });
  if (model === undefined) {
    return err(
      cordonError('CORDON_CASE_TRANSITION_NOT_ALLOWED', 'The decision is not countersigned.'),
    );
  }
  const pdf = await deps.renderer.render(model);
  const document: CaseDocument = {
    code,
    caseId: record.licenceCase.id,
    caseReference: record.licenceCase.reference,
    kind: model.kind,
    issuedAt,
    sha256: deps.sha256(pdf),
    pdf,
  };
  await deps.store.addDocument(document, {
    actor: actorOf(principal),
    action: 'documents.issue',
    objectType: 'case',
    objectId: record.licenceCase.id,
    requestId,
    details: { code, kind: model.kind, sha256: document.sha256 },
  });
  return ok(document);
}

/** The criteria the frozen assessment cited, with the texts it carried at submission. */
function assessedCriteria(assessment: FrozenAssessment | undefined): AssessedCriterion[] {
  return (assessment?.recommendation.criteria ?? []).flatMap((value) => {
    const c = value as { id?: unknown; title?: unknown; text?: unknown };
    const text = c.text as Partial<CitedText> | undefined;
    if (typeof c.id !== 'string' || typeof text?.text !== 'string') return [];
    if (!textStatuses.includes(text.textStatus as TextStatus)) return [];
    return [
      {
        id: c.id,
        ...(typeof c.title === 'string' ? { title: c.title } : {}),
        text: {
          text: text.text,
          textStatus: text.textStatus as TextStatus,
          source: text.source ?? { title: 'the frozen assessment', date: '' },
        },
      },
    ];
  });
}
