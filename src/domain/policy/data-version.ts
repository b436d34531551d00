/**
 * The version of one shipped data file: its path and the SHA-256 of its bytes. A decision records
 * the versions of the files it rested on, so it can be reproduced and audited.
 */
export interface DataFileVersion {
  /** Relative to the repository, e.g. `data/regulation/control_entries_surveillance.json`. */
  readonly file: string;
  readonly sha256: string;
}
