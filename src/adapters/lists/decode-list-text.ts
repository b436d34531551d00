import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ParseProblem } from './list-parse-types.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The text of a list file, which must be UTF-8 (OFAC's ASCII files are). A byte sequence that is
 * not UTF-8 fails with its byte offset and line: silently replacing it would change names that
 * screening compares. A byte-order mark is dropped.
 */
export function decodeListText(name: string, bytes: Uint8Array): Result<string, ParseProblem> {
  try {
    return ok(decoder.decode(bytes));
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    let line = 1;
    for (let k = 0; k < offset; k += 1) if (bytes[k] === 10) line += 1;
    const found = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return err({
      file: name,
      line,
      message: `byte 0x${found} at offset ${offset} is not valid UTF-8; expected a UTF-8 (or ASCII) text file`,
    });
  }
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k] ?? 0;
    if (b < 0x80) {
      k += 1;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return k;
    // The second byte's range excludes overlong forms, surrogates and code points over U+10FFFF.
    min = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    if (b === 0xed) max = 0x9f;
    if (b === 0xf4) max = 0x8f;
    for (let j = 1; j <= need; j += 1) {
      const c = bytes[k + j];
      if (c === undefined || c < min || c > max) return k;
      min = 0x80;
      max = 0xbf;
    }
    k += need + 1;
  }
  return bytes.length;
}
