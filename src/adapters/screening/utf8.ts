/**
 * Where UTF-8 validation of a chunk stopped: `valid` up to `length`, `invalid` at `offset`, or
 * `incomplete` when the chunk ends inside a character that the next chunk may complete.
 */
export type Utf8Check =
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid'; readonly offset: number }
  | { readonly kind: 'incomplete'; readonly offset: number };

/**
 * Validates UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF) and reports the
 * first bad byte, so that a non-UTF-8 file is refused with the line it goes wrong on.
 */
export function checkUtf8(bytes: Uint8Array): Utf8Check {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return { kind: 'invalid', offset: i };
    if (i + need >= n) {
      // Fewer bytes left than the character needs: valid so far only if they are continuations.
      for (let k = i + 1; k < n; k += 1)
        if (((bytes[k] ?? 0) & 0xc0) !== 0x80) return { kind: 'invalid', offset: i };
      return { kind: 'incomplete', offset: i };
    }
    let code = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return { kind: 'invalid', offset: i };
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return { kind: 'invalid', offset: i };
    i += need + 1;
  }
  return { kind: 'valid' };
}
