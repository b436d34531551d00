/** A restricted list Cordon knows how to import, and who publishes it. */
export interface ListSource {
  readonly id: string;
  readonly name: string;
  readonly authority: string;
  /** The official format(s) its files come in. */
  readonly format: string;
}

/**
 * The list sources Cordon imports. Partner denials and threat alerts arrive later as sources of
 * their own, named `partner-denials:<authority>` and `partner-alerts:<authority>`.
 */
export const listSources = [
  {
    id: 'us-ofac-sdn',
    name: 'Specially Designated Nationals and Blocked Persons List (SDN)',
    authority: 'US Treasury, Office of Foreign Assets Control',
    format: 'OFAC legacy CSV: sdn.csv, alt.csv, add.csv, sdn_comments.csv',
  },
  {
    id: 'us-ofac-nonsdn',
    name: 'Consolidated Sanctions List (non-SDN lists)',
    authority: 'US Treasury, Office of Foreign Assets Control',
    format: 'OFAC legacy CSV: cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv',
  },
  {
    id: 'us-bis-entity-list',
    name: 'Entity List (15 CFR 744, Supplement No. 4)',
    authority: 'US Commerce, Bureau of Industry and Security',
    format: 'eCFR XML of 15 CFR part 744',
  },
  {
    id: 'us-bis-dpl',
    name: 'Denied Persons List',
    authority: 'US Commerce, Bureau of Industry and Security',
    format: 'tab-separated text (dpl.txt)',
  },
  {
    id: 'us-csl',
    name: 'Consolidated Screening List',
    authority: 'US International Trade Administration (trade.gov)',
    format: 'CSV, 29 columns',
  },
  {
    id: 'uk-hmt-ofsi',
    name: 'Consolidated List of Financial Sanctions Targets in the UK',
    authority: 'HM Treasury, Office of Financial Sanctions Implementation',
    format: 'OFSI consolidated CSV',
  },
  {
    id: 'eu-fsf',
    name: 'Consolidated list of persons, groups and entities subject to EU financial sanctions',
    authority: 'European Commission (FISMA)',
    format: 'EU Financial Sanctions File XML',
  },
] as const satisfies readonly ListSource[];

export type ListSourceId = (typeof listSources)[number]['id'];
