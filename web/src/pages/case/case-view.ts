import type { CaseJson } from '../../../../src/contracts/cases.ts';

type KeysOf<U> = U extends unknown ? keyof U : never;
type ValueAt<U, K extends PropertyKey> = U extends unknown
  ? K extends keyof U
    ? U[K]
    : never
  : never;

/**
 * The union `U` read as one object whose every field may be absent: what a page needs to show
 * whichever member it got (`Merged<A | B>` has the fields of both, each optional).
 */
export type Merged<U> = { readonly [K in KeysOf<U>]?: ValueAt<U, K> };

/**
 * A case as the pages read it, from `CaseJson` (src/contracts/cases.ts): the workflow state's
 * fields (advice, recommendation, decision, requests) lifted beside the case's own. An exporter's
 * state lacks the officers' parts, hence `Merged`.
 */
export type CaseView = Omit<CaseJson, 'state'> & Merged<CaseJson['state']>;

/** One act on a case: advice, recommendation, decision (in full or as its exporter sees it). */
export type CaseAct = Merged<
  | NonNullable<CaseView['advice']>[number]
  | NonNullable<CaseView['recommendation'] | CaseView['decision']>
>;

export type CaseEvent = CaseJson['history'][number];

/** The case with its state's fields beside its own (the case's own win: the exporter's view of them). */
export const toCaseView = ({ state, ...rest }: CaseJson): CaseView => ({ ...state, ...rest });
