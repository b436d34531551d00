import {
  calculateJwkThumbprint,
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import type {
  MessageSigner,
  PinnedKey,
  SignatureVerifier,
} from '../../application/ports/message-signer.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/** One of this node's key pairs, as kept in the key file. */
export interface NodeKey {
  readonly kid: string;
  readonly publicJwk: JWK;
  readonly privateJwk: JWK;
  readonly createdAt: string;
  /** Set when a newer key took over: the end of the overlap during which partners still accept it. */
  readonly validUntil?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A fresh Ed25519 key pair whose id is its RFC 7638 thumbprint. */
export async function generateNodeKey(now: Date): Promise<NodeKey> {
  const { publicKey, privateKey } = await generateKeyPair('Ed25519', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    publicJwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' },
    privateJwk: { ...(await exportJWK(privateKey)), kid },
    createdAt: now.toISOString(),
  };
}

/** Signs with the newest key of the node (compact JWS, `alg: EdDSA`, `kid` = thumbprint). */
export async function joseMessageSigner(
  authorityId: string,
  keys: readonly NodeKey[],
): Promise<MessageSigner> {
  const current = keys.filter((k) => k.validUntil === undefined).at(-1) ?? keys.at(-1);
  if (current === undefined) throw new Error('joseMessageSigner: no key');
  const privateKey = await importJWK(current.privateJwk, 'EdDSA');
  const publicKeys: PinnedKey[] = keys.map((k) => ({
    kid: k.kid,
    publicJwk: k.publicJwk,
    ...(k.validUntil === undefined ? {} : { validUntil: new Date(k.validUntil) }),
  }));
  return {
    authorityId,
    sign: (payload) =>
      new CompactSign(encoder.encode(payload))
        .setProtectedHeader({ alg: 'EdDSA', kid: current.kid })
        .sign(privateKey),
    publicKeys: () => publicKeys,
  };
}

const base64url = /^[A-Za-z0-9_-]{43}$/;

/** Verifies compact JWS (EdDSA only) against pinned keys, chosen by the `kid` of the protected header. */
export const joseSignatureVerifier: SignatureVerifier = {
  async verify(jws, keys) {
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(jws);
      if (header.alg !== 'EdDSA') {
        return err({
          reason: 'bad-signature',
          detail: `algorithm ${String(header.alg)} is not accepted (EdDSA only)`,
        });
      }
      kid = header.kid;
    } catch {
      return err({ reason: 'malformed', detail: 'not a compact JWS' });
    }
    const key = keys.find((k) => k.kid === kid);
    if (key === undefined) {
      return err({
        reason: 'unknown-key',
        detail: `key ${kid ?? '(none)'} is not pinned for this partner`,
      });
    }
    try {
      const publicKey = await importJWK(key.publicJwk as JWK, 'EdDSA');
      const { payload } = await compactVerify(jws, publicKey, { algorithms: ['EdDSA'] });
      return ok({ payload: decoder.decode(payload), kid: key.kid });
    } catch (error) {
      return err({
        reason: 'bad-signature',
        detail: `the signature does not verify with key ${key.kid} (${(error as Error).message})`,
      });
    }
  },
  async pinnedKey(publicKey, validUntil) {
    const jwk = parsePublicKey(publicKey.trim());
    if (!jwk.ok) return jwk;
    try {
      await importJWK(jwk.value, 'EdDSA');
    } catch {
      return err('is not a usable Ed25519 public key');
    }
    const kid = await calculateJwkThumbprint(jwk.value);
    return ok({
      kid,
      publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.value.x, kid, alg: 'EdDSA', use: 'sig' },
      ...(validUntil === undefined ? {} : { validUntil }),
    });
  },
  peek(jws) {
    const payload = jws.split('.')[1];
    if (payload === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  },
};

function parsePublicKey(text: string): Result<JWK & { x: string }, string> {
  if (base64url.test(text)) return ok({ kty: 'OKP', crv: 'Ed25519', x: text });
  try {
    const jwk = JSON.parse(text) as JWK;
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
      return err(
        'must be an Ed25519 JWK ({"kty":"OKP","crv":"Ed25519","x":...}) or its base64url x',
      );
    }
    if (jwk.d !== undefined) return err('is a private key: give the public key only');
    return ok({ kty: 'OKP', crv: 'Ed25519', x: jwk.x });
  } catch {
    return err('must be an Ed25519 JWK or the base64url x of one (43 characters)');
  }
}
