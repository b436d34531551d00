import type { AlignmentKind } from './align-tokens.ts';
import type { LegalFormAgreement } from './legal-forms.ts';
import type { PreparedName } from './prepare-name.ts';
import type { FormComparison, Space } from './score-names.ts';
import type { FormScheme } from './transliterate.ts';
import { writtenLength } from './truncated-names.ts';

/** One reading of a name as it took part in the comparison. */
export interface ComparedForm {
  readonly scheme: FormScheme;
  /** The tokens compared, joined by spaces (consonant skeletons in the `skeleton` space). */
  readonly text: string;
}

/** One line of the token alignment. */
export interface AlignmentLine {
  /** The query token(s), or null for a listed token nobody matched. */
  readonly query: string | null;
  /** The listed token(s), or null for a query token nobody matched. */
  readonly listed: string | null;
  readonly kind: AlignmentKind;
  /** Raw similarity in [0, 1]. */
  readonly similarity: number;
  /** What the pair contributed, in [0, 1], after the curve that zeroes unrelated tokens. */
  readonly credit: number;
  /** The token's weight (from its frequency in ordinary names, see `wordWeight`), in [0, 1]. */
  readonly weight: number;
}

/** A bonus or penalty applied after the name comparison, or a cap. */
export interface ScoreAdjustment {
  readonly kind:
    | 'country'
    | 'entity-kind'
    | 'identifier'
    | 'legal-form'
    | 'patronymic-reversal'
    | 'weak-alias'
    | 'low-information'
    | 'given-name-only'
    | 'exact-name'
    | 'containment'
    | 'cut-at-field-length'
    | 'not-identical';
  /** Change of the score (negative for a penalty; for a cap, the amount taken off). */
  readonly delta: number;
  readonly detail: string;
}

/** Why a name scored what it scored: structured, plus one line for people. */
export interface MatchExplanation {
  /** One line: "0.93 strong: 'hangzhou hikvision digital technology' (translated from Chinese) ...". */
  readonly summary: string;
  readonly query: NameDescription;
  readonly listed: NameDescription;
  /** The pair of readings that scored best. */
  readonly compared: {
    readonly query: ComparedForm;
    readonly listed: ComparedForm;
    readonly space: Space;
  };
  readonly alignment: readonly AlignmentLine[];
  readonly coverage: { readonly query: number; readonly listed: number };
  /**
   * How distinctive the matched words are on each side: the weight (learnt from the lists) of its
   * rarest matched word; a side below `minimum` had its coverage scaled by `value / minimum`.
   * Absent when no lists weighed the words (a pairwise comparison).
   */
  readonly distinctiveness?: {
    readonly query: number;
    readonly listed: number;
    readonly minimum: number;
  };
  /** The name score before adjustments. */
  readonly nameScore: number;
  readonly legalForms: LegalFormAgreement;
  readonly adjustments: readonly ScoreAdjustment[];
  readonly score: number;
}

/** A name as the engine saw it. */
export interface NameDescription {
  readonly original: string;
  /** Normalised tokens, in their own script. */
  readonly normalised: string;
  readonly scripts: readonly string[];
  readonly legalForms: readonly string[];
  readonly honorifics: readonly string[];
  /** Every reading (transliteration) of the name. */
  readonly forms: readonly ComparedForm[];
  /** How a Chinese name was segmented: `杭州 place, 海康威视 trade-name hikvision, ...`. */
  readonly segments?: readonly string[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Describes a prepared name for an explanation. */
export function describeName(prepared: PreparedName): NameDescription {
  return {
    original: prepared.normalised.original,
    normalised: prepared.normalised.tokens.join(' '),
    scripts: prepared.scripts,
    legalForms: prepared.legalForms.map((f) => f.text),
    honorifics: prepared.normalised.honorifics,
    forms: prepared.forms.map((f) => ({ scheme: f.scheme, text: f.tokens.join(' ') })),
    ...(prepared.chineseSegments
      ? {
          segments: prepared.chineseSegments.map(
            (s) => `${s.text} ${s.kind}${s.english ? ` ${s.english}` : ''}`,
          ),
        }
      : {}),
  };
}

const schemeLabel = (scheme: FormScheme): string => {
  switch (scheme) {
    case 'as-written':
      return '';
    case 'alternative':
      return " (one of the names written in it, with '/', 'a/k/a' or in parentheses)";
    case 'translated':
      return ' (translated from Chinese)';
    case 'pinyin':
      return ' (pinyin)';
    case 'wade-giles':
      return ' (Wade-Giles read as pinyin)';
    case 'pinyin-terms':
      return ' (Chinese administrative terms written in pinyin, read in English)';
    case 'hepburn':
      return ' (Japanese reading)';
    case 'hunterian':
      return ' (Hunterian romanisation)';
    case 'any-ascii':
      return ' (romanised)';
    case 'bgn-pcgn':
    case 'iso9':
    case 'passport':
    case 'popular':
    case 'french':
    case 'german':
    case 'ukrainian':
      return ` (Cyrillic, ${scheme})`;
    case 'revised':
    case 'mccune':
    case 'northern':
      return ` (Hangul, ${scheme})`;
  }
};

/**
 * Builds the explanation of one comparison: the forms compared, the token alignment with each
 * token's similarity, credit and weight, the coverages, and the adjustments, with a one-line
 * summary for people.
 */
export function explainComparison(
  query: PreparedName,
  listed: PreparedName,
  comparison: FormComparison,
  legalForms: LegalFormAgreement,
  adjustments: readonly ScoreAdjustment[],
  score: number,
  band: 'strong' | 'review' | undefined,
): MatchExplanation {
  const { alignment, queryTokens, listedTokens, queryWeights, listedWeights } = comparison;
  const lines: AlignmentLine[] = alignment.pairs.map((pair) => {
    const q =
      pair.queryStart >= 0
        ? queryTokens.slice(pair.queryStart, pair.queryStart + pair.queryLength).join(' ')
        : null;
    const l =
      pair.listedStart >= 0
        ? listedTokens.slice(pair.listedStart, pair.listedStart + pair.listedLength).join(' ')
        : null;
    const weight =
      pair.queryStart >= 0
        ? (queryWeights[pair.queryStart] ?? 1)
        : (listedWeights[pair.listedStart] ?? 1);
    return {
      query: q,
      listed: l,
      kind: pair.kind,
      similarity: round(pair.similarity),
      credit: round(pair.credit),
      weight: round(weight),
    };
  });
  const compared = {
    query: { scheme: comparison.queryForm.scheme, text: queryTokens.join(' ') },
    listed: { scheme: comparison.listedForm.scheme, text: listedTokens.join(' ') },
    space: comparison.space,
  };
  const matched = lines
    .filter((l) => l.kind !== 'unmatched')
    .map((l) =>
      l.kind === 'exact'
        ? (l.query ?? '')
        : `${l.query ?? ''}~${l.listed ?? ''} ${l.similarity.toFixed(2)}`,
    );
  const missing = lines.filter((l) => l.kind === 'unmatched');
  const parts = [
    `${score.toFixed(2)} ${band ?? 'below review'}: ${comparison.exact ? 'identical name, ' : comparison.sameWords ? 'same words, ' : ''}'${compared.query.text}'${schemeLabel(compared.query.scheme)} vs '${compared.listed.text}'${schemeLabel(compared.listed.scheme)}${compared.space === 'skeleton' ? ' on consonant skeletons' : ''}`,
    matched.length > 0 ? `matched ${matched.join(', ')}` : 'nothing matched',
  ];
  if (missing.length > 0)
    parts.push(`unmatched ${missing.map((l) => l.query ?? `[${l.listed ?? ''}]`).join(', ')}`);
  // A last word read as the start of a longer one, because its name is as long as a message
  // field that cuts names (see truncated-names.ts).
  for (const line of lines) {
    if (line.kind !== 'truncated') continue;
    const queryCut = query.lastWordMayBeCut && (line.listed ?? '').startsWith(line.query ?? '');
    const [cut, whole, side] = queryCut
      ? [line.query, line.listed, query]
      : [line.listed, line.query, listed];
    parts.push(
      `'${cut ?? ''}' read as the start of '${whole ?? ''}': the ${side === query ? 'query' : 'listed name'} is ${String(writtenLength(side.normalised.original))} characters long, a length at which message fields cut names`,
    );
  }
  const distinctiveness = comparison.distinctiveness;
  if (distinctiveness !== undefined && !comparison.exact && !comparison.sameWords) {
    const scaled = (['query', 'listed'] as const).filter(
      (side) => distinctiveness[side] < distinctiveness.minimum,
    );
    if (scaled.length > 0)
      parts.push(
        `common words: ${scaled.map((side) => `${side} coverage x${(distinctiveness[side] / distinctiveness.minimum).toFixed(2)}`).join(', ')}`,
      );
  }
  for (const adjustment of adjustments)
    parts.push(
      `${adjustment.delta >= 0 ? '+' : ''}${adjustment.delta.toFixed(2)} ${adjustment.kind}`,
    );
  // What was read differently from how it was written is part of why the name matched.
  for (const problem of query.problems) {
    if (problem.kind === 'look-alikes-folded')
      parts.push(
        `look-alike letters read as ${problem.words.map((w) => `'${w.original}' -> '${w.folded}' (${[...new Set(w.letters.map((l) => l.script))].join(', ')})`).join(', ')}`,
      );
    if (problem.kind === 'bidi-controls-applied') {
      const reversed: string[] = [];
      for (const step of problem.steps)
        if (step.kind === 'override-reversed') reversed.push(step.text);
      if (reversed.length > 0)
        parts.push(
          `shown as a reader sees it: ${reversed.map((t) => `'${t}' reversed by a right-to-left override`).join(', ')}`,
        );
    }
  }
  return {
    summary: parts.join('; '),
    query: describeName(query),
    listed: describeName(listed),
    compared,
    alignment: lines,
    coverage: { query: round(alignment.queryCoverage), listed: round(alignment.listedCoverage) },
    ...(distinctiveness !== undefined
      ? {
          distinctiveness: {
            query: round(distinctiveness.query),
            listed: round(distinctiveness.listed),
            minimum: distinctiveness.minimum,
          },
        }
      : {}),
    nameScore: round(comparison.score),
    legalForms,
    adjustments,
    score: round(score),
  };
}
