import { checkAttachment, type AttachmentUpload } from '../../domain/licensing/attachment.ts';
import { actorOf, isCommenterOrganisation, type Principal } from '../../domain/people/people.ts';
import {
  checkComment,
  publicConsultationLimits,
  publicConsultationStatus,
  type CommentAttachment,
  type CommentInput,
  type PublicConsultationComment,
} from '../../domain/public-consultation/public-consultation.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { PublicConsultationDeps } from './public-consultation-deps.ts';

/** A comment as it arrives: its text, chosen attribution and files. */
export interface SubmitCommentInput extends CommentInput {
  readonly files: readonly AttachmentUpload[];
}

/**
 * A commenter (a user of an industry, academic or civil-society organisation) comments on an
 * open consultation, with up to three files checked like case attachments (type by content,
 * size). Everything is checked before anything is stored; the comment, its files and its audit
 * entry are written together. A commenter may leave at most 20 comments on one consultation.
 */
export async function submitPublicConsultationComment(
  deps: PublicConsultationDeps,
  principal: Principal,
  consultationId: string,
  input: SubmitCommentInput,
  requestId?: string,
): Promise<Result<PublicConsultationComment, CordonError>> {
  const kind = principal.organisationKind;
  if (!isCommenterOrganisation(kind)) {
    return err(
      cordonError(
        'CORDON_FORBIDDEN',
        'Only users of industry, academic or civil-society organisations comment on public consultations.',
      ),
    );
  }
  const consultation = await deps.store.getConsultation(consultationId);
  if (consultation === undefined) {
    return err(cordonError('CORDON_NOT_FOUND', `No public consultation has id ${consultationId}.`));
  }
  const now = deps.clock.now();
  const status = publicConsultationStatus(consultation, now);
  if (status !== 'open') {
    return err(
      cordonError(
        'CORDON_PUBLIC_CONSULTATION_NOT_NOW',
        `The consultation ${consultation.id} is ${status}: comments are taken from ${consultation.opensAt.toISOString()} until ${consultation.closesAt.toISOString()}.`,
      ),
    );
  }
  const mine = (await deps.store.commentsOf(consultation.id)).filter(
    (c) => c.commenterUserId === principal.userId,
  );
  if (mine.length >= publicConsultationLimits.commentsPerCommenter) {
    return err(
      cordonError(
        'CORDON_PUBLIC_CONSULTATION_NOT_NOW',
        `You have already left ${String(publicConsultationLimits.commentsPerCommenter)} comments on this consultation, the most one commenter may.`,
      ),
    );
  }
  const problems: FieldProblem[] = checkComment(input);
  if (input.files.length > publicConsultationLimits.attachmentsPerComment) {
    problems.push({
      field: 'files',
      problem: `at most ${String(publicConsultationLimits.attachmentsPerComment)} files per comment (got ${String(input.files.length)})`,
    });
  }
  const checked = input.files.map((file) => checkAttachment(file, deps.attachmentLimitBytes));
  checked.forEach((result, i) => {
    if (!result.ok && result.error.kind === 'empty') {
      problems.push({ field: `files.${String(i)}`, problem: result.error.message });
    }
  });
  if (problems.length > 0) {
    return err(cordonError('CORDON_VALIDATION_FAILED', 'The comment is not valid.', problems));
  }
  const attachments: CommentAttachment[] = [];
  for (const [i, result] of checked.entries()) {
    if (!result.ok) {
      return err(
        cordonError(
          result.error.kind === 'too-large'
            ? 'CORDON_PAYLOAD_TOO_LARGE'
            : 'CORDON_ATTACHMENT_REFUSED',
          result.error.message,
        ),
      );
    }
    attachments.push({
      id: `pca-${deps.secrets.id()}`,
      fileName: result.value.fileName,
      kind: result.value.kind,
      mediaType: result.value.mediaType,
      sizeBytes: result.value.sizeBytes,
      sha256: deps.sha256Bytes(input.files[i]?.bytes ?? new Uint8Array()),
    });
  }
  const publishedName = input.publishedName?.trim();
  const publishedOrganisation = input.publishedOrganisation?.trim();
  const comment: PublicConsultationComment = {
    id: `pcc-${deps.secrets.id()}`,
    consultationId: consultation.id,
    commenterUserId: principal.userId,
    commenterUsername: principal.username,
    commenterKind: kind,
    ...(publishedName === undefined ? {} : { publishedName }),
    ...(publishedOrganisation === undefined ? {} : { publishedOrganisation }),
    text: input.text.trim(),
    submittedAt: now,
    attachments,
  };
  await deps.store.addComment(
    comment,
    input.files.map((f) => f.bytes),
    {
      actor: actorOf(principal),
      action: 'public-consultation.comment',
      objectType: 'public-consultation',
      objectId: consultation.id,
      requestId,
      details: {
        commentId: comment.id,
        attachments: attachments.map((a) => ({ id: a.id, sha256: a.sha256 })),
        publishesName: publishedName !== undefined,
        publishesOrganisation: publishedOrganisation !== undefined,
      },
    },
  );
  return ok(comment);
}
