/** Random identifiers and secrets from a cryptographic source. */
export interface SecretGenerator {
  /** A short, URL-safe identifier (alphanumeric). */
  id(): string;
  /** A high-entropy secret (at least 256 bits, base64url). */
  secret(): string;
  /** A password a person can type once (for the first administrator). */
  password(): string;
}
