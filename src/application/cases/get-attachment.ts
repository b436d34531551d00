import type { Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseAttachment, CaseAttachmentStore, CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';
import { getCase } from './get-case.ts';

/** One attachment with its content, under the same access rule as its case. */
export async function getAttachment(
  deps: CaseDepsOf<'casePolicy', CaseRecordStore & CaseAttachmentStore>,
  principal: Principal,
  caseId: string,
  attachmentId: string,
): Promise<
  Result<{ readonly attachment: CaseAttachment; readonly content: Uint8Array }, CordonError>
> {
  const found = await getCase(deps, principal, caseId);
  if (!found.ok) return found;
  const attachment = await deps.store.findAttachment(caseId, attachmentId);
  return attachment === undefined
    ? err(
        cordonError(
          'CORDON_NOT_FOUND',
          `Case ${found.value.licenceCase.reference} has no attachment ${attachmentId}.`,
        ),
      )
    : ok(attachment);
}
