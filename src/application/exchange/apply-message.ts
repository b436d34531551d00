import type { ExchangeMessage, MessageReceipt } from '../../domain/exchange/exchange-message.ts';
import type { ExchangeDeps } from './exchange-deps.ts';
import { applyConsultationCommand } from './record-consultation-on-case.ts';

/**
 * What an accepted message changes here: partners' denials (notified, amended, revoked), the
 * consultations on them, and threat alerts (published, withdrawn). A revocation lifts every block
 * it caused; an amendment replaces the denial the no-undercut check compares with (a revoked one
 * stays revoked); an answer to our consultation request is recorded on the blocked case, which
 * may then be decided. Alerts keep the `receipt` of their message, which screening cites.
 */
export async function applyMessage(
  deps: ExchangeDeps,
  message: ExchangeMessage,
  receipt: MessageReceipt,
): Promise<void> {
  const sender = message.header.sender;
  const at = new Date(message.header.issuedAt);
  switch (message.kind) {
    case 'withdrawal-under-pending-refusal':
      // Not a denial, and labelled so; weighed like one by the no-undercut check.
      await deps.store.saveDenial({
        sender,
        reference: message.body.reference,
        denial: message.body,
        status: 'active',
        updatedAt: at,
      });
      return;
    case 'control-proposal':
    case 'control-proposal-withdrawal':
    case 'proposal-position':
      await deps.onProposalMessage?.(message, receipt);
      return;
    case 'audit-head':
      await deps.witnesses?.record({
        sender,
        seq: message.body.seq,
        hash: message.body.hash,
        at: message.body.at,
        messageId: receipt.id,
        keyId: receipt.keyId,
        receivedAt: deps.clock.now(),
      });
      return;
    case 'denial-notification':
      await deps.store.saveDenial({
        sender,
        reference: message.body.reference,
        denial: message.body,
        status: 'active',
        updatedAt: at,
      });
      return;
    case 'denial-amendment': {
      const existing = await deps.store.denial(sender, message.body.reference);
      await deps.store.saveDenial({
        sender,
        // The amended denial keeps the reference it amends, whatever its body says.
        reference: message.body.reference,
        denial: { ...message.body.denial, reference: message.body.reference },
        status: existing?.status ?? 'active',
        updatedAt: at,
      });
      return;
    }
    case 'denial-revocation': {
      const existing = await deps.store.denial(sender, message.body.reference);
      if (existing !== undefined) {
        await deps.store.saveDenial({ ...existing, status: 'revoked', updatedAt: at });
      }
      const open = await deps.store.consultations({
        partnerId: sender,
        denialReference: message.body.reference,
      });
      for (const c of open) {
        if (c.direction !== 'outgoing' || c.status === 'answered' || c.status === 'lifted')
          continue;
        await deps.store.saveConsultation({ ...c, status: 'lifted', updatedAt: deps.clock.now() });
        if (c.caseId !== undefined) {
          await applyConsultationCommand(
            deps.cases,
            deps.clock,
            c.caseId,
            { kind: 'record-consultation', consultationId: c.id },
            `${sender} revoked denial ${message.body.reference} (${message.body.reason}): the block is lifted`,
          );
        }
      }
      return;
    }
    case 'consultation-request':
      await deps.store.saveConsultation({
        id: message.body.consultationId,
        direction: 'incoming',
        partnerId: sender,
        denialReference: message.body.denialReference,
        caseReference: message.body.caseReference,
        status: 'awaiting-response',
        request: { text: message.body.text, sequence: message.header.sequence, at },
        createdAt: deps.clock.now(),
        updatedAt: deps.clock.now(),
      });
      return;
    case 'consultation-response': {
      const c = await deps.store.consultation(message.body.consultationId);
      if (c === undefined || c.direction !== 'outgoing' || c.partnerId !== sender) return;
      await deps.store.saveConsultation({
        ...c,
        status: 'answered',
        response: {
          position: message.body.position,
          text: message.body.text,
          sequence: message.header.sequence,
          at,
        },
        updatedAt: deps.clock.now(),
      });
      if (c.caseId !== undefined) {
        await applyConsultationCommand(
          deps.cases,
          deps.clock,
          c.caseId,
          { kind: 'record-consultation', consultationId: c.id },
          `${sender} answered consultation ${c.id} on denial ${c.denialReference}: ${message.body.position}. ${message.body.text}`,
        );
      }
      return;
    }
    case 'threat-alert':
      await deps.store.saveAlert({
        sender,
        alert: message.body,
        receivedAt: deps.clock.now(),
        status: 'active',
        message: receipt,
      });
      deps.onAlertsChanged?.();
      return;
    case 'threat-alert-withdrawal': {
      const existing = await deps.store.alert(sender, message.body.alertId);
      if (existing === undefined || existing.status === 'withdrawn') return;
      await deps.store.saveAlert({
        ...existing,
        status: 'withdrawn',
        withdrawal: {
          reason: message.body.reason,
          at: message.header.issuedAt,
          messageId: receipt.id,
        },
      });
      deps.onAlertsChanged?.();
      return;
    }
  }
}
