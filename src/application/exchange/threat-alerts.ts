import {
  messageIdOf,
  type DeniedParty,
  type Recipients,
  type ThreatSubject,
} from '../../domain/exchange/exchange-message.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ThreatAlert } from '../ports/exchange-store.ts';
import { signerOf, type ExchangeDeps } from './exchange-deps.ts';
import { publishMessage } from './publish-message.ts';

/** An alert as an officer writes it. */
export interface AlertInput {
  readonly subject: ThreatSubject;
  readonly title: string;
  readonly description: string;
  readonly parties: readonly DeniedParty[];
  readonly countries: readonly string[];
  readonly recipients: Recipients;
}

/** Publishes a threat alert (a surveillance end user, a diversion route) to partners, and keeps it. */
export async function publishAlert(
  deps: ExchangeDeps,
  actor: string,
  input: AlertInput,
  requestId?: string,
): Promise<Result<ThreatAlert, CordonError>> {
  const signer = signerOf(deps);
  if (!signer.ok) return signer;
  const now = deps.clock.now();
  const alert = {
    alertId: `${signer.value.authorityId}-alert-${String(now.getTime())}`,
    subject: input.subject,
    title: input.title,
    description: input.description,
    parties: input.parties,
    countries: input.countries,
  };
  const published = await publishMessage(deps, 'threat-alert', alert, input.recipients, {
    actor,
    action: 'exchange.alerts.publish',
    requestId,
    details: { alertId: alert.alertId },
  });
  if (!published.ok) return published;
  const stored: ThreatAlert = {
    sender: signer.value.authorityId,
    alert,
    receivedAt: now,
    status: 'active',
  };
  await deps.store.saveAlert(stored);
  return ok(stored);
}

/**
 * Withdraws one of our threat alerts: a signed `threat-alert-withdrawal` to every partner, after
 * which partners' screening no longer finds its parties.
 */
export async function withdrawAlert(
  deps: ExchangeDeps,
  actor: string,
  input: { readonly alertId: string; readonly reason: string },
  requestId?: string,
): Promise<Result<ThreatAlert, CordonError>> {
  const signer = signerOf(deps);
  if (!signer.ok) return signer;
  const existing = await deps.store.alert(signer.value.authorityId, input.alertId);
  if (existing === undefined)
    return err(cordonError('CORDON_NOT_FOUND', `We published no threat alert ${input.alertId}.`));
  if (existing.status === 'withdrawn') {
    return err(
      cordonError(
        'CORDON_CASE_TRANSITION_NOT_ALLOWED',
        `Threat alert ${input.alertId} is already withdrawn.`,
      ),
    );
  }
  if (input.reason.trim() === '') {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'Say why the alert is withdrawn.', [
        { field: 'reason', problem: 'is required' },
      ]),
    );
  }
  const published = await publishMessage(
    deps,
    'threat-alert-withdrawal',
    { alertId: input.alertId, reason: input.reason },
    'all',
    {
      actor,
      action: 'exchange.alerts.withdraw',
      requestId,
      details: { alertId: input.alertId },
    },
  );
  if (!published.ok) return published;
  const withdrawn: ThreatAlert = {
    ...existing,
    status: 'withdrawn',
    withdrawal: {
      reason: input.reason,
      at: published.value.header.issuedAt,
      messageId: messageIdOf(published.value.header),
    },
  };
  await deps.store.saveAlert(withdrawn);
  return ok(withdrawn);
}
