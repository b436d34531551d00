import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthLargest } from './candidate-generation.ts';

describe(kthLargest.name, () => {
  it('is the k-th value of the estimates sorted largest first, ties and all', () => {
    fc.assert(
      fc.property(
        // Few distinct values, so that ties (the common case for estimates) are frequent.
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (levels, pick) => {
          const estimates = Float32Array.from(levels, (level) => 0.5 + level / 24);
          // Names in a shuffled order, as candidate generation meets them.
          const names = levels.map((_, i) => (i * 7919) % levels.length);
          const unique = [...new Set(names)];
          const k = 1 + (pick % unique.length);
          const sorted = unique.map((name) => estimates[name] ?? 0).sort((a, b) => b - a);
          const values = new Float64Array(unique.length);
          expect(kthLargest(estimates, unique, k, values)).toBe(sorted[k - 1]);
        },
      ),
    );
  });
});
