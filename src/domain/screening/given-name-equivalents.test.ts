import { describe, expect, it } from 'vitest';
import { sameGivenName, sameGivenNameCandidates } from './given-name-equivalents.ts';
import { crossLanguageGroups, nicknameGroups, nicknamePairs } from './given-name-groups.ts';

const allTables = [...nicknameGroups, ...nicknamePairs, ...crossLanguageGroups];

describe(sameGivenName.name, () => {
  it('holds the commonest equivalences: hypocorisms and the same name across languages', () => {
    expect(sameGivenName('bob', 'robert')).toBe(true);
    expect(sameGivenName('juan', 'john')).toBe(true);
    expect(sameGivenName('ivan', 'john')).toBe(true);
    expect(sameGivenName('mohammed', 'muhammad')).toBe(true);
    expect(sameGivenName('yusuf', 'joseph')).toBe(true);
    // The Arabic David, as Hindi and Urdu write it (दाऊद, daud) and as lists spell it.
    expect(sameGivenName('daud', 'dawood')).toBe(true);
    expect(sameGivenName('davud', 'david')).toBe(true);
    expect(sameGivenName('ted', 'theodore')).toBe(true);
  });

  it('is symmetric for every name of every table', () => {
    for (const row of allTables) {
      const names = row.split(' ');
      for (const a of names)
        for (const b of names)
          if (a !== b) expect([a, b, sameGivenName(b, a)]).toEqual([a, b, true]);
    }
  });

  it('does not make two names equivalent through a nickname they share', () => {
    expect(sameGivenName('ted', 'edward')).toBe(true);
    expect(sameGivenName('ted', 'theodore')).toBe(true);
    expect(sameGivenName('edward', 'theodore')).toBe(false);
    expect(sameGivenName('al', 'albert')).toBe(true);
    expect(sameGivenName('albert', 'alfred')).toBe(false);
  });

  it('keeps no entry that only an evaluation pair needed (Bibi for Benjamin, Barry for Barack)', () => {
    expect(sameGivenName('bibi', 'benjamin')).toBe(false);
    expect(sameGivenName('barry', 'barack')).toBe(false);
    expect(allTables.some((row) => row.split(' ').includes('bibi'))).toBe(false);
    expect(allTables.some((row) => row.split(' ').includes('barack'))).toBe(false);
  });

  it('is false for a name and itself, for different names and for unknown names', () => {
    expect(sameGivenName('robert', 'robert')).toBe(false);
    expect(sameGivenName('tom', 'tim')).toBe(false);
    expect(sameGivenName('qwzx', 'robert')).toBe(false);
  });
});

describe(sameGivenNameCandidates.name, () => {
  it('gives every other form of a name, and every full name of a shared nickname', () => {
    expect(sameGivenNameCandidates('juan')).toEqual(expect.arrayContaining(['john', 'ivan']));
    expect(sameGivenNameCandidates('ted')).toEqual(
      expect.arrayContaining(['edward', 'theodore', 'teddy']),
    );
    expect(sameGivenNameCandidates('ted')).not.toContain('ted');
  });

  it('gives no candidates for an unknown name', () => {
    expect(sameGivenNameCandidates('qwzx')).toEqual([]);
  });
});
