/** Computes content hashes (SHA-256, lower-case hex) of bytes and strings. */
export interface ContentHasher {
  sha256(content: Uint8Array | string): string;
}
