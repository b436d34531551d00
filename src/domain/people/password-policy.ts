/**
 * What a password must be, after NIST SP 800-63B: long enough, not one of the passwords attackers
 * try first, and not the account's own name. No composition rules (they make passwords harder to
 * remember, not to guess).
 */
export const passwordRules = { minLength: 12, maxLength: 256, minDistinctCharacters: 5 } as const;

const leet: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** The repeated unit of a string made of one unit repeated (`abcabc` -> `abc`), else the string. */
function repeatedUnit(text: string): string {
  for (let size = 1; size <= text.length / 2; size += 1) {
    if (text.length % size !== 0) continue;
    const unit = text.slice(0, size);
    if (unit.repeat(text.length / size) === text) return unit;
  }
  return text;
}

/**
 * The forms of a password that are looked up in the list of common passwords: as typed (in lower
 * case), without the digits and symbols added before or after, with look-alike digits read as
 * letters, and the unit of a repetition.
 */
export function commonPasswordCandidates(password: string): readonly string[] {
  const lower = password.toLowerCase();
  const stripped = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const forms = new Set<string>();
  for (const form of [lower, stripped]) {
    forms.add(form);
    forms.add(repeatedUnit(form));
    const readable = form.replace(/[0134579@$!]/g, (c) => leet[c] ?? c);
    forms.add(readable);
    forms.add(repeatedUnit(readable));
  }
  forms.delete('');
  return [...forms];
}

/**
 * Every reason a new password is refused, or none. `common` holds the shipped list of common and
 * breached passwords, in lower case.
 *
 * @example
 * passwordProblems('Password2024!', { username: 'alice' }, common)
 * // ['is a common password (or one with digits or symbols added): choose another']
 */
export function passwordProblems(
  password: string,
  account: { readonly username: string; readonly displayName?: string },
  common: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const length = Array.from(password).length;
  if (length < passwordRules.minLength) {
    problems.push(`must have at least ${String(passwordRules.minLength)} characters`);
  }
  if (length > passwordRules.maxLength) {
    problems.push(`must have at most ${String(passwordRules.maxLength)} characters`);
  }
  if (new Set(password.toLowerCase()).size < passwordRules.minDistinctCharacters) {
    problems.push(
      `must use at least ${String(passwordRules.minDistinctCharacters)} different characters`,
    );
  }
  if (commonPasswordCandidates(password).some((form) => common.has(form))) {
    problems.push('is a common password (or one with digits or symbols added): choose another');
  }
  const lower = password.toLowerCase();
  // The username, and the display name as a whole (its single words would refuse too much).
  const names = [account.username, account.displayName ?? '']
    .map((n) => n.toLowerCase().trim())
    .filter((n) => n.length >= 3);
  if (names.some((name) => lower.includes(name))) {
    problems.push('must not contain the username or name');
  }
  return problems;
}
