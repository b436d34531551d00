import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../domain/people/password-policy.ts';
import { commonPasswordList } from './common-password-list.ts';

describe(commonPasswordList.name, () => {
  it('loads the shipped list with its best-known entries', () => {
    const list = commonPasswordList();
    expect(list.size).toBeGreaterThan(40_000);
    for (const common of ['123456', 'password', 'qwerty', 'letmein', 'trustno1']) {
      expect(list.has(common), common).toBe(true);
    }
  });

  it('makes the password policy refuse common passwords dressed up, and accept a passphrase', () => {
    const list = commonPasswordList();
    for (const weak of ['Password2024!', 'p4ssw0rd12345', 'letmeinletmein', 'qwertyuiop123']) {
      expect(passwordProblems(weak, { username: 'alice' }, list), weak).toContain(
        'is a common password (or one with digits or symbols added): choose another',
      );
    }
    expect(passwordProblems('aaaaaaaaaaaa', { username: 'alice' }, list)).toContain(
      'must use at least 5 different characters',
    );
    expect(passwordProblems('alice-in-the-garden', { username: 'alice' }, list)).toEqual([
      'must not contain the username or name',
    ]);
    expect(passwordProblems('heron lantern quietly 7', { username: 'alice' }, list)).toEqual([]);
  });
});
