import { describe, expect, it } from 'vitest';
import { sameSecret } from './same-secret.ts';

describe(sameSecret.name, () => {
  it('accepts the same secret', () => {
    expect(sameSecret('c2VjcmV0LXRva2Vu', 'c2VjcmV0LXRva2Vu')).toBe(true);
  });

  it('refuses a different secret of the same length, a prefix, a longer one and an empty one', () => {
    expect(sameSecret('c2VjcmV0LXRva2Vv', 'c2VjcmV0LXRva2Vu')).toBe(false);
    expect(sameSecret('c2VjcmV0', 'c2VjcmV0LXRva2Vu')).toBe(false);
    expect(sameSecret('c2VjcmV0LXRva2Vu-and-more', 'c2VjcmV0LXRva2Vu')).toBe(false);
    expect(sameSecret('', 'c2VjcmV0LXRva2Vu')).toBe(false);
  });

  it('refuses a missing header and a header sent twice', () => {
    expect(sameSecret(undefined, 'c2VjcmV0LXRva2Vu')).toBe(false);
    expect(sameSecret(['c2VjcmV0LXRva2Vu', 'c2VjcmV0LXRva2Vu'], 'c2VjcmV0LXRva2Vu')).toBe(false);
  });
});
