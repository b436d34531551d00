import type { Result } from '../../domain/shared/result.ts';

/** One entry of a partner's feed: the signed header, and the body when it is addressed to us. */
export interface FeedEntry {
  readonly sequence: number;
  readonly jws: string;
  readonly body?: unknown;
}

/** A page of a partner's feed. */
export interface FeedPage {
  readonly authority: string;
  readonly entries: readonly FeedEntry[];
  /** True when more entries follow this page. */
  readonly more: boolean;
}

/** Reads a partner's feed over the network, authenticating as this node. */
export interface PartnerFeed {
  fetch(
    partner: { readonly id: string; readonly url: string },
    after: number,
  ): Promise<Result<FeedPage, string>>;
}
