/**
 * What decides a legal test, each evaluated on its own conditions (`legal-tests.ts`):
 * - `human-rights-risk`: a human-rights criterion (CP 2008/944 Criterion 2(a), UK SELC Criterion 2):
 *   the assessed risk informs it, met at `metAt`, for the officer to decide from `unknownFrom`;
 * - `special-caution`: CP 2008/944 Criterion 2(b): serious violations established by competent
 *   bodies, read from the authority's country assessment and its sources;
 * - `entity-list`: 15 CFR 744.11: a party is on the Entity List (a strong, uncleared match);
 * - `entity-list-review-policy`: the listed entry's review policy for the items (a presumption of
 *   denial for at least one item);
 * - `informed-by-authority`: EU Art. 5(1): the authority informed the exporter;
 * - `aware-of-misuse`: EU Art. 5(2): the exporter is aware from its due diligence;
 * - `crime-control`: 15 CFR 742.7(b): a crime-control item to a destination with human-rights
 *   concerns;
 * - `commitment`: a political commitment (ECHRI), not a legal test: shown as applying;
 * - `consideration`: a binding duty to weigh considerations (EU Art. 15(1)), whose substance the
 *   other tests carry: shown as applying;
 * - `risk-level`: version 1 only: "met" from the risk score, kept so old decisions reproduce.
 */
export type LegalTestKind =
  | 'human-rights-risk'
  | 'special-caution'
  | 'entity-list'
  | 'entity-list-review-policy'
  | 'informed-by-authority'
  | 'aware-of-misuse'
  | 'crime-control'
  | 'commitment'
  | 'consideration'
  | 'risk-level';

export const legalTestKinds: readonly LegalTestKind[] = [
  'human-rights-risk',
  'special-caution',
  'entity-list',
  'entity-list-review-policy',
  'informed-by-authority',
  'aware-of-misuse',
  'crime-control',
  'commitment',
  'consideration',
  'risk-level',
];
