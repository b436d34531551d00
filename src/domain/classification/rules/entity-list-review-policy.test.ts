import { describe, expect, it } from 'vitest';
import { entityListReview } from './entity-list-review-policy.ts';

const xinjiang =
  'Case-by-case review for ECCNs 1A004.c, 1A004.d, 1A995, 1A999.a, 1D003, 2A983, 2D983, and 2E983, and for EAR99 items described in the Note to ECCN 1A995; case-by-case review for items necessary to detect, identify and treat infectious disease; and presumption of denial for all other items subject to the EAR';

describe(entityListReview.name, () => {
  it('reviews an ECCN the entry names case by case, and every other item with a presumption of denial', () => {
    expect(entityListReview(xinjiang, ['1A004.c'], false).review).toBe('case-by-case');
    expect(entityListReview(xinjiang, ['6A003.b.4'], false)).toMatchObject({
      review: 'presumption-of-denial',
      why: expect.stringContaining('6A003.b.4'),
    });
    expect(entityListReview(xinjiang, [], true).review).toBe('presumption-of-denial');
  });

  it('cannot apply a policy that depends on the ECCN when the item has none on record', () => {
    expect(entityListReview(xinjiang, [], false).review).toBe('unknown');
  });

  it('reads a policy of denial, a plain presumption, and CCL versus EAR99 policies', () => {
    expect(
      entityListReview(
        'Policy of denial for all items subject to the EAR apart from food and medicine designated as EAR99, which will be reviewed on a case-by-case basis. See §§ 746.8(b) and 744.21(e)',
        ['5A002'],
        false,
      ).review,
    ).toBe('denial');
    expect(entityListReview('Presumption of denial', ['5A002'], false).review).toBe(
      'presumption-of-denial',
    );
    const ccl =
      'Case-by-case for all items listed on the CCL. Presumption of approval for EAR99 items';
    expect(entityListReview(ccl, ['5A002'], false).review).toBe('case-by-case');
    expect(entityListReview(ccl, [], true).review).toBe('presumption-of-approval');
  });

  it('reverses the lists of "presumption of denial except case-by-case for items not described in"', () => {
    const policy =
      'Presumption of denial except case-by-case for items not described in ECCN 3B001.a.4, .c, .d, f.1.b.2, .k to .p; 3B002.c, 3B993, or 3B994';
    expect(entityListReview(policy, ['3B993'], false).review).toBe('presumption-of-denial');
    expect(entityListReview(policy, ['5A002'], false).review).toBe('case-by-case');
  });

  it('says it cannot tell when the entry refers to another section', () => {
    expect(entityListReview('See § 744.2(d) of the EAR', ['5A002'], false)).toMatchObject({
      review: 'unknown',
      why: expect.stringContaining('744.2(d)'),
    });
  });
});
