import type { ReviewOutcome } from '../licence-query.ts';

/** What an Entity List entry's licence review policy means for one item, and why. */
export interface ItemReview {
  readonly review: ReviewOutcome;
  readonly why: string;
}

/** ECCN-like tokens in a review policy text: `1A004.c`, `3B001.a.4`, `2E983`. */
const eccnsIn = (text: string): readonly string[] =>
  [...text.matchAll(/\b[0-9][A-E][0-9]{3}(?:\.[a-z0-9]+)*\b/g)].map((m) => m[0]);

/** True when the item's ECCN falls within a listed ECCN or paragraph (`3B001.a.4.b` within `3B001.a.4`). */
const within = (eccn: string, listed: readonly string[]): boolean => {
  const e = eccn.toLowerCase();
  return listed.some((raw) => {
    const l = raw.toLowerCase();
    return e === l || e.startsWith(`${l}.`) || l.startsWith(`${e}.`);
  });
};

/**
 * Applies an Entity List entry's licence review policy (the column of 15 CFR 744 Supp. No. 4, as
 * imported) to one item, from the item's ECCNs (or EAR99). The policies name ECCNs reviewed case
 * by case and a presumption of denial "for all other items", or the reverse; some refer to a
 * section (`See § 744.2(d)`), which Cordon does not model: `unknown`, with the reason.
 *
 * @example
 * entityListReview('Case-by-case review for ECCNs 1A004.c, 1A004.d ...; and presumption of denial for all other items subject to the EAR', ['1A004.c'], false)
 * // { review: 'case-by-case', why: '1A004.c is among the ECCNs the entry reviews case by case' }
 * entityListReview(same, ['6A003.b.4'], false) // { review: 'presumption-of-denial', ... }
 */
export function entityListReview(
  policy: string,
  eccns: readonly string[],
  isEar99: boolean,
): ItemReview {
  const text = policy.trim();
  const lower = text.toLowerCase();
  const known = eccns.length > 0 || isEar99;
  const what = eccns.join(', ') || (isEar99 ? 'EAR99' : 'the item');
  if (/^see §/i.test(text)) {
    return {
      review: 'unknown',
      why: `the entry's review policy refers to another section ("${text}"), which Cordon does not model`,
    };
  }
  if (lower.startsWith('policy of denial')) {
    return {
      review: 'denial',
      why: `the entry's review policy is a policy of denial${lower.includes('food and medicine') ? ' (only food and medicine designated EAR99 are reviewed case by case)' : ''}`,
    };
  }
  if (/case-by-case (review )?for all items (listed )?on the ccl/.test(lower)) {
    if (eccns.length > 0)
      return { review: 'case-by-case', why: `${what} is on the CCL: reviewed case by case` };
    if (isEar99)
      return { review: 'presumption-of-approval', why: 'EAR99 items: presumption of approval' };
    return { review: 'unknown', why: 'the review depends on whether the item is on the CCL' };
  }
  const exceptCase =
    /presumption of denial except case-by-case for items not described in (.*)/.exec(lower);
  if (exceptCase) {
    const listed = eccnsIn(text.slice(text.toLowerCase().indexOf('not described in')));
    if (!known)
      return { review: 'unknown', why: "the review depends on the item's ECCN, not on record" };
    return eccns.some((e) => within(e, listed))
      ? {
          review: 'presumption-of-denial',
          why: `${what} is among the ECCNs reviewed with a presumption of denial`,
        }
      : {
          review: 'case-by-case',
          why: `${what} is not among the ECCNs the entry presumes denial for`,
        };
  }
  if (
    lower.startsWith('case-by-case review for') &&
    lower.includes('presumption of denial for all other items')
  ) {
    const caseClause = text.slice(0, lower.indexOf('presumption of denial for all other items'));
    const listed = eccnsIn(caseClause);
    if (eccns.some((e) => within(e, listed)))
      return {
        review: 'case-by-case',
        why: `${eccns.join(', ')} is among the ECCNs the entry reviews case by case`,
      };
    if (
      /category 5 part 1 or category 5 part 2/i.test(caseClause) &&
      eccns.some((e) => e.startsWith('5'))
    ) {
      return {
        review: 'case-by-case',
        why: `${what} is in Category 5: reviewed case by case if it is telecommunications infrastructure (presumption of denial otherwise)`,
      };
    }
    if (!known)
      return {
        review: 'unknown',
        why: "the review depends on the item's ECCN, which is not on record",
      };
    return {
      review: 'presumption-of-denial',
      why: `${what} is not among the items the entry reviews case by case: presumption of denial`,
    };
  }
  if (lower.startsWith('presumption of denial'))
    return {
      review: 'presumption-of-denial',
      why: "the entry's review policy is a presumption of denial",
    };
  if (lower.startsWith('case-by-case'))
    return { review: 'case-by-case', why: "the entry's review policy is case by case" };
  return { review: 'unknown', why: `Cordon cannot read the review policy "${text}"` };
}
