import type {
  DeniedParty,
  Recipients,
  ThreatSubject,
} from '../../domain/exchange/exchange-message.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
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
  const stored: ThreatAlert = { sender: signer.value.authorityId, alert, receivedAt: now };
  await deps.store.saveAlert(stored);
  return ok(stored);
}
