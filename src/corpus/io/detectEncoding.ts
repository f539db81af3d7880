import chardet from 'chardet';
import iconv from 'iconv-lite';

/** How a document that is not UTF-8 is to be read, and why, for the message on standard error. */
export interface EncodingChoice {
  /** iconv-lite's name for it. */
  encoding: string;
  /** Why: `byte-order mark`, `NUL bytes every other byte`, `detected, 56% confidence`, ... */
  reason: string;
}

const SAMPLE_BYTES = 64 * 1024;

/** Byte-order marks, longest first (the UTF-32LE mark begins with the UTF-16LE one). */
const BOMS: Array<[number[], string]> = [
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** A byte-order mark of UTF-16 or UTF-32 at the start, which settles the question. */
export function encodingFromBom(bytes: Uint8Array): EncodingChoice | null {
  for (const [mark, encoding] of BOMS) {
    if (mark.every((b, i) => bytes[i] === b)) return { encoding, reason: 'byte-order mark' };
  }
  return null;
}

/**
 * UTF-16 without a byte-order mark: text that is mostly Latin script has a NUL in every other byte,
 * on the odd side for little-endian and the even side for big-endian. Binary files have NULs too, but
 * not in such a regular pattern.
 */
export function utf16WithoutBom(bytes: Uint8Array): EncodingChoice | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  const reason = 'NUL bytes every other byte';
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return { encoding: 'utf-16le', reason };
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return { encoding: 'utf-16be', reason };
  return null;
}

/** chardet's names that iconv-lite spells differently or that are better read as a superset. */
const ALIASES: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  GB18030: 'gb18030',
  'ISO-2022-JP': 'iso-2022-jp',
};

/**
 * Below this confidence (chardet's 0–100) a guess is not trusted to decode a file. Measured on one
 * sentence each in 12 code pages and on words and noise: every wrong guess scored 27 or less (`Москва`
 * in cp1251 is "Big5, 10%", Ukrainian cp1251 "windows-1255, 27%", random bytes 3–8%), while right ones
 * mostly score 50–90, a few less; refusing those costs a flag, reading the others would print garbage.
 */
export const MIN_CONFIDENCE = 30;

/** A guess at a legacy encoding, with chardet's confidence in it. */
export interface EncodingGuess extends EncodingChoice {
  confidence: number;
}

/**
 * Guesses the legacy encoding of bytes that are not UTF-8, with chardet's statistics. Latin-1 is read
 * as windows-1252, its superset in practice (browsers do the same), so that 0x80–0x9F become the
 * quotes and dashes they almost always are. Without any guess, windows-1252 at confidence 0: it decodes
 * every byte. Whether a guess is good enough is the caller's decision (`MIN_CONFIDENCE`).
 */
export function detectLegacyEncoding(bytes: Uint8Array): EncodingGuess {
  const sample = bytes.length > SAMPLE_BYTES ? bytes.subarray(0, SAMPLE_BYTES) : bytes;
  for (const match of chardet.analyse(sample)) {
    const encoding = ALIASES[match.name] ?? match.name;
    if (/^utf-?8$/i.test(encoding) || /^ascii$/i.test(encoding) || !iconv.encodingExists(encoding)) continue;
    return { encoding, reason: `detected, ${match.confidence}% confidence`, confidence: match.confidence };
  }
  return { encoding: 'windows-1252', reason: 'no guess; windows-1252 decodes every byte', confidence: 0 };
}

/** Decodes with iconv-lite, dropping a byte-order mark. */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}
