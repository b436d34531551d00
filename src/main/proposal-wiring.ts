import type { Kysely } from 'kysely';
import { kyselyCaseStore } from '../adapters/db/kysely-case-store.ts';
import { kyselyPublicConsultationStore } from '../adapters/db/kysely-public-consultation-store.ts';
import type { Database } from '../adapters/db/schema.ts';
import { kyselyProposalStore } from '../adapters/proposals/kysely-proposal-store.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import type { ExchangeDeps } from '../application/exchange/exchange-deps.ts';
import type { ControlCatalogueSource } from '../application/ports/control-catalogue-source.ts';
import type { ProposalDeps } from '../application/proposals/proposal-deps.ts';
import { receiveProposalMessage } from '../application/proposals/proposal-positions.ts';
import { sha256Text } from './people-wiring.ts';

/**
 * Control proposals on a database, over the given exchange: their use cases, and the exchange
 * told to apply partners' proposal messages (and run the sync-gap check) as they arrive.
 */
export function withProposals<E extends ExchangeDeps>(
  db: Kysely<Database>,
  exchange: E,
  catalogue: ControlCatalogueSource,
): E & { readonly proposals: ProposalDeps } {
  const proposals: ProposalDeps = {
    proposals: kyselyProposalStore(db, systemClock, sha256Text),
    exchange,
    catalogue,
    cases: kyselyCaseStore(db, systemClock, sha256Text),
    clock: systemClock,
    consultations: kyselyPublicConsultationStore(db, systemClock, sha256Text),
  };
  return {
    ...exchange,
    proposals,
    onProposalMessage: (message, receipt) => receiveProposalMessage(proposals, message, receipt),
  };
}
