import { compareNames } from '../screening/compare-names.ts';
import type { ScoreThresholds } from '../screening/score-names.ts';
import type { DenialNotificationBody } from './exchange-message.ts';

/** A partner's denial in force, as the no-undercut check reads it. */
export interface ActiveDenial {
  readonly sender: string;
  readonly reference: string;
  readonly denial: DenialNotificationBody;
}

/** What the check compares of an application. */
export interface TransactionFacts {
  /** ISO 3166-1 alpha-2. */
  readonly destination: string;
  readonly parties: readonly {
    readonly role: string;
    readonly name: string;
    readonly country?: string;
  }[];
  /** Declared and classified control entries (`5A001.j`). */
  readonly controlEntries: readonly string[];
  /** Item descriptions and capabilities, as free text. */
  readonly itemText: string;
}

/** A denial the application resembles, with the evidence. */
export interface DenialMatch {
  readonly sender: string;
  readonly reference: string;
  readonly party: {
    readonly applicationName: string;
    readonly deniedName: string;
    readonly role: string;
    readonly score: number;
  };
  readonly sameDestination: boolean;
  readonly sharedControlEntries: readonly string[];
  /** Share of the denial's item words found in the application's (0..1). */
  readonly itemOverlap: number;
  /** Same party, same destination, and the same goods (a shared entry, or most item words). */
  readonly essentiallyIdentical: boolean;
  readonly because: string;
}

const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4),
  );

const entryKey = (entry: string) => entry.toLowerCase().replace(/[\s.]/g, '');

/** Share of `denied`'s words that `applied` also has. */
export function itemOverlap(denied: string, applied: string): number {
  const a = words(denied);
  if (a.size === 0) return 0;
  const b = words(applied);
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / a.size;
}

/**
 * Name scores from which a denied party is considered the same: list screening's defaults. Pairs
 * are scored with uniform token weights (a denial list is too small to learn which words are
 * common), and a match blocks a decision only when destination and goods agree as well.
 */
export const denialNameThresholds: ScoreThresholds = { review: 0.8, strong: 0.95 };

/**
 * Compares an application's parties with partners' active denials using the cross-script fuzzy
 * scorer of list screening (every transliteration, token alignment, legal forms set aside), then
 * compares destination and goods.
 * A transaction is "essentially identical" (Regulation 2021/821 Art. 16) when a party matches,
 * the destination is the same, and the goods are: a control entry in common, or at least 40% of
 * the denied item's words.
 *
 * @example
 * matchDenials([usDenial], { destination: 'CN', parties: [{ role: 'end-user', name: '新疆联海创智信息科技有限公司' }], ... })
 * // [{ sender: 'US-BIS', essentiallyIdentical: true, ... }] when US denied Xinjiang Lianhai Chuangzhi Information Technology Co., Ltd. (5A001.j to CN)
 */
export function matchDenials(
  denials: readonly ActiveDenial[],
  facts: TransactionFacts,
  thresholds: ScoreThresholds = denialNameThresholds,
): DenialMatch[] {
  if (denials.length === 0) return [];
  const best = new Map<ActiveDenial, DenialMatch>();
  const appliedEntries = new Set(facts.controlEntries.map(entryKey));
  for (const party of facts.parties) {
    for (const denial of denials) {
      for (const denied of denial.denial.parties) {
        // The denied name and every alias: the best of them speaks for the party.
        let compared: ReturnType<typeof compareNames> | undefined;
        let deniedName = denied.name;
        for (const name of [denied.name, ...(denied.aliases ?? [])]) {
          const c = compareNames(party.name, name, { thresholds });
          if (c.band !== undefined && (compared === undefined || c.score > compared.score)) {
            compared = c;
            deniedName = name;
          }
        }
        if (compared === undefined) continue;
        const owner = { role: denied.role, name: deniedName };
        const match = { score: compared.score };
        const shared = denial.denial.controlEntries.filter((e) => appliedEntries.has(entryKey(e)));
        const overlap = itemOverlap(denial.denial.itemDescription, facts.itemText);
        const sameDestination = denial.denial.destination === facts.destination;
        const essentiallyIdentical = sameDestination && (shared.length > 0 || overlap >= 0.4);
        const candidate: DenialMatch = {
          sender: denial.sender,
          reference: denial.reference,
          party: {
            applicationName: party.name,
            deniedName: owner.name,
            role: owner.role,
            score: Math.round(match.score * 1000) / 1000,
          },
          sameDestination,
          sharedControlEntries: shared,
          itemOverlap: Math.round(overlap * 100) / 100,
          essentiallyIdentical,
          because: [
            `${party.role} "${party.name}" matches the denied ${owner.role} "${owner.name}" (${match.score.toFixed(2)})`,
            sameDestination
              ? `same destination ${facts.destination}`
              : `other destination (${denial.denial.destination})`,
            shared.length > 0
              ? `same control entries ${shared.join(', ')}`
              : `item words in common ${Math.round(overlap * 100)}%`,
          ].join('; '),
        };
        const previous = best.get(denial);
        if (
          previous === undefined ||
          (candidate.essentiallyIdentical && !previous.essentiallyIdentical) ||
          (candidate.essentiallyIdentical === previous.essentiallyIdentical &&
            candidate.party.score > previous.party.score)
        ) {
          best.set(denial, candidate);
        }
      }
    }
  }
  return [...best.values()];
}
