import { tokenSimilarity } from './token-similarity.ts';

/** How a query token and a listed token (or two adjacent ones) were paired. */
export type AlignmentKind =
  'exact' | 'fuzzy' | 'initial' | 'joined' | 'acronym' | 'truncated' | 'unmatched';

/** One pair of the token alignment (or a token left unmatched on either side). */
export interface AlignedPair {
  /** Index of the first query token, or -1 when a listed token is unmatched. */
  readonly queryStart: number;
  readonly queryLength: number;
  /** Index of the first listed token, or -1 when a query token is unmatched. */
  readonly listedStart: number;
  readonly listedLength: number;
  /** Raw similarity of the paired strings in [0, 1]. */
  readonly similarity: number;
  /** What the similarity contributes, after the curve that zeroes unrelated tokens. */
  readonly credit: number;
  readonly kind: AlignmentKind;
}

/** The outcome of aligning two token lists. */
export interface Alignment {
  /** Weighted share of the query explained by the listed name, in [0, 1]. */
  readonly queryCoverage: number;
  /** Weighted share of the listed name explained by the query, in [0, 1]. */
  readonly listedCoverage: number;
  /** Tokens of the shorter side that found a partner with credit >= 0.5. */
  readonly matchedTokens: number;
  /**
   * Weighted share of the query that found no good partner: each token whose credit is below
   * `weakCredit` counts by what it lacks (1 - credit), so an unpaired token counts fully.
   */
  readonly queryUnmatched: number;
  /** The same for the listed name. */
  readonly listedUnmatched: number;
  /** The largest weight among the query tokens that matched (credit >= 0.5): how distinctive. */
  readonly queryDistinctive: number;
  /** The same for the listed name. */
  readonly listedDistinctive: number;
  /** Weight of the query explained by the listed name: the sum of weight x credit. */
  readonly queryEarned: number;
  /** The same for the listed name. */
  readonly listedEarned: number;
  /** The largest weight among the query tokens left without a good partner (0 if none). */
  readonly queryMissingDistinctive: number;
  /** The same for the listed name. */
  readonly listedMissingDistinctive: number;
  readonly pairs: readonly AlignedPair[];
}

/** Tunable constants of the alignment; the defaults are documented where they are used. */
export interface AlignmentParameters {
  /** Raw similarity below which a pair earns nothing ("olaf"/"octavian"). */
  readonly floor: number;
  /** Shape of the credit curve between `floor` and 1 (below 1: near-misses keep more). */
  readonly exponent: number;
  /** Raw similarity credited for an initial matching a token's first letter ("A." / "Aaron"). */
  readonly initialSimilarity: number;
  /** Credit below which a paired token still counts as unmatched (see `queryUnmatched`). */
  readonly weakCredit: number;
  /** Raw similarity of an acronym and the words it abbreviates ("PLA" / "People's Liberation Army"). */
  readonly acronymSimilarity: number;
}

export const defaultAlignmentParameters: AlignmentParameters = {
  floor: 0.6,
  exponent: 0.5,
  initialSimilarity: 0.8,
  weakCredit: 0.5,
  acronymSimilarity: 0.9,
};

/**
 * Small words an acronym skips ("Bank of China" is BOC): the one list that the index, candidate
 * generation and the aligner share, so that they can never disagree.
 */
export const acronymFillers: ReadonlySet<string> = new Set([
  'and',
  'of',
  'the',
  'for',
  'de',
  'du',
  'des',
  'la',
]);

/**
 * The number of tokens from `start` whose initials spell `acronym` (fillers such as "of" and
 * "and" may be skipped), or 0.
 */
function acronymSpan(acronym: string, tokens: readonly string[], start: number): number {
  let k = 0;
  let j = start;
  while (j < tokens.length && k < acronym.length) {
    const token = tokens[j] ?? '';
    if (token.charCodeAt(0) === acronym.charCodeAt(k)) k += 1;
    else if (!(k > 0 && acronymFillers.has(token))) return 0;
    j += 1;
  }
  return k === acronym.length && j - start >= 2 ? j - start : 0;
}

/** True for the char code of an ASCII digit. */
export const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;

const isAcronymCandidate = (token: string): boolean => {
  if (token.length < 3 || token.length > 6) return false;
  for (let k = 0; k < token.length; k += 1) if (isDigitCode(token.charCodeAt(k))) return false;
  return true;
};

/**
 * The credit curve: a raw token similarity below `floor` earns nothing, 1 earns 1, and the range
 * between is stretched, so that near-misses ("scholze"/"scholz", 0.93) keep most of their credit
 * and unrelated tokens that merely share letters ("mutua"/"ruto") earn none.
 */
export function credit(similarity: number, floor: number, exponent: number): number {
  if (similarity >= 1) return 1;
  if (similarity <= floor) return 0;
  return ((similarity - floor) / (1 - floor)) ** exponent;
}

// Per-token marks and credits of one alignment, reused from call to call (alignment is
// synchronous and never re-entered, and runs for every candidate of every query: fresh arrays were
// a large share of screening's garbage). `scratchFor` clears the part a call uses.
let scratch = {
  usedQ: new Uint8Array(16),
  usedC: new Uint8Array(16),
  creditQ: new Float64Array(16),
  creditC: new Float64Array(16),
};

function scratchFor(nq: number, nc: number): typeof scratch {
  const size = Math.max(nq, nc);
  if (size > scratch.usedQ.length) {
    const grown = Math.max(size, scratch.usedQ.length * 2);
    scratch = {
      usedQ: new Uint8Array(grown),
      usedC: new Uint8Array(grown),
      creditQ: new Float64Array(grown),
      creditC: new Float64Array(grown),
    };
  }
  scratch.usedQ.fill(0, 0, nq);
  scratch.creditQ.fill(0, 0, nq);
  scratch.usedC.fill(0, 0, nc);
  scratch.creditC.fill(0, 0, nc);
  return scratch;
}

interface Edge {
  readonly qs: number;
  readonly ql: number;
  readonly cs: number;
  readonly cl: number;
  readonly sim: number;
  readonly kind: AlignmentKind;
}

const edgeOrder = (a: Edge, b: Edge): number =>
  b.sim - a.sim || a.ql + a.cl - (b.ql + b.cl) || Math.abs(a.qs - a.cs) - Math.abs(b.qs - b.cs);

/**
 * Aligns query tokens with listed tokens, greedily by similarity, each token used at most once.
 * Besides one-to-one pairs it tries a token against two adjacent tokens of the other side joined
 * ("aerocaribbean" / "aero caribbean", "jiseong" / "ji sung"), and an initial against a token
 * starting with it. `similarity(i, j)` gives the raw similarity of query token i and listed token
 * j (screening passes a cached one). Coverage on each side weighs each token by `weights`
 * (inverse frequency in the lists: "technology" little, "hikvision" a lot).
 *
 * @example
 * alignTokens(['olaf', 'scholze'], [1, 1], ['olaf', 'scholz'], [1, 1])
 * // queryCoverage ~0.94, listedCoverage ~0.94, matchedTokens 2
 */
export function alignTokens(
  query: readonly string[],
  queryWeights: readonly number[],
  listed: readonly string[],
  listedWeights: readonly number[],
  similarity: (i: number, j: number) => number = (i, j) => metric(query[i] ?? '', listed[j] ?? ''),
  parameters: AlignmentParameters = defaultAlignmentParameters,
  withPairs = false,
  metric: (a: string, b: string) => number = tokenSimilarity,
): Alignment {
  const nq = query.length;
  const nc = listed.length;
  const edges: Edge[] = [];
  const minimum = parameters.floor;
  for (let i = 0; i < nq; i += 1) {
    const q = query[i] ?? '';
    for (let j = 0; j < nc; j += 1) {
      const c = listed[j] ?? '';
      let sim = similarity(i, j);
      let kind: AlignmentKind = sim >= 1 ? 'exact' : 'fuzzy';
      if (sim < 1 && (q.length === 1 || c.length === 1) && q.charCodeAt(0) === c.charCodeAt(0)) {
        const initial = q.length === 1 && c.length === 1 ? 1 : parameters.initialSimilarity;
        if (initial > sim) {
          sim = initial;
          kind = 'initial';
        }
      }
      if (sim > minimum) edges.push({ qs: i, ql: 1, cs: j, cl: 1, sim, kind });
    }
  }
  // Joined pairs: one token against two adjacent ones of the other side.
  for (let i = 0; i < nq; i += 1) {
    const q = query[i] ?? '';
    for (let j = 0; j + 1 < nc; j += 1) {
      const a = listed[j] ?? '';
      const b = listed[j + 1] ?? '';
      if (q.length + 2 < a.length + b.length || q.charCodeAt(0) !== a.charCodeAt(0)) continue;
      const sim = metric(q, a + b);
      if (sim > minimum) edges.push({ qs: i, ql: 1, cs: j, cl: 2, sim, kind: 'joined' });
    }
  }
  for (let j = 0; j < nc; j += 1) {
    const c = listed[j] ?? '';
    for (let i = 0; i + 1 < nq; i += 1) {
      const a = query[i] ?? '';
      const b = query[i + 1] ?? '';
      if (c.length + 2 < a.length + b.length || c.charCodeAt(0) !== a.charCodeAt(0)) continue;
      const sim = metric(a + b, c);
      if (sim > minimum) edges.push({ qs: i, ql: 2, cs: j, cl: 1, sim, kind: 'joined' });
    }
  }
  // Acronyms: one short token against the initials of several tokens of the other side.
  for (let i = 0; i < nq; i += 1) {
    const q = query[i] ?? '';
    if (!isAcronymCandidate(q) || nc < 2) continue;
    for (let j = 0; j < nc; j += 1) {
      const span = acronymSpan(q, listed, j);
      if (span > 0)
        edges.push({
          qs: i,
          ql: 1,
          cs: j,
          cl: span,
          sim: parameters.acronymSimilarity,
          kind: 'acronym',
        });
    }
  }
  for (let j = 0; j < nc; j += 1) {
    const c = listed[j] ?? '';
    if (!isAcronymCandidate(c) || nq < 2) continue;
    for (let i = 0; i < nq; i += 1) {
      const span = acronymSpan(c, query, i);
      if (span > 0)
        edges.push({
          qs: i,
          ql: span,
          cs: j,
          cl: 1,
          sim: parameters.acronymSimilarity,
          kind: 'acronym',
        });
    }
  }
  edges.sort(edgeOrder);

  const { usedQ, usedC, creditQ, creditC } = scratchFor(nq, nc);
  const pairs: AlignedPair[] = [];
  for (const edge of edges) {
    let free = true;
    for (let k = 0; k < edge.ql; k += 1) if (usedQ[edge.qs + k] !== 0) free = false;
    for (let k = 0; k < edge.cl; k += 1) if (usedC[edge.cs + k] !== 0) free = false;
    if (!free) continue;
    const earned = credit(edge.sim, parameters.floor, parameters.exponent);
    // 2 marks a token matched only as an initial: it does not make a name distinctive.
    const mark = edge.kind === 'initial' ? 2 : 1;
    for (let k = 0; k < edge.ql; k += 1) {
      usedQ[edge.qs + k] = mark;
      creditQ[edge.qs + k] = earned;
    }
    for (let k = 0; k < edge.cl; k += 1) {
      usedC[edge.cs + k] = mark;
      creditC[edge.cs + k] = earned;
    }
    if (withPairs)
      pairs.push({
        queryStart: edge.qs,
        queryLength: edge.ql,
        listedStart: edge.cs,
        listedLength: edge.cl,
        similarity: edge.sim,
        credit: earned,
        kind: edge.kind,
      });
  }

  let totalQ = 0;
  let earnedQ = 0;
  let matchedQ = 0;
  let unmatchedQ = 0;
  let distinctiveQ = 0;
  let missingQ = 0;
  for (let i = 0; i < nq; i += 1) {
    const w = queryWeights[i] ?? 1;
    totalQ += w;
    earnedQ += w * (creditQ[i] ?? 0);
    if ((creditQ[i] ?? 0) >= 0.5) {
      matchedQ += 1;
      if (w > distinctiveQ && usedQ[i] === 1) distinctiveQ = w;
    }
    if ((creditQ[i] ?? 0) < parameters.weakCredit) {
      unmatchedQ += w * (1 - (creditQ[i] ?? 0));
      if (w > missingQ) missingQ = w;
    }
  }
  let totalC = 0;
  let earnedC = 0;
  let matchedC = 0;
  let unmatchedC = 0;
  let distinctiveC = 0;
  let missingC = 0;
  for (let j = 0; j < nc; j += 1) {
    const w = listedWeights[j] ?? 1;
    totalC += w;
    earnedC += w * (creditC[j] ?? 0);
    if ((creditC[j] ?? 0) >= 0.5) {
      matchedC += 1;
      if (w > distinctiveC && usedC[j] === 1) distinctiveC = w;
    }
    if ((creditC[j] ?? 0) < parameters.weakCredit) {
      unmatchedC += w * (1 - (creditC[j] ?? 0));
      if (w > missingC) missingC = w;
    }
  }
  if (withPairs) {
    for (let i = 0; i < nq; i += 1)
      if (usedQ[i] === 0)
        pairs.push({
          queryStart: i,
          queryLength: 1,
          listedStart: -1,
          listedLength: 0,
          similarity: 0,
          credit: 0,
          kind: 'unmatched',
        });
    for (let j = 0; j < nc; j += 1)
      if (usedC[j] === 0)
        pairs.push({
          queryStart: -1,
          queryLength: 0,
          listedStart: j,
          listedLength: 1,
          similarity: 0,
          credit: 0,
          kind: 'unmatched',
        });
  }
  return {
    queryCoverage: totalQ > 0 ? earnedQ / totalQ : 0,
    listedCoverage: totalC > 0 ? earnedC / totalC : 0,
    matchedTokens: Math.min(matchedQ, matchedC),
    queryUnmatched: totalQ > 0 ? unmatchedQ / totalQ : 1,
    listedUnmatched: totalC > 0 ? unmatchedC / totalC : 1,
    queryDistinctive: distinctiveQ,
    listedDistinctive: distinctiveC,
    queryEarned: earnedQ,
    listedEarned: earnedC,
    queryMissingDistinctive: missingQ,
    listedMissingDistinctive: missingC,
    pairs,
  };
}
