/** What a public consultation needs to know of a control proposal (implemented by the proposal store). */
export interface ProposalSummary {
  readonly id: string;
  readonly title: string;
  /** The drafting authority's jurisdiction code, e.g. NL. */
  readonly authority: string;
  readonly currentVersion: number;
  readonly status: 'draft' | 'published' | 'withdrawn';
}

export interface ProposalLookup {
  findProposalSummary(id: string): Promise<ProposalSummary | undefined>;
}
