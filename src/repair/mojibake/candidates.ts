import { highByteChars } from './codecs.js';

/**
 * Mojibake consists of characters that stand for bytes 0x80–0xFF in some code page, plus U+FFFD. Text
 * without any of them (most English text, most text in non-Latin scripts outside these code pages) is
 * skipped with one regex test.
 */
const CANDIDATE_CHARS = [...highByteChars([0x80, 0xff]), '\ufffd'].filter((c) => c.charCodeAt(0) >= 0x80);
export const HAS_CANDIDATE = new RegExp(`[${rangesOf(CANDIDATE_CHARS)}]`);

/** Compresses a set of BMP characters into regex ranges, to keep the pre-check regex small. */
function rangesOf(chars: readonly string[]): string {
  const codes = [...new Set(chars.map((c) => c.charCodeAt(0)))].sort((a, b) => a - b);
  const hex = (n: number): string => `\\u${n.toString(16).padStart(4, '0')}`;
  let out = '';
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++;
    out += j > i ? `${hex(codes[i]!)}-${hex(codes[j]!)}` : hex(codes[i]!);
    i = j + 1;
  }
  return out;
}
