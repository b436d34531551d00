import {
  addressedTo,
  messageIdOf,
  parseBody,
  parseHeader,
  unknownKindHeader,
  type ExchangeMessage,
  type MessageHeader,
} from '../../domain/exchange/exchange-message.ts';
import {
  checkChain,
  timeProblem,
  type RejectionReason,
} from '../../domain/exchange/message-chain.ts';
import { canonicalJson } from '../../domain/shared/canonical-json.ts';
import type { Partner } from '../ports/exchange-store.ts';
import type { FeedEntry } from '../ports/partner-feed.ts';
import { applyMessage } from './apply-message.ts';
import type { ExchangeDeps } from './exchange-deps.ts';
import { headerHash } from './publish-message.ts';

/** What became of a batch of entries from one partner. */
export interface ReceiveSummary {
  readonly partner: string;
  readonly accepted: number;
  /** Entries withheld from us (addressed to others): their headers keep our chain whole. */
  readonly withheld: number;
  /**
   * Verified entries of a kind this node does not know (a newer partner's): kept in the inbox,
   * recorded as skipped, never applied; the chain moves past them.
   */
  readonly skipped: readonly { readonly sequence: number; readonly kind: string }[];
  readonly rejected: readonly {
    readonly sequence?: number;
    readonly reason: RejectionReason;
    readonly detail: string;
  }[];
}

type Verdict =
  | {
      readonly ok: true;
      readonly header: MessageHeader;
      readonly keyId: string;
      readonly message?: ExchangeMessage;
      /** Set for a verified entry of a kind this node does not know. */
      readonly unknownKind?: string;
    }
  | {
      readonly ok: false;
      readonly reason: RejectionReason;
      readonly detail: string;
      readonly sequence?: number;
      readonly stop: boolean;
    };

/**
 * Verifies and applies a partner's feed entries in order. Each must be signed by a key pinned for
 * that partner and still valid when the entry is received (whatever `issuedAt` says), be the
 * partner's own message, sit next on its chain, be issued no later than a few minutes after its
 * receipt and not before its predecessor, and (when addressed to us) carry the body its header
 * hashes. A refused entry is recorded
 * with its reason and never applied; after a gap, fork or bad signature nothing further from the
 * partner is accepted in this batch (the cursor stays, so the next sync retries from there). A
 * replayed entry is recorded and skipped.
 */
export async function receiveEntries(
  deps: ExchangeDeps,
  partner: Partner,
  entries: readonly FeedEntry[],
  self: string,
): Promise<ReceiveSummary> {
  let position = partner.position;
  let accepted = 0;
  let withheld = 0;
  const skipped: { sequence: number; kind: string }[] = [];
  const rejected: { sequence?: number; reason: RejectionReason; detail: string }[] = [];
  for (const entry of entries) {
    const verdict = await verifyEntry(deps, partner, entry, position, self);
    if (!verdict.ok) {
      const sequence = verdict.sequence ?? entry.sequence;
      rejected.push({ sequence, reason: verdict.reason, detail: verdict.detail });
      await deps.store.reject({
        partnerId: partner.id,
        sequence,
        reason: verdict.reason,
        detail: verdict.detail,
        jws: entry.jws,
        receivedAt: deps.clock.now(),
      });
      if (verdict.stop) break;
      continue;
    }
    const hash = headerHash(deps.sha256, verdict.header);
    await deps.store.accept(
      partner.id,
      {
        header: verdict.header,
        hash,
        jws: entry.jws,
        ...(verdict.message === undefined ? {} : { body: verdict.message.body }),
      },
      deps.clock.now(),
    );
    position = {
      lastSequence: verdict.header.sequence,
      lastHash: hash,
      lastIssuedAt: verdict.header.issuedAt,
    };
    if (verdict.unknownKind !== undefined) {
      skipped.push({ sequence: verdict.header.sequence, kind: verdict.unknownKind });
      await deps.store.reject({
        partnerId: partner.id,
        sequence: verdict.header.sequence,
        reason: 'unknown-kind',
        detail: `skipped, unknown kind ${verdict.unknownKind}: verified and kept in the inbox, not applied; the chain moved past it (a newer Cordon knows it)`,
        jws: entry.jws,
        receivedAt: deps.clock.now(),
      });
    } else if (verdict.message === undefined) {
      withheld += 1;
    } else {
      accepted += 1;
      await applyMessage(deps, verdict.message, {
        id: messageIdOf(verdict.header),
        sequence: verdict.header.sequence,
        hash,
        issuedAt: verdict.header.issuedAt,
        keyId: verdict.keyId,
      });
    }
  }
  return { partner: partner.id, accepted, withheld, skipped, rejected };
}

async function verifyEntry(
  deps: ExchangeDeps,
  partner: Partner,
  entry: FeedEntry,
  position: Partner['position'],
  self: string,
): Promise<Verdict> {
  const refuse = (
    reason: RejectionReason,
    detail: string,
    stop = true,
    sequence?: number,
  ): Verdict => ({
    ok: false,
    reason,
    detail,
    stop,
    ...(sequence === undefined ? {} : { sequence }),
  });
  const signed = await deps.verifier.verify(entry.jws, partner.keys);
  if (!signed.ok) return refuse(signed.error.reason, signed.error.detail);
  let parsed: unknown;
  try {
    parsed = JSON.parse(signed.value.payload);
  } catch {
    return refuse('malformed', 'the signed payload is not JSON');
  }
  const header = parseHeader(parsed);
  // A kind from a newer node is verified like any other entry, then skipped (never applied).
  const unknown = header.ok ? undefined : unknownKindHeader(parsed);
  if (!header.ok && unknown === undefined) return refuse('malformed', header.error);
  const h = header.ok ? header.value : (unknown as unknown as MessageHeader);
  if (h.sender !== partner.id) {
    return refuse(
      'wrong-sender',
      `signed by ${partner.id}'s key but claims to come from ${h.sender}`,
      true,
      h.sequence,
    );
  }
  const key = partner.keys.find((k) => k.kid === signed.value.kid);
  if (key === undefined) return refuse('unknown-key', `key ${signed.value.kid} is not pinned`);
  // Judged by when we receive it, not by the date the sender wrote into it.
  const receivedAt = deps.clock.now();
  const expired = timeProblem(h, position, receivedAt, key);
  if (expired?.reason === 'expired-key') {
    return refuse(expired.reason, expired.detail, true, h.sequence);
  }
  const chain = checkChain(position, h);
  switch (chain.kind) {
    case 'replayed':
      return refuse(
        'replayed',
        `sequence ${String(h.sequence)} was already received (last ${String(chain.lastSequence)})`,
        false,
        h.sequence,
      );
    case 'gap':
      return refuse(
        'chain-gap',
        `expected sequence ${String(chain.expected)}, got ${String(h.sequence)}`,
        true,
        h.sequence,
      );
    case 'fork':
      return refuse(
        'chain-fork',
        `sequence ${String(h.sequence)} does not follow the message we hold (previous hash ${h.previousHash ?? 'none'}, expected ${chain.expectedPreviousHash ?? 'none'})`,
        true,
        h.sequence,
      );
    case 'next':
      break;
  }
  if (expired !== undefined) return refuse(expired.reason, expired.detail, true, h.sequence);
  const keyId = signed.value.kid;
  if (!addressedTo(h, self)) return { ok: true, header: h, keyId };
  if (entry.body === undefined) {
    return refuse(
      'body-mismatch',
      'the message is addressed to us but came without its body',
      true,
      h.sequence,
    );
  }
  if (deps.sha256(canonicalJson(entry.body)) !== h.bodyHash) {
    return refuse(
      'body-mismatch',
      'the body does not match the hash in the signed header (tampered)',
      true,
      h.sequence,
    );
  }
  if (unknown !== undefined) return { ok: true, header: h, keyId, unknownKind: unknown.kind };
  const body = parseBody(h.kind, entry.body);
  if (!body.ok) return refuse('malformed', body.error, true, h.sequence);
  return {
    ok: true,
    header: h,
    keyId,
    message: { kind: h.kind, header: h, body: body.value } as ExchangeMessage,
  };
}
