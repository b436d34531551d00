import type { Principal } from '../../domain/people/people.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import type { CaseAttachment, CaseAttachmentStore, CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';
import { getCase } from './get-case.ts';

/** The attachments of a case the principal may see (exporters of other organisations: not found). */
export async function listAttachments(
  deps: CaseDepsOf<'casePolicy', CaseRecordStore & CaseAttachmentStore>,
  principal: Principal,
  caseId: string,
): Promise<Result<readonly CaseAttachment[], CordonError>> {
  const found = await getCase(deps, principal, caseId);
  if (!found.ok) return found;
  return ok(await deps.store.attachmentsOf(caseId));
}
