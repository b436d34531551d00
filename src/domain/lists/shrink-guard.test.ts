import { describe, expect, it } from 'vitest';
import { shrinkVerdict, truncationEvidence } from './shrink-guard.ts';

const ids = (n: number, prefix = 'e') =>
  new Set(Array.from({ length: n }, (_, i) => `${prefix}${String(i)}`));
const policy = { maxRemovedShare: 0.1 };

describe(shrinkVerdict.name, () => {
  it('lets a list lose up to the share, and asks for a reason beyond it', () => {
    expect(shrinkVerdict(ids(100), ids(90), undefined, policy)).toEqual({
      kind: 'ok',
      removed: 10,
    });
    expect(shrinkVerdict(ids(100), ids(89), undefined, policy)).toMatchObject({
      kind: 'needs-reason',
      removed: 11,
      message: expect.stringMatching(
        /remove 11 of the 100 active entries \(11%; the limit is 10%\)/,
      ) as unknown,
    });
    // Entries replaced by others count as removed, whatever the count says.
    expect(shrinkVerdict(ids(100), ids(100, 'x'), undefined, policy)).toMatchObject({
      removed: 100,
    });
    expect(shrinkVerdict(undefined, ids(3), undefined, policy)).toEqual({ kind: 'ok', removed: 0 });
  });

  it('asks for a reason when the file looks cut short, whatever the share', () => {
    expect(shrinkVerdict(ids(100), ids(100), 'dpl.txt ends mid-row', policy)).toMatchObject({
      kind: 'needs-reason',
      truncation: 'dpl.txt ends mid-row',
    });
  });
});

describe(truncationEvidence.name, () => {
  it('names a file that ends mid-line when that last line was skipped', () => {
    const cut = new TextEncoder().encode('header\nrow one\n"row tw');
    expect(
      truncationEvidence(
        [{ name: 'dpl.txt', bytes: cut }],
        [{ file: 'dpl.txt', line: 3, message: 'cut' }],
      ),
    ).toMatch(/dpl\.txt ends without a line break and its last line \(3\)/);
    const whole = new TextEncoder().encode('header\nrow one\n');
    expect(
      truncationEvidence(
        [{ name: 'dpl.txt', bytes: whole }],
        [{ file: 'dpl.txt', line: 2, message: 'bad' }],
      ),
    ).toBeUndefined();
  });
});
