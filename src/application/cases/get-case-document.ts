import type { Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseDocument, CaseDocumentStore, CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';
import { getCase } from './get-case.ts';
import { issueDecisionDocument } from './issue-decision-document.ts';

/** The latest document of a case, for a principal who may see the case. */
export async function getCaseDocument(
  deps: CaseDepsOf<
    'casePolicy' | 'renderer' | 'clock' | 'secrets' | 'sha256',
    CaseRecordStore & CaseDocumentStore
  >,
  principal: Principal,
  id: string,
): Promise<Result<CaseDocument, CordonError>> {
  const found = await getCase(deps, principal, id);
  if (!found.ok) return found;
  const documents = await deps.store.documentsOf(id);
  const latest = documents.at(-1);
  const document = latest && (await deps.store.findDocument(latest.code));
  if (document !== undefined) return ok(document);
  // The countersignature and its letter are two transactions: a crash between them leaves a
  // countersigned case without its document. It is issued now, from the recorded decision.
  const recovered = await issueDecisionDocument(deps, found.value, principal);
  return recovered.ok
    ? recovered
    : err(
        cordonError(
          'CORDON_NOT_FOUND',
          `Case ${found.value.licenceCase.reference} has no document yet.`,
        ),
      );
}
