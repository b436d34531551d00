import fs from 'node:fs';
import path from 'node:path';
import type { ListSourceId } from '../../domain/lists/list-source.ts';
import type { ListFile } from './list-parse-types.ts';

/** One list Cordon ships and imports on first start: which files, of what date, from where. */
export interface ShippedList {
  readonly source: ListSourceId;
  /** The date the data is as of (YYYY-MM-DD), used when the files do not state one. */
  readonly dataDate: string;
  /** Repository-relative paths of the files imported together, under `data/lists`. */
  readonly files: readonly string[];
  /** One line of provenance, stored with the snapshot. */
  readonly note: string;
}

/**
 * The lists Cordon ships (see data/lists/README.md for their sources, licences and hashes). The
 * format samples and the 2021 SDN set under data/lists are test fixtures and are not imported.
 */
export const shippedListManifest: readonly ShippedList[] = [
  {
    source: 'us-ofac-sdn',
    dataDate: '2024-05-03',
    files: [
      'data/lists/us_ofac_sdn/2024-05-03/sdn.csv',
      'data/lists/us_ofac_sdn/2025-02-27/alt.csv',
      'data/lists/us_ofac_sdn/2025-02-27/add.csv',
      'data/lists/us_ofac_sdn/2025-02-27/sdn_comments.csv',
    ],
    note: 'OFAC SDN legacy CSV: sdn.csv of 2024-05-03 (git-scrape of treasury.gov) with alt/add/sdn_comments of about Feb 2025 (moov-io/watchman); the dates differ, so aliases and addresses of entities added after May 2024 are skipped as orphans.',
  },
  {
    source: 'us-ofac-nonsdn',
    dataDate: '2025-12-19',
    files: [
      'data/lists/us_ofac_nonsdn/2025-12-19/cons_prim.csv',
      'data/lists/us_ofac_nonsdn/2025-12-19/cons_alt.csv',
      'data/lists/us_ofac_nonsdn/2025-12-19/cons_add.csv',
      'data/lists/us_ofac_nonsdn/2025-12-19/cons_comments.csv',
    ],
    note: 'OFAC non-SDN consolidated list, legacy CSV (cons_prim/alt/add/comments) of 2025-12-19, from moov-io/watchman test data.',
  },
  {
    source: 'us-bis-entity-list',
    dataDate: '2026-07-23',
    files: ['data/lists/us_bis_entity_list/2026-07-23/ecfr_title-15_part-744.xml'],
    note: 'BIS Entity List, 15 CFR 744 Supplement No. 4, from the eCFR XML of part 744 retrieved 2026-07-23 (github.com/CledwynJones/exportcontrolecfr).',
  },
  {
    source: 'us-bis-dpl',
    dataDate: '2022-09-07',
    files: ['data/lists/us_bis_dpl/2022-09-07/dpl.txt'],
    note: 'BIS Denied Persons List (dpl.txt, tab-separated) of 2022-09-07, from moov-io/watchman test data.',
  },
  {
    source: 'us-csl',
    dataDate: '2023-11-30',
    files: ['data/lists/us_csl/2023-11-30-partial/csl.csv'],
    note: 'trade.gov Consolidated Screening List CSV of 2023-11-30, a PARTIAL copy (4,226 of about 20,000 rows; a repeated header and a cut-off last row are skipped), from moov-io/watchman.',
  },
];

/** The files of a shipped list, read from the repository at `root` (names stay repository-relative). */
export function readShippedListFiles(root: string, list: ShippedList): ListFile[] {
  return list.files.map((file) => ({
    name: file,
    bytes: new Uint8Array(fs.readFileSync(path.join(root, file))),
  }));
}
