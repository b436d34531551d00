import { actorOf, type Principal } from '../../domain/people/people.ts';
import {
  checkResponse,
  type PublicConsultationResponse,
  type ResponseInput,
} from '../../domain/public-consultation/public-consultation.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { PublicConsultationDeps } from './public-consultation-deps.ts';

/**
 * Publishes the authority's response document once the comment period is over and every comment
 * is answered: the final version and, for each change it made, the comments that led to it.
 * Once only; audited.
 */
export async function publishPublicConsultationResponse(
  deps: Pick<PublicConsultationDeps, 'store' | 'clock'>,
  principal: Principal,
  consultationId: string,
  input: ResponseInput,
  requestId?: string,
): Promise<Result<PublicConsultationResponse, CordonError>> {
  const consultation = await deps.store.getConsultation(consultationId);
  if (consultation === undefined) {
    return err(cordonError('CORDON_NOT_FOUND', `No public consultation has id ${consultationId}.`));
  }
  const now = deps.clock.now();
  const comments = await deps.store.commentsOf(consultation.id);
  const checked = checkResponse(consultation, comments, input, now);
  if (!checked.ok) {
    return err(
      checked.error.notNow === undefined
        ? cordonError(
            'CORDON_VALIDATION_FAILED',
            'The response is not valid.',
            checked.error.problems,
          )
        : cordonError(
            'CORDON_PUBLIC_CONSULTATION_NOT_NOW',
            `The response to ${consultation.id} cannot be published now. ${checked.error.notNow}`,
          ),
    );
  }
  const response: PublicConsultationResponse = {
    text: input.text.trim(),
    finalVersion: input.finalVersion,
    changes: input.changes.map((c) => ({
      change: c.change.trim(),
      commentIds: [...new Set(c.commentIds)],
    })),
    publishedBy: { actor: actorOf(principal), at: now },
  };
  const recorded = await deps.store.publishResponse(consultation.id, response, {
    actor: actorOf(principal),
    action: 'public-consultation.respond',
    objectType: 'public-consultation',
    objectId: consultation.id,
    requestId,
    details: {
      finalVersion: response.finalVersion,
      changes: response.changes.map((c) => ({ commentIds: c.commentIds })),
    },
  });
  if (!recorded) {
    return err(
      cordonError(
        'CORDON_PUBLIC_CONSULTATION_NOT_NOW',
        `The response to ${consultation.id} was already published.`,
      ),
    );
  }
  return ok(response);
}
