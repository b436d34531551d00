import { isAuthorityId } from '../../domain/exchange/exchange-message.ts';
import { partnerUrlProblem } from '../../domain/exchange/partner-url.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Partner } from '../ports/exchange-store.ts';
import type { ExchangeDeps } from './exchange-deps.ts';

/** A partner to register, as the operator gives it. */
export interface PartnerInput {
  readonly id: string;
  readonly url: string;
  /** A JWK (JSON) or the base64url `x` of the partner's Ed25519 public key. */
  readonly publicKey: string;
  /** For a key being rotated out: the end of its overlap. */
  readonly validUntil?: Date;
}

/**
 * Registers a partner state or updates its address, pinning a public key (a second call with a
 * new key pins it beside the old one: that is how a partner's key rotation is followed).
 */
export async function addPartner(
  deps: ExchangeDeps,
  actor: string,
  input: PartnerInput,
  requestId?: string,
): Promise<Result<Partner, CordonError>> {
  const problems: FieldProblem[] = [];
  if (!isAuthorityId(input.id)) {
    problems.push({ field: 'id', problem: 'must be an authority id such as GB-ECJU or US-BIS' });
  }
  if (deps.signer.ok && input.id === deps.signer.value.authorityId) {
    problems.push({ field: 'id', problem: 'is this node itself' });
  }
  const urlProblem = partnerUrlProblem(input.url, deps.policy.partnerUrls);
  if (urlProblem !== undefined) problems.push({ field: 'url', problem: urlProblem });
  const key = await deps.verifier.pinnedKey(input.publicKey, input.validUntil);
  if (!key.ok) problems.push({ field: 'publicKey', problem: key.error });
  if (problems.length > 0 || !key.ok) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `Partner ${input.id} cannot be registered.`,
        problems,
      ),
    );
  }
  // Stored as parsed (dot segments resolved, no trailing slash): what is checked is what is called.
  const parsed = new URL(input.url);
  const url = `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
  await deps.store.savePartner({ id: input.id, url }, key.value, {
    actor,
    action: 'exchange.partners.add',
    objectType: 'exchange-partner',
    objectId: input.id,
    requestId,
    details: { url, kid: key.value.kid },
  });
  const saved = await deps.store.partner(input.id);
  return saved === undefined
    ? err(cordonError('CORDON_INTERNAL', `Partner ${input.id} was not saved.`))
    : ok(saved);
}
