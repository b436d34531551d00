import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
import type {
  Adoption,
  ProposalContent,
  ProposalPosition,
  ProposalStatus,
} from '../../domain/proposals/control-proposal.ts';
import type { Capture } from '../../domain/proposals/proposal-impact.ts';
import type { ProposalLookup } from './proposal-lookup.ts';

/** One version of a proposal: version 1 is the first publication, later ones amendments. */
export interface ProposalVersion {
  readonly version: number;
  readonly content: ProposalContent;
  readonly changeNote?: string;
  /** Absent while the proposal is a draft. */
  readonly publishedAt?: Date;
  /** The signed message that carried it (`NL-ILT/4`). */
  readonly messageId?: string;
}

/** A control proposal, drafted here (`own`) or received from the partner that drafted it. */
export interface ProposalRecord {
  readonly id: string;
  /** The drafting authority's id (`NL-ILT`). */
  readonly authority: string;
  readonly own: boolean;
  readonly title: string;
  readonly status: ProposalStatus;
  readonly currentVersion: number;
  /** Oldest first. */
  readonly versions: readonly ProposalVersion[];
  readonly withdrawal?: {
    readonly reason: string;
    readonly at: Date;
    readonly messageId?: string;
  };
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** An authority's position on one version of a proposal, ours or a partner's. */
export interface PositionRecord {
  readonly proposalId: string;
  /** The authority that holds the position (`NO-DEXU`). */
  readonly partner: string;
  readonly version: number;
  readonly position: ProposalPosition;
  readonly reasons?: string;
  readonly adoption?: Adoption;
  readonly recordedAt: Date;
  /** The signed message that carried it. */
  readonly messageId?: string;
}

/**
 * An open case of ours that a control a partner adopted would capture, while we do not have that
 * control: the officers look at it before deciding.
 */
export interface SyncGapAlert {
  readonly id: string;
  readonly proposalId: string;
  readonly version: number;
  /** The partner that adopted the control. */
  readonly partner: string;
  readonly nationalEntryId: string;
  readonly effectiveOn: string;
  readonly caseId: string;
  readonly caseReference: string;
  readonly capture: Extract<Capture, 'captured' | 'possibly-captured'>;
  /** The items the control would capture, with why. */
  readonly items: readonly { readonly description: string; readonly summary: string }[];
  readonly raisedAt: Date;
}

/**
 * Control proposals, the positions partners take on them and the sync-gap alerts they raise;
 * every change is written with its audit entries in one transaction.
 */
export interface ProposalStore extends ProposalLookup {
  /** Inserts or replaces the proposal. */
  saveProposal(proposal: ProposalRecord, audit: readonly AuditEvent[]): Promise<void>;
  proposal(id: string): Promise<ProposalRecord | undefined>;
  /** Newest first. */
  proposals(filter?: { readonly status?: ProposalStatus }): Promise<readonly ProposalRecord[]>;
  /** Inserts or replaces the position of that partner on that version. */
  savePosition(position: PositionRecord, audit: readonly AuditEvent[]): Promise<void>;
  /** Every position on every version of the proposal, oldest first. */
  positions(proposalId: string): Promise<readonly PositionRecord[]>;
  /** Stores the alerts not yet raised (same proposal, partner and case); returns those stored. */
  addGapAlerts(
    alerts: readonly SyncGapAlert[],
    audit: (alert: SyncGapAlert) => AuditEvent,
  ): Promise<readonly SyncGapAlert[]>;
  /** Newest first. */
  gapAlerts(filter?: {
    readonly caseId?: string;
    readonly proposalId?: string;
  }): Promise<readonly SyncGapAlert[]>;
}
