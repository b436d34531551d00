import { beforeAll, describe, expect, it } from 'vitest';
import {
  everyListedName,
  everyNameKinds,
  sampleListedNames,
  type PerturbationKind,
} from '../../bench/screening/perturbations.ts';
import {
  containmentRecall,
  perturbedRecall,
  selfRecall,
  trailingParenthesisRecall,
} from '../../bench/screening/recall.ts';
import type { ListedParty } from '../../src/domain/lists/listed-party.ts';
import type { ScreeningIndex } from '../../src/domain/screening/screening-index.ts';
import { shippedScreeningIndex } from '../support/shipped-screening-index.ts';

// The recall guarantee of screening over every list Cordon ships (issue 16): the index is built
// once, then every listed name is screened. The benchmark reports the same figures on a larger
// sample (npm run bench:screening).

let index: ScreeningIndex;
let parties: readonly ListedParty[];

beforeAll(() => {
  ({ index, parties } = shippedScreeningIndex());
});

const sources = ['us-bis-entity-list', 'us-ofac-sdn', 'us-bis-dpl', 'us-ofac-nonsdn'];

/** The test's sample: 100 names per source. */
const testSample = () => sampleListedNames(parties, sources, 100, 2026);

/** One kind's recall over a sample: it applies to more than `applicable` names, and `recall` are found. */
function expectKindRecall(
  kind: PerturbationKind,
  sample: readonly { party: ListedParty; value: string }[],
  seed: number,
  applicable: number,
  recall: number,
): void {
  const [report] = perturbedRecall(index, sample, seed, [kind]);
  expect(report?.applicable, kind).toBeGreaterThan(applicable);
  expect(report?.recall, JSON.stringify(report?.misses.slice(0, 3))).toBeGreaterThanOrEqual(recall);
}

describe('screening recall over every shipped list', () => {
  it('returns every name and alias of every entry, screened as written, as its own entry, strong and at the top score', () => {
    const report = selfRecall(index, parties);
    expect(report.entries).toBeGreaterThan(50_000);
    expect(report.misses).toEqual([]);
    expect(report.recall).toBe(1);
  }, 600_000);

  it('keeps each kind of perturbed listed name in the top three at review or above, at least 99% of each', () => {
    for (const kind of perturbedRecall(index, testSample(), 1206)) {
      // Reported only, or measured on more names (see perturbationTarget): own tests below.
      if (kind.target === undefined || kind.kind === 'generic-words-abbreviated') continue;
      expect(kind.applicable, kind.kind).toBeGreaterThan(100);
      expect(
        kind.recall,
        `${kind.kind}: ${JSON.stringify(kind.misses.slice(0, 3))}`,
      ).toBeGreaterThanOrEqual(0.99);
    }
  }, 300_000);

  it('finds most listed names cut where a 35-character message field line ends', () => {
    // No target of 99%: a cut often leaves only a legal form and generic words. Without reading
    // the cut (truncated-names.ts, cut-names.ts) 31 of these 75 were found; with it 52.
    expectKindRecall('cut-at-field-length', testSample(), 1206, 50, 0.65);
  }, 300_000);

  it('finds listed organisations named with their country and without their line of business', () => {
    // "Kaspersky Russia" for "Kaspersky Lab" (RU). No target of 99%: a group's affiliates share
    // its distinctive words, and the one the query is closer to may rightly rank first. Before
    // places counted as qualifiers and generic words could be left out, 33 of these 90 were found;
    // with it 85.
    expectKindRecall('country-added-generic-word-left-out', testSample(), 1206, 80, 0.9);
  }, 300_000);

  it("finds more listed people written as surname and initials ('KADYROV R. A.')", () => {
    // No target of 99%: initials say little, and many surnames are common. An initial no longer
    // counts against the names candidate generation cannot pair it with: 20 of these 49 were
    // found before, 27 with it.
    expectKindRecall('given-names-as-initials', testSample(), 1206, 40, 0.5);
  }, 300_000);

  it("finds listed organisations' names with their generic words abbreviated ('Inst of Tech')", () => {
    // The benchmark's sample (500 names per source): the kind applies to one organisation in five.
    const benchSample = sampleListedNames(parties, sources, 500, 16);
    expectKindRecall('generic-words-abbreviated', benchSample, 1600, 200, 0.99);
  }, 300_000);

  it('finds every listed name that carries an acronym in parentheses, with the acronym left out', () => {
    // "National University of Defense Technology (NUDT)" screened as "... Technology".
    for (const kind of everyNameKinds)
      expectKindRecall(kind, everyListedName(parties), 1700, 300, 0.99);
  }, 300_000);

  it('finds every listed organisation whose name ends in a parenthesis, with the parenthesis left out', () => {
    // "Enerquip Ltd." for "Enerquip Ltd. (UAE)"; "ARITP" for "ARITP (All Russian Institute ...)".
    const report = trailingParenthesisRecall(index, parties);
    expect(report.names).toBeGreaterThan(300);
    expect(report.recall, JSON.stringify(report.misses.slice(0, 3))).toBeGreaterThanOrEqual(0.99);
  }, 300_000);

  it("finds a listed organisation's name with a qualifier appended at review or above", () => {
    const sample = sampleListedNames(parties, sources, 100, 2027);
    const report = containmentRecall(index, sample, 1207);
    expect(report.names).toBeGreaterThan(50);
    expect(report.recall, JSON.stringify(report.misses.slice(0, 3))).toBeGreaterThanOrEqual(0.99);
  }, 300_000);
});
