import type { Kysely } from 'kysely';
import { kyselyAuditWitnessStore } from '../adapters/exchange/kysely-audit-witness-store.ts';
import { publishAuditHead } from '../application/exchange/publish-audit-head.ts';
import type { AuditLog } from '../application/ports/audit-log.ts';
import type { AuditHead } from '../domain/audit/audit-chain.ts';
import { strictPartnerUrlPolicy } from '../domain/exchange/partner-url.ts';
import { kyselyCaseStore } from '../adapters/db/kysely-case-store.ts';
import type { Database } from '../adapters/db/schema.ts';
import { loadNodeSigner } from '../adapters/exchange/exchange-key-file.ts';
import { httpPartnerFeed } from '../adapters/exchange/http-partner-feed.ts';
import { joseSignatureVerifier } from '../adapters/exchange/jose-signatures.ts';
import { kyselyExchangeStore } from '../adapters/exchange/kysely-exchange-store.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import type { ExchangeDeps } from '../application/exchange/exchange-deps.ts';
import {
  partnerAlertParties,
  type PartnerAlertParties,
} from '../application/exchange/partner-alert-parties.ts';
import { syncPartners } from '../application/exchange/sync-partners.ts';
import type { ExchangeConfig } from '../config/config.ts';
import { err } from '../domain/shared/result.ts';
import { sha256Text } from './people-wiring.ts';
import {
  fileRegulationSources,
  shippedRegulationDirs,
} from '../adapters/regulation/file-regulation-sources.ts';
import type { ControlCatalogueSource } from '../application/ports/control-catalogue-source.ts';
import type { ProposalDeps } from '../application/proposals/proposal-deps.ts';
import { withProposals } from './proposal-wiring.ts';

/** Years until a notified denial is due for review (the regimes' three). */
const reviewYears = 3;

/** Partners' threat alerts in a database, as parties for screening to index beside the lists. */
export const partnerAlertScreening = (db: Kysely<Database>): PartnerAlertParties =>
  partnerAlertParties(kyselyExchangeStore(db, systemClock, sha256Text));

/**
 * The exchange use cases on a database, signing with the node's key file when it has one. Give
 * it the `partnerAlerts` that screening indexes, so that a message applied here re-indexes them
 * at once. Control proposals ride on it (`proposals`): partners' proposal messages are applied
 * as they arrive, classified against `catalogue` (the shipped one by default).
 */
export async function exchangeDepsFor(
  db: Kysely<Database>,
  config: ExchangeConfig | undefined,
  partnerAlerts: PartnerAlertParties = partnerAlertScreening(db),
  catalogue: ControlCatalogueSource = fileRegulationSources(shippedRegulationDirs),
): Promise<
  ExchangeDeps & { readonly partnerAlerts: PartnerAlertParties; readonly proposals: ProposalDeps }
> {
  const signer =
    config === undefined
      ? err('The exchange is not configured on this node.')
      : await loadNodeSigner(config.keyFile, config.authorityId);
  const store = kyselyExchangeStore(db, systemClock, sha256Text);
  return withProposals(
    db,
    {
      partnerAlerts,
      onAlertsChanged: partnerAlerts.changed,
      store,
      signer,
      verifier: joseSignatureVerifier,
      feed: signer.ok
        ? httpPartnerFeed(signer.value, systemClock, config?.partnerUrls ?? strictPartnerUrlPolicy)
        : { fetch: () => Promise.resolve(err(signer.error)) },
      cases: kyselyCaseStore(db, systemClock, sha256Text),
      witnesses: kyselyAuditWitnessStore(db),
      clock: systemClock,
      sha256: sha256Text,
      policy: {
        redactExporter: config?.redactExporter ?? true,
        reviewYears,
        partnerUrls: config?.partnerUrls ?? strictPartnerUrlPolicy,
      },
    },
    catalogue,
  );
}

/**
 * Publishes the audit trail's head into the signed feed every `seconds` (and once soon after the
 * start), so partners hold witnesses of the trail; returns the function that stops it. Off when
 * `seconds` is 0 or the node has no identity. A head that has not moved is not published again.
 */
export function scheduleAuditHeads(
  deps: ExchangeDeps,
  audit: AuditLog,
  seconds: number,
  report: (message: string) => void,
): () => void {
  if (seconds <= 0 || !deps.signer.ok) return () => undefined;
  let previous: AuditHead | undefined;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    publishAuditHead(deps, audit, previous)
      .then((published) => {
        if (!published.ok) report(`audit head: ${published.error.message}`);
        else if (published.value !== undefined) previous = published.value;
      })
      .catch((error: unknown) => {
        report(`audit head publication failed: ${(error as Error).message}`);
      })
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, Math.min(seconds, 5) * 1000);
  first.unref();
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * Pulls partners' feeds every `seconds` (never two pulls at once); returns the function that
 * stops the schedule. Off (a no-op) when `seconds` is 0 or the node has no identity.
 */
export function scheduleExchangeSync(
  deps: ExchangeDeps,
  seconds: number,
  report: (message: string) => void,
): () => void {
  if (seconds <= 0 || !deps.signer.ok) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    syncPartners(deps)
      .then((result) => {
        if (!result.ok) report(`exchange sync: ${result.error.message}`);
        else
          for (const outcome of result.value) {
            if (outcome.kind === 'unreachable') report(`exchange sync: ${outcome.error}`);
            else if (outcome.rejected.length > 0)
              report(
                `exchange sync: ${String(outcome.rejected.length)} message(s) from ${outcome.partner} rejected`,
              );
          }
      })
      .catch((error: unknown) => {
        report(`exchange sync failed: ${(error as Error).message}`);
      })
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
