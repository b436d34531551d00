import type { ExchangeMessage, MessageReceipt } from '../../domain/exchange/exchange-message.ts';
import type { PartnerUrlPolicy } from '../../domain/exchange/partner-url.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { AuditWitnessStore } from '../ports/audit-witness-store.ts';
import type { CaseRecordStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { ExchangeStore } from '../ports/exchange-store.ts';
import type { MessageSigner, SignatureVerifier } from '../ports/message-signer.ts';
import type { PartnerFeed } from '../ports/partner-feed.ts';

/** What the exchange between partner states needs; the signer is absent until the node has an identity. */
export interface ExchangeDeps {
  readonly store: ExchangeStore;
  /** This node's identity, or why it has none (no authority id, no key file). */
  readonly signer: Result<MessageSigner, string>;
  readonly verifier: SignatureVerifier;
  readonly feed: PartnerFeed;
  readonly cases: CaseRecordStore;
  readonly clock: Clock;
  /** SHA-256 (hex) of a UTF-8 text. */
  readonly sha256: (text: string) => string;
  readonly policy: {
    /** Leave the exporter's name out of denial notifications. */
    readonly redactExporter: boolean;
    /** Years until a denial is due for review (regimes: three). */
    readonly reviewYears: number;
    /** Which partner URLs may be registered and called (no SSRF). */
    readonly partnerUrls: PartnerUrlPolicy;
  };
  /** Partners' audit heads, kept as witnesses of their trails; absent, they are not kept. */
  readonly witnesses?: AuditWitnessStore;
  /** Told when partners' threat alerts changed here, so that screening re-indexes at once. */
  readonly onAlertsChanged?: () => void;
  /**
   * Applies a partner's control proposal, its withdrawal or a partner's position on one
   * (`application/proposals/receive-proposal-message.ts`); absent, they are accepted on the chain
   * and not kept.
   */
  readonly onProposalMessage?: (message: ProposalMessage, receipt: MessageReceipt) => Promise<void>;
}

/** The messages of control proposals. */
export type ProposalMessage = Extract<
  ExchangeMessage,
  { readonly kind: 'control-proposal' | 'control-proposal-withdrawal' | 'proposal-position' }
>;

/** The node's signer, or the error that says how to give the node an identity. */
export function signerOf(deps: ExchangeDeps): Result<MessageSigner, CordonError> {
  return deps.signer.ok
    ? ok(deps.signer.value)
    : err(cordonError('CORDON_EXCHANGE_NOT_CONFIGURED', deps.signer.error));
}
