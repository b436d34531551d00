import type { ConsultationPosition } from '../../domain/exchange/exchange-message.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Consultation } from '../ports/exchange-store.ts';
import type { ExchangeDeps } from './exchange-deps.ts';
import { publishMessage } from './publish-message.ts';

const notFound = (id: string) => cordonError('CORDON_NOT_FOUND', `No consultation ${id} exists.`);

/** An officer asks the denying partner about an essentially identical transaction (our case stays blocked). */
export async function requestConsultation(
  deps: ExchangeDeps,
  actor: string,
  id: string,
  text: string,
  requestId?: string,
): Promise<Result<Consultation, CordonError>> {
  const c = await deps.store.consultation(id);
  if (c === undefined || c.direction !== 'outgoing') return err(notFound(id));
  if (c.status !== 'to-request' && c.status !== 'requested') {
    return err(
      cordonError(
        'CORDON_CASE_TRANSITION_NOT_ALLOWED',
        `Consultation ${id} is already ${c.status}.`,
      ),
    );
  }
  const published = await publishMessage(
    deps,
    'consultation-request',
    {
      consultationId: c.id,
      denialReference: c.denialReference,
      caseReference: c.caseReference,
      text,
    },
    [c.partnerId],
    { actor, action: 'exchange.consultations.request', requestId, details: { consultationId: id } },
  );
  if (!published.ok) return published;
  const now = deps.clock.now();
  const updated: Consultation = {
    ...c,
    status: 'requested',
    request: { text, sequence: published.value.header.sequence, at: now },
    updatedAt: now,
  };
  await deps.store.saveConsultation(updated);
  return ok(updated);
}

/** The denying state answers a partner's consultation request. */
export async function answerConsultation(
  deps: ExchangeDeps,
  actor: string,
  id: string,
  answer: { readonly position: ConsultationPosition; readonly text: string },
  requestId?: string,
): Promise<Result<Consultation, CordonError>> {
  const c = await deps.store.consultation(id);
  if (c === undefined || c.direction !== 'incoming') return err(notFound(id));
  if (c.status !== 'awaiting-response') {
    return err(
      cordonError(
        'CORDON_CASE_TRANSITION_NOT_ALLOWED',
        `Consultation ${id} is already ${c.status}.`,
      ),
    );
  }
  const published = await publishMessage(
    deps,
    'consultation-response',
    {
      consultationId: c.id,
      denialReference: c.denialReference,
      position: answer.position,
      text: answer.text,
    },
    [c.partnerId],
    {
      actor,
      action: 'exchange.consultations.answer',
      requestId,
      details: { consultationId: id, position: answer.position },
    },
  );
  if (!published.ok) return published;
  const now = deps.clock.now();
  const updated: Consultation = {
    ...c,
    status: 'answered',
    response: { ...answer, sequence: published.value.header.sequence, at: now },
    updatedAt: now,
  };
  await deps.store.saveConsultation(updated);
  return ok(updated);
}
