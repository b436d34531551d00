import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
import type {
  MessageBodies,
  MessageHeader,
  MessageKind,
  Recipients,
} from '../../domain/exchange/exchange-message.ts';
import { canonicalJson } from '../../domain/shared/canonical-json.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import type { StoredMessage } from '../ports/exchange-store.ts';
import { signerOf, type ExchangeDeps } from './exchange-deps.ts';

/** The hash that chains messages: SHA-256 of the header's canonical JSON (what is signed). */
export const headerHash = (sha256: (text: string) => string, header: MessageHeader): string =>
  sha256(canonicalJson(header));

/**
 * Signs a message onto this node's chain and stores it in the outbox, from which partners read it
 * (`GET /v1/exchange/feed`). The sequence number and previous hash are taken inside the store's
 * transaction, so two publications never share a number.
 */
export async function publishMessage<K extends MessageKind>(
  deps: ExchangeDeps,
  kind: K,
  body: MessageBodies[K],
  recipients: Recipients,
  audit: Omit<AuditEvent, 'objectType' | 'objectId'>,
): Promise<Result<StoredMessage, CordonError>> {
  const signer = signerOf(deps);
  if (!signer.ok) return signer;
  const at = deps.clock.now();
  const bodyJson = canonicalJson(body);
  const message = await deps.store.appendOutgoing(
    async (position) => {
      const header: MessageHeader = {
        v: 1,
        sender: signer.value.authorityId,
        sequence: position.lastSequence + 1,
        previousHash: position.lastHash,
        issuedAt: at.toISOString(),
        kind,
        recipients,
        bodyHash: deps.sha256(bodyJson),
      };
      const jws = await signer.value.sign(canonicalJson(header));
      return {
        header,
        hash: headerHash(deps.sha256, header),
        jws,
        body: JSON.parse(bodyJson) as unknown,
      };
    },
    {
      ...audit,
      objectType: 'exchange-message',
      objectId: kind,
      details: { ...audit.details, kind, recipients },
    },
  );
  return ok(message);
}
