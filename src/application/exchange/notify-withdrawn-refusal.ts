import type { WithdrawnRefusalBody } from '../../domain/exchange/exchange-message.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecord } from '../ports/case-store.ts';
import type { StoredMessage } from '../ports/exchange-store.ts';
import { signerOf, type ExchangeDeps } from './exchange-deps.ts';
import { denialOf } from './notify-denial.ts';
import { publishMessage } from './publish-message.ts';

/**
 * What partners are told of an application withdrawn while its refusal awaited countersignature:
 * the transaction and the pending refusal's criteria, as a denial would carry them, marked as a
 * withdrawal under a pending refusal.
 */
export function withdrawnRefusalOf(
  record: CaseRecord,
  reviewYears: number,
  redactExporter: boolean,
): WithdrawnRefusalBody | undefined {
  const c = record.licenceCase;
  const pending = c.refusalPendingAtWithdrawal;
  if (c.stage !== 'withdrawn' || pending === undefined) return undefined;
  // Read as if the pending refusal had been countersigned on the day it was decided.
  const asDenial = denialOf(
    {
      ...record,
      licenceCase: {
        ...c,
        outcome: 'refused',
        decision: { ...pending, countersignedAt: pending.at },
      },
    },
    reviewYears,
    redactExporter,
  );
  if (asDenial === undefined) return undefined;
  const withdrawnAt = [...record.history].reverse().find((e) => e.action === 'withdraw')?.at;
  return {
    ...asDenial,
    circumstance: 'withdrawn-under-pending-refusal',
    withdrawnOn: (withdrawnAt ?? pending.at).toISOString().slice(0, 10),
  };
}

/**
 * Tells every partner that a case was withdrawn under a pending refusal (the case policy says
 * when), and keeps it with our own denials, so that it can be revoked like one.
 */
export async function notifyWithdrawnRefusal(
  deps: ExchangeDeps,
  record: CaseRecord,
  requestId?: string,
): Promise<Result<StoredMessage, CordonError>> {
  const signer = signerOf(deps);
  if (!signer.ok) return signer;
  const body = withdrawnRefusalOf(record, deps.policy.reviewYears, deps.policy.redactExporter);
  if (body === undefined) {
    return err(
      cordonError(
        'CORDON_CASE_TRANSITION_NOT_ALLOWED',
        `Case ${record.licenceCase.reference} was not withdrawn under a pending refusal.`,
      ),
    );
  }
  const published = await publishMessage(deps, 'withdrawal-under-pending-refusal', body, 'all', {
    actor: 'system',
    action: 'exchange.withdrawals.notify',
    requestId,
    details: { caseId: record.licenceCase.id, reference: body.reference },
  });
  if (!published.ok) return published;
  await deps.store.saveDenial({
    sender: signer.value.authorityId,
    reference: body.reference,
    denial: body,
    status: 'active',
    caseId: record.licenceCase.id,
    recipients: 'all',
    updatedAt: deps.clock.now(),
  });
  return ok(published.value);
}
