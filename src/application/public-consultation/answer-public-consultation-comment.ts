import { actorOf, type Principal } from '../../domain/people/people.ts';
import {
  publicConsultationLimits,
  publicConsultationStatus,
  textProblem,
  type CommentAnswer,
} from '../../domain/public-consultation/public-consultation.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { PublicConsultationDeps } from './public-consultation-deps.ts';

/**
 * An official answers one comment, once, at any time before the response is published; audited.
 */
export async function answerPublicConsultationComment(
  deps: Pick<PublicConsultationDeps, 'store' | 'clock'>,
  principal: Principal,
  ids: { readonly consultationId: string; readonly commentId: string },
  text: string,
  requestId?: string,
): Promise<Result<CommentAnswer, CordonError>> {
  const consultation = await deps.store.getConsultation(ids.consultationId);
  const comment =
    consultation === undefined
      ? undefined
      : (await deps.store.commentsOf(consultation.id)).find((c) => c.id === ids.commentId);
  if (consultation === undefined || comment === undefined) {
    return err(
      cordonError(
        'CORDON_NOT_FOUND',
        `No comment ${ids.commentId} on a public consultation ${ids.consultationId}.`,
      ),
    );
  }
  const problem = textProblem(text, publicConsultationLimits.answerChars);
  if (problem !== undefined) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'The answer is not valid.', [
        { field: 'text', problem },
      ]),
    );
  }
  const now = deps.clock.now();
  if (publicConsultationStatus(consultation, now) === 'concluded') {
    return err(
      cordonError(
        'CORDON_PUBLIC_CONSULTATION_NOT_NOW',
        `The consultation ${consultation.id} is concluded: its response was published.`,
      ),
    );
  }
  const answer: CommentAnswer = {
    text: text.trim(),
    answeredBy: { actor: actorOf(principal), at: now },
  };
  const recorded = await deps.store.answerComment(consultation.id, comment.id, answer, {
    actor: actorOf(principal),
    action: 'public-consultation.answer',
    objectType: 'public-consultation',
    objectId: consultation.id,
    requestId,
    details: { commentId: comment.id },
  });
  if (!recorded) {
    return err(
      cordonError(
        'CORDON_PUBLIC_CONSULTATION_NOT_NOW',
        `The comment ${comment.id} was already answered.`,
      ),
    );
  }
  return ok(answer);
}
