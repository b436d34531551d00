import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { signerOf, type ExchangeDeps } from './exchange-deps.ts';
import { receiveEntries, type ReceiveSummary } from './receive-messages.ts';

/** The outcome of pulling one partner's feed. */
export type SyncOutcome =
  | (ReceiveSummary & { readonly kind: 'synced'; readonly position: number })
  | { readonly kind: 'unreachable'; readonly partner: string; readonly error: string };

/**
 * Pulls each partner's feed from our stored cursor (so a node that was offline catches up),
 * page by page, verifying and applying every entry. A partner that cannot be reached is reported
 * and retried at the next sync; the others go on. Returns one outcome per partner.
 */
export async function syncPartners(
  deps: ExchangeDeps,
  only?: string,
): Promise<Result<readonly SyncOutcome[], CordonError>> {
  const signer = signerOf(deps);
  if (!signer.ok) return signer;
  const partners = (await deps.store.partners()).filter((p) => only === undefined || p.id === only);
  if (only !== undefined && partners.length === 0) {
    return err(cordonError('CORDON_NOT_FOUND', `No partner ${only} is registered.`));
  }
  const outcomes: SyncOutcome[] = [];
  for (const start of partners) {
    let partner = start;
    let accepted = 0;
    let withheld = 0;
    const skipped: ReceiveSummary['skipped'][number][] = [];
    const rejected: ReceiveSummary['rejected'][number][] = [];
    let error: string | undefined;
    for (let page = 0; page < 1000; page += 1) {
      const fetched = await deps.feed.fetch(partner, partner.position.lastSequence);
      if (!fetched.ok) {
        error = fetched.error;
        break;
      }
      if (fetched.value.authority !== partner.id) {
        error = `the node at ${partner.url} says it is ${fetched.value.authority}, not ${partner.id}`;
        break;
      }
      const summary = await receiveEntries(
        deps,
        partner,
        fetched.value.entries,
        signer.value.authorityId,
      );
      accepted += summary.accepted;
      withheld += summary.withheld;
      skipped.push(...summary.skipped);
      rejected.push(...summary.rejected);
      const reloaded = await deps.store.partner(partner.id);
      if (reloaded === undefined) break;
      const progressed = reloaded.position.lastSequence > partner.position.lastSequence;
      partner = reloaded;
      if (!fetched.value.more || !progressed) break;
    }
    await deps.store.recordSync(partner.id, deps.clock.now(), error);
    outcomes.push(
      error !== undefined && accepted === 0 && withheld === 0 && skipped.length === 0
        ? { kind: 'unreachable', partner: partner.id, error }
        : {
            kind: 'synced',
            partner: partner.id,
            accepted,
            withheld,
            skipped,
            rejected,
            position: partner.position.lastSequence,
          },
    );
  }
  return ok(outcomes);
}
