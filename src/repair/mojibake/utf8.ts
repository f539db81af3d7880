import { isUtf8 } from 'node:buffer';

/** Byte 0x1A (SUB) stands for a byte lost before we saw the text (U+FFFD, encoded). */
export const LOST_BYTE = 0x1a;

/**
 * A UTF-8 decoder that accepts the variants mojibake carries: CESU-8 (an astral character written as two
 * encoded surrogates, as Java and old MySQL do) and Java's modified UTF-8 (NUL as C0 80). Anything else
 * that is not well-formed makes the whole decode fail: a failed decode is the main evidence against a
 * candidate repair, so nothing is replaced on the way.
 */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8Variants(bytes: Uint8Array): string | null {
  // Without ED or C0 lead bytes there is no variant to handle: the native decoder is much faster.
  // isUtf8 answers without throwing: most candidate decodings fail, and exceptions are slow.
  if (bytes.indexOf(0xed) < 0 && bytes.indexOf(0xc0) < 0) return isUtf8(bytes) ? strict.decode(bytes) : null;
  let out = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      // Fast path for ASCII runs.
      let j = i + 1;
      while (j < n && bytes[j]! < 0x80) j++;
      out += String.fromCharCode(...bytes.subarray(i, j));
      i = j;
      continue;
    }
    if (b === 0xc0 && bytes[i + 1] === 0x80) {
      out += '\u0000';
      i += 2;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      const c1 = bytes[i + 1];
      if (!isCont(c1)) return null;
      out += String.fromCharCode(((b & 0x1f) << 6) | (c1! & 0x3f));
      i += 2;
      continue;
    }
    if (b >= 0xe0 && b <= 0xef) {
      const c1 = bytes[i + 1];
      const c2 = bytes[i + 2];
      if (!isCont(c1) || !isCont(c2)) return null;
      const cp = ((b & 0x0f) << 12) | ((c1! & 0x3f) << 6) | (c2! & 0x3f);
      if (cp < 0x800) return null;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        // CESU-8: a high surrogate must be followed by an encoded low surrogate.
        if (bytes[i + 3] !== 0xed) return null;
        const d1 = bytes[i + 4];
        const d2 = bytes[i + 5];
        if (!isCont(d1) || !isCont(d2) || d1! < 0xb0) return null;
        const low = 0xd000 | ((d1! & 0x3f) << 6) | (d2! & 0x3f);
        out += String.fromCharCode(cp, low);
        i += 6;
        continue;
      }
      if (cp >= 0xdc00 && cp <= 0xdfff) return null;
      out += String.fromCharCode(cp);
      i += 3;
      continue;
    }
    if (b >= 0xf0 && b <= 0xf4) {
      const c1 = bytes[i + 1];
      const c2 = bytes[i + 2];
      const c3 = bytes[i + 3];
      if (!isCont(c1) || !isCont(c2) || !isCont(c3)) return null;
      const cp = ((b & 0x07) << 18) | ((c1! & 0x3f) << 12) | ((c2! & 0x3f) << 6) | (c3! & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return null;
      out += String.fromCodePoint(cp);
      i += 4;
      continue;
    }
    return null;
  }
  return out;
}

function isCont(b: number | undefined): boolean {
  return b !== undefined && b >= 0x80 && b <= 0xbf;
}

/** Bytes a UTF-8 sequence needs in total after lead byte `b` (0 for a non-lead byte). */
export function sequenceLength(b: number): number {
  if (b >= 0xc0 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}
