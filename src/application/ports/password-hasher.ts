/** Hashes and checks passwords with a slow, salted key-derivation function (scrypt). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}
