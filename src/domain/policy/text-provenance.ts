/**
 * Where a text Cordon shows comes from, and whether it may be presented as legal text.
 *
 * The shipped reference data mixes texts read in a stored copy of an official text with
 * paraphrases and facts compiled from memory. Every text Cordon shows carries one of three
 * statuses, its source and its date, so that a paraphrase is never mistaken for the law:
 *
 * - `verbatim`: copied word for word from a stored copy of the official text;
 * - `paraphrase`: a summary or shortened rewording of a legal text (never to be quoted as law);
 * - `seed-unverified`: a fact or rule compiled from memory or secondary sources that nobody has
 *   checked against the official text; it must be verified before it drives a decision.
 */
export type TextStatus = 'verbatim' | 'paraphrase' | 'seed-unverified';

export const textStatuses: readonly TextStatus[] = ['verbatim', 'paraphrase', 'seed-unverified'];

/** The document a text was taken from. */
export interface SourceRef {
  /** A human title, e.g. `Regulation (EU) 2021/821, consolidated text of 2023-05-26`. */
  readonly title: string;
  /** The date of the text as the source states it (consolidation, retrieval or compilation), ISO. */
  readonly date: string;
  /** The shipped file it was read from, relative to the repository, e.g. `data/regulation/...`. */
  readonly file?: string;
  /** Where in that file (a JSON pointer such as `/articles/5/1`). */
  readonly pointer?: string;
  readonly url?: string;
  readonly licence?: string;
}

/** A text together with its status and source: the only form in which Cordon shows rule texts. */
export interface CitedText {
  readonly text: string;
  readonly textStatus: TextStatus;
  readonly source: SourceRef;
  /**
   * The status exactly as the compiler of the data wrote it (`paraphrase__verify`,
   * `verbatim-equivalent to EU Annex I ...`), kept so that a reviewer sees the nuance.
   */
  readonly statusNote?: string;
}

/**
 * Maps a status as written in the shipped data to one of Cordon's three statuses, conservatively:
 * only a text marked plainly `verbatim` (read in a stored official copy) counts as verbatim.
 * "verbatim-equivalent", "verbatim as quoted by" a secondary source, "partial" or "mixed" texts are
 * paraphrases; best-knowledge, seed, low/medium confidence and "verify" rows are unverified.
 *
 * @example
 * textStatusFrom('verbatim EU Annex I') // 'verbatim'
 * textStatusFrom('verbatim-equivalent to EU Annex I definition') // 'paraphrase'
 * textStatusFrom('best_knowledge__verify_against_EU_Sanctions_Map') // 'seed-unverified'
 */
export function textStatusFrom(raw: string): TextStatus {
  const s = raw.trim().toLowerCase();
  const secondHand = [
    'equivalent',
    'as quoted',
    'cited_source',
    'cited source',
    'partial',
    'mixed',
  ];
  if (s.startsWith('verbatim') && !secondHand.some((w) => s.includes(w))) return 'verbatim';
  if (
    s.includes('paraphrase') ||
    s.includes('summary') ||
    s.includes('verbatim') ||
    s.includes('partial') ||
    s.includes('mixed')
  ) {
    return 'paraphrase';
  }
  return 'seed-unverified';
}

const rank: Record<TextStatus, number> = { verbatim: 0, paraphrase: 1, 'seed-unverified': 2 };

/** The weakest of several statuses: a conclusion is only as verified as its least verified text. */
export function weakestStatus(statuses: Iterable<TextStatus>): TextStatus {
  let weakest: TextStatus = 'verbatim';
  for (const s of statuses) if (rank[s] > rank[weakest]) weakest = s;
  return weakest;
}

/** True only for verbatim text: the one status that may be shown as legal text (quoted). */
export const isLegalText = (text: CitedText): boolean => text.textStatus === 'verbatim';

/**
 * A one-line label to print beside a text, so that no reader takes a paraphrase for the law.
 *
 * @example
 * citationLabel(art5) // 'verbatim: Regulation (EU) 2021/821 ... (2023-05-26)'
 * citationLabel(seed) // 'PARAPHRASE, not legal text: ... (2026-11-22)'
 */
export function citationLabel(text: CitedText): string {
  const where = `${text.source.title} (${text.source.date})`;
  switch (text.textStatus) {
    case 'verbatim':
      return `verbatim: ${where}`;
    case 'paraphrase':
      return `PARAPHRASE, not legal text: ${where}`;
    case 'seed-unverified':
      return `UNVERIFIED seed data, check before relying on it: ${where}`;
  }
}
