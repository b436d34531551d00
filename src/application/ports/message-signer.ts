import type { RejectionReason } from '../../domain/exchange/message-chain.ts';
import type { Result } from '../../domain/shared/result.ts';

/** A partner's public key as pinned in the registry (a JWK, opaque to the application). */
export interface PinnedKey {
  readonly kid: string;
  readonly publicJwk: Readonly<Record<string, unknown>>;
  /** After this instant the key signs nothing valid (the end of a rotation overlap). */
  readonly validUntil?: Date;
}

/** This node's identity: its authority id and the key it signs with now. */
export interface MessageSigner {
  readonly authorityId: string;
  /** Signs a payload (canonical JSON) as a compact JWS with EdDSA under the current key. */
  sign(payload: string): Promise<string>;
  /** The public keys partners should pin (current and still-valid older ones). */
  publicKeys(): readonly PinnedKey[];
}

/** Checks compact JWS signatures against pinned keys. */
export interface SignatureVerifier {
  /** The payload and the key that signed it, or why the signature is not good. */
  verify(
    jws: string,
    keys: readonly PinnedKey[],
  ): Promise<
    Result<
      { readonly payload: string; readonly kid: string },
      {
        readonly reason: Extract<RejectionReason, 'unknown-key' | 'bad-signature' | 'malformed'>;
        readonly detail: string;
      }
    >
  >;
  /**
   * A partner's public key as given by its operator (a JWK, or the base64url `x` of an Ed25519
   * key), ready to pin; its key id is the RFC 7638 thumbprint.
   */
  pinnedKey(publicKey: string, validUntil?: Date): Promise<Result<PinnedKey, string>>;
  /** The payload of a JWS read without verifying it (to learn who claims to have signed). */
  peek(jws: string): Readonly<Record<string, unknown>> | undefined;
}
