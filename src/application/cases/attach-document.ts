import { isClosed } from '../../domain/licensing/case-state.ts';
import {
  attachmentCategories,
  checkAttachment,
  type AttachmentCategory,
  type AttachmentUpload,
} from '../../domain/licensing/attachment.ts';
import { actorOf, effectiveRoles, type Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseAttachment, CaseAttachmentStore, CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';
import { getCase } from './get-case.ts';

/** A supporting document as it arrives (multipart upload, CLI file). */
export interface AttachmentInput extends AttachmentUpload {
  readonly category?: string;
  readonly description?: string;
}

const maxDescription = 500;

/**
 * Attaches a supporting document to a case: by the exporter whose case it is, or by a caseworker,
 * while the case is open. The file is checked first (size within `attachmentLimitBytes`, an
 * accepted type by its content, not claiming to be another), then stored with its SHA-256 and an
 * audit entry in one transaction: a refused upload leaves nothing behind.
 */
export async function attachDocument(
  deps: CaseDepsOf<
    'casePolicy' | 'attachmentLimitBytes' | 'clock' | 'secrets' | 'sha256',
    CaseRecordStore & CaseAttachmentStore
  >,
  principal: Principal,
  caseId: string,
  input: AttachmentInput,
  requestId?: string,
): Promise<Result<CaseAttachment, CordonError>> {
  const found = await getCase(deps, principal, caseId);
  if (!found.ok) return found;
  const c = found.value.licenceCase;
  const roles = effectiveRoles(principal);
  if (!roles.includes('exporter') && !roles.includes('caseworker')) {
    return err(
      cordonError(
        'CORDON_FORBIDDEN',
        'Only the exporter or a caseworker can attach documents to a case.',
      ),
    );
  }
  if (isClosed(c.stage)) {
    return err(
      cordonError(
        'CORDON_CASE_TRANSITION_NOT_ALLOWED',
        `Case ${c.reference} is ${c.stage}: no more documents can be attached.`,
      ),
    );
  }
  const problems: FieldProblem[] = [];
  const category = input.category ?? 'other';
  if (!(attachmentCategories as readonly string[]).includes(category)) {
    problems.push({
      field: 'category',
      problem: `must be one of ${attachmentCategories.join(', ')}`,
    });
  }
  if (input.description !== undefined && input.description.length > maxDescription) {
    problems.push({
      field: 'description',
      problem: `must be at most ${String(maxDescription)} characters`,
    });
  }
  const checked = checkAttachment(input, deps.attachmentLimitBytes);
  if (!checked.ok && checked.error.kind === 'empty') {
    problems.push({ field: 'file', problem: checked.error.message });
  }
  if (problems.length > 0) {
    return err(cordonError('CORDON_VALIDATION_FAILED', 'The upload is incomplete.', problems));
  }
  if (!checked.ok) {
    return err(
      cordonError(
        checked.error.kind === 'too-large'
          ? 'CORDON_PAYLOAD_TOO_LARGE'
          : 'CORDON_ATTACHMENT_REFUSED',
        checked.error.message,
      ),
    );
  }
  const attachment: CaseAttachment = {
    id: `att-${deps.secrets.id()}`,
    caseId: c.id,
    category: category as AttachmentCategory,
    fileName: checked.value.fileName,
    kind: checked.value.kind,
    mediaType: checked.value.mediaType,
    sizeBytes: checked.value.sizeBytes,
    sha256: deps.sha256(input.bytes),
    ...(input.description?.trim() ? { description: input.description.trim() } : {}),
    uploadedBy: principal.username,
    uploadedAt: deps.clock.now(),
  };
  await deps.store.addAttachment(attachment, input.bytes, {
    actor: actorOf(principal),
    action: 'cases.attach',
    objectType: 'case',
    objectId: c.id,
    requestId,
    details: {
      attachmentId: attachment.id,
      fileName: attachment.fileName,
      category: attachment.category,
      kind: attachment.kind,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
    },
  });
  return ok(attachment);
}
