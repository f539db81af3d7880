import { codecByName } from './codecs.js';
import type { DoubleByteRepair } from './doubleByte.js';

/**
 * UTF-16LE read as Latin-1 or windows-1252: every character became two, its low byte and its high byte.
 * Latin-1 text gets a NUL after each letter (`H\0i\0`), kana and CJK punctuation a `0` (0x30: `データ`
 * is `Ç0ü0¿0`). Those two high bytes are the evidence; other scripts' high bytes are ordinary letters
 * and are left alone.
 */

const WINDOWS_1252 = codecByName('windows-1252');

/** Cheap screen: a NUL, or a `0` right after a character outside ASCII. */
function maybeUtf16(text: string): boolean {
  if (text.includes('\u0000')) return true;
  // From the zeros, which are fewer than the characters outside ASCII in any text that has many of those.
  for (let i = text.indexOf('0', 1); i !== -1; i = text.indexOf('0', i + 1)) if (text.charCodeAt(i - 1) >= 0x80) return true;
  return false;
}
const MIN_KANA_PAIRS = 3;
const MIN_NUL_PAIRS = 2;

export function fixUtf16AsLatin1(text: string): DoubleByteRepair[] {
  if (!maybeUtf16(text)) return [];
  const repairs: DoubleByteRepair[] = [];
  let i = 0;
  while (i + 1 < text.length) {
    const run = runAt(text, i);
    if (run) {
      repairs.push(run);
      i = run.end;
    } else {
      i++;
    }
  }
  return repairs;
}

/** The longest run of pairs starting at `start`, if it is long and clear enough. */
function runAt(text: string, start: number): DoubleByteRepair | null {
  const high = text.charCodeAt(start + 1);
  if (high !== 0 && high !== 0x30) return null;
  let out = '';
  let i = start;
  let pairs = 0;
  let highLow = 0;
  let kana = 0;
  while (i + 1 < text.length && text.charCodeAt(i + 1) === high) {
    const low = byteOf(text.charCodeAt(i));
    // A control character is not text, in either reading.
    if (low === null || (low < 0x20 && low !== 0x09 && low !== 0x0a && low !== 0x0d)) break;
    if (low >= 0x80) highLow++;
    const code = (high === 0 ? 0 : 0x30) * 256 + low;
    if (isKana(code)) kana++;
    out += String.fromCharCode(code);
    pairs++;
    i += 2;
  }
  if (high === 0 ? pairs < MIN_NUL_PAIRS : !kanaRun(pairs, kana, highLow)) return null;
  return { start, end: i, text: out, chain: ['encode windows-1252', 'decode utf-16le'] };
}

/**
 * Pairs with a `0` high byte decode into U+3000–U+30FF, but only kana letters are evidence: digits and
 * dashes before a `0` are numbers (`2000–01` would read `〲〰ゖ1`), and give CJK symbols, marks that
 * run text hardly uses, or holes in the block. A real run of kana is kana nearly throughout.
 */
function kanaRun(pairs: number, kana: number, highLow: number): boolean {
  return highLow > 0 && kana >= MIN_KANA_PAIRS && kana * 4 >= pairs * 3;
}

/** Hiragana and katakana letters and marks, without the block's unassigned U+3040, U+3097 and U+3098. */
function isKana(code: number): boolean {
  return (code >= 0x3041 && code <= 0x3096) || (code >= 0x3099 && code <= 0x30ff);
}

/** The byte a character of Latin-1 or windows-1252 stands for. */
function byteOf(code: number): number | null {
  if (code < 0x100) return code;
  return WINDOWS_1252.encode.get(code) ?? null;
}
