import type { ExchangeDeps } from '../exchange/exchange-deps.ts';
import type { CaseRecordStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { ControlCatalogueSource } from '../ports/control-catalogue-source.ts';
import type { ProposalSummary } from '../ports/proposal-lookup.ts';
import type { PublicConsultationStore } from '../ports/public-consultation-store.ts';
import type { ProposalRecord, ProposalStore } from '../ports/proposal-store.ts';
import { jurisdictionOf } from '../../domain/proposals/control-proposal.ts';

/**
 * What the control-proposal use cases need: their store, the exchange that carries them to
 * partners (and names this authority), the catalogue a proposed entry is checked and classified
 * against, the cases a dry run reads, and the public consultations that open a proposal to
 * exporters.
 */
export interface ProposalDeps {
  readonly proposals: ProposalStore;
  readonly exchange: ExchangeDeps;
  readonly catalogue: ControlCatalogueSource;
  readonly cases: Pick<CaseRecordStore, 'list'>;
  readonly clock: Clock;
  /**
   * The public consultations, which make a proposal public: an exporter may test its catalogue
   * against a proposal once one on it has opened. Absent, no proposal is open to exporters.
   */
  readonly consultations?: Pick<PublicConsultationStore, 'listConsultations'>;
}

/** The summary a public consultation reads of a proposal. */
export const proposalSummaryOf = (p: ProposalRecord): ProposalSummary => ({
  id: p.id,
  title: p.title,
  authority: jurisdictionOf(p.authority),
  currentVersion: p.currentVersion,
  status: p.status,
});
