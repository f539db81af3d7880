import chardet from 'chardet';
import iconv from 'iconv-lite';
import { codecByName, encodeBytes } from './codecs.js';
import { decodeUtf8Variants } from './utf8.js';

/**
 * Mojibake between UTF-8 and the double-byte code pages of East Asia. Single-byte mojibake gives itself
 * away by pairs of odd characters; here the evidence is statistical, so each repair needs two
 * independent agreements: the bytes must decode cleanly into East Asian text, and a character-frequency
 * detector (chardet) must name the same code page with confidence, or the byte pattern must be one that
 * correct text practically never has.
 */

export interface DoubleByteRepair {
  start: number;
  end: number;
  text: string;
  chain: string[];
}

const WINDOWS_1252 = codecByName('windows-1252');

/** The characters windows-1252 makes of bytes 0x80–0xFF, by code unit. */
const HIGH = new Uint8Array(0x10000);
for (const c of WINDOWS_1252.decode.slice(0x80)) HIGH[c.charCodeAt(0)] = 1;
const MIN_HIGH_CHARS = 4;
const TWO_NON_ASCII = /[^\u0000-\u007f]{2}/;
const NEXT_NON_ASCII = /[^\u0000-\u007f]/g;

/*
 * The scanners below walk forward once and never look back, so their cost is linear in the text. They
 * replace regular expressions with a repeated group, which V8 runs with a backtracking stack that
 * overflows ("Maximum call stack size exceeded") on a stretch of a few megabytes.
 */

/**
 * Non-ASCII stretches of `text`, joined across one or two ASCII characters (trail bytes, single spaces),
 * as [start, end) pairs.
 */
function* nonAsciiStretches(text: string): Generator<[number, number]> {
  const n = text.length;
  NEXT_NON_ASCII.lastIndex = 0;
  while (NEXT_NON_ASCII.test(text)) {
    const start = NEXT_NON_ASCII.lastIndex - 1;
    let end = skipNonAscii(text, start);
    for (;;) {
      if (end + 1 < n && text.charCodeAt(end + 1) >= 0x80) end = skipNonAscii(text, end + 1);
      else if (end + 2 < n && text.charCodeAt(end + 1) < 0x80 && text.charCodeAt(end + 2) >= 0x80) end = skipNonAscii(text, end + 2);
      else break;
    }
    yield [start, end];
    NEXT_NON_ASCII.lastIndex = end;
  }
}

function skipNonAscii(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) >= 0x80) i++;
  return i;
}

/**
 * Runs of double-byte text read as windows-1252 in `text` from `from` to `to`: high characters, with the
 * ASCII-range trail bytes Shift_JIS and Big5 use (0x40–0x7E) allowed right after a high character, and
 * single spaces between.
 */
function* legacyRuns(text: string, from: number, to: number): Generator<{ index: number; 0: string }> {
  const units = (j: number): number => {
    while (j < to && HIGH[text.charCodeAt(j)]) {
      j++;
      const c = text.charCodeAt(j);
      if (j < to && c >= 0x40 && c <= 0x7e) j++;
    }
    return j;
  };
  for (let i = from; i < to; ) {
    if (!HIGH[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    let end = units(i);
    while (end + 1 < to && text.charCodeAt(end) === 0x20 && HIGH[text.charCodeAt(end + 1)]) end = units(end + 1);
    yield { index: i, 0: text.slice(i, end) };
    i = end;
  }
}

/**
 * Matches of a global `pattern` (one without repeated groups) that lie in non-ASCII stretches of `text`
 * (plus one character after each), with indexes into `text`. Mostly-ASCII text is scanned for its
 * stretches first instead of by the elaborate pattern.
 */
function* matchesNearNonAscii(text: string, pattern: RegExp): Generator<{ index: number; 0: string }> {
  for (const [start, end] of nonAsciiStretches(text)) {
    const slice = text.slice(start, end + 1);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) yield { index: start + m.index, 0: m[0] };
  }
}

/** `legacyRuns` within the non-ASCII stretches of `text` (plus one character after each). */
function* legacyRunsNearNonAscii(text: string): Generator<{ index: number; 0: string }> {
  for (const [start, end] of nonAsciiStretches(text)) yield* legacyRuns(text, start, Math.min(end + 1, text.length));
}

/** chardet's names for the code pages handled here, and iconv-lite's name for each. */
const LEGACY_CJK: Record<string, string> = { GB18030: 'gb18030', Big5: 'big5', Shift_JIS: 'shift_jis', 'EUC-KR': 'euc-kr', 'EUC-JP': 'euc-jp' };
const MIN_CONFIDENCE = 50;

const EAST_ASIAN = /[\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/g;
const NOT_TEXT = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/;

/**
 * GBK, Big5, Shift_JIS or EUC-KR text whose bytes were read as windows-1252 or Latin-1 (`ÄãºÃ` for
 * 你好). Only runs of at least four high characters are considered: correct Latin text does not string
 * four accented letters and symbols together.
 */
export function fixLegacyCjkAsLatin1(text: string): DoubleByteRepair[] {
  // Every such run has two adjacent non-ASCII characters; this plain test is much cheaper than the scan for runs.
  if (!TWO_NON_ASCII.test(text)) return [];
  const repairs: DoubleByteRepair[] = [];
  const short: Array<{ index: number; 0: string }> = [];
  for (const found of legacyRunsNearNonAscii(text)) {
    const [start, end] = withoutTypography(text, found.index, found.index + found[0].length);
    if (end <= start) continue;
    const m = start === found.index && end === found.index + found[0].length ? found : { index: start, 0: text.slice(start, end) };
    let run = m[0];
    // A trailing ASCII character was taken as a trail byte only if the run needs it.
    const highCount = run.replace(/[\u0000-\u007f]/g, '').length;
    if (highCount < MIN_HIGH_CHARS) {
      if (highCount >= 2) short.push({ index: m.index, 0: run });
      continue;
    }
    const bytes = encodeBytes(run, WINDOWS_1252, false);
    // Bytes that are UTF-8 are single-byte mojibake, the other repair's business.
    if (bytes === null || decodeUtf8Variants(bytes) !== null) continue;
    let decoded = decodeLegacy(bytes);
    if (decoded === null && /[\u0040-\u007e]$/.test(run)) {
      run = run.slice(0, -1);
      const shorter = encodeBytes(run, WINDOWS_1252, false);
      decoded = shorter && decodeLegacy(shorter);
    }
    if (decoded === null) {
      short.push({ index: m.index, 0: m[0] });
      continue;
    }
    repairs.push({ start: m.index, end: m.index + run.length, text: decoded.text, chain: ['encode windows-1252', `decode ${decoded.encoding}`] });
  }
  if (repairs.length === 0 || short.length === 0) return repairs;
  // The code page found for the long runs is tried on the short and doubtful ones of the same text
  // (`Á¦¸ñ` in a line of EUC-KR is 제목): one text rarely holds two such confusions. But only on runs
  // whose characters fit it (see inMainSet).
  const encodings = [...new Set(repairs.map((r) => r.chain[1]!.slice('decode '.length)))];
  for (const m of short) {
    const repair = decodeRunIn(m[0], encodings);
    if (repair) repairs.push({ start: m.index, end: m.index + repair.run.length, text: repair.text, chain: ['encode windows-1252', `decode ${repair.encoding}`] });
  }
  return repairs.sort((a, b) => a.start - b.start);
}

/** Quotes, dashes, ellipses and bullets, as correct text strings them together (`““““`, `——`, `…•…`). */
const TYPOGRAPHY = new Uint8Array(0x10000);
for (const c of '‘’‚“”„‹›«»–—…•') TYPOGRAPHY[c.charCodeAt(0)] = 1;

/**
 * The part of the run `text[start, end)` left when pieces made of typography only are taken off its
 * edges (`““““ Á¦¸ñ` is the writer's quotes, a space, then a run): the writer typed them, and a code
 * page that reads them as characters (`““` is 뱭 in Windows-949 and 摀 in GBK) is reading correct text.
 * Each character is looked at once from either end, so a run of ten million quote marks costs one pass.
 */
function withoutTypography(text: string, start: number, end: number): [number, number] {
  let s = start;
  for (;;) {
    let j = s;
    while (j < end && TYPOGRAPHY[text.charCodeAt(j)] === 1) j++;
    if (j === end) return [end, end];
    if (j === s || text.charCodeAt(j) !== 0x20) break;
    s = j + 1;
  }
  let e = end;
  for (;;) {
    let j = e;
    while (j > s && TYPOGRAPHY[text.charCodeAt(j - 1)] === 1) j--;
    if (j === e || text.charCodeAt(j - 1) !== 0x20) break;
    e = j - 1;
  }
  return [s, e];
}

/**
 * Whether every double-byte pair of `bytes` lies in the main set of the code page, where the text of
 * its language is written: GB2312 within GBK, KS X 1001 within Windows-949, JIS X 0208 within EUC-JP.
 * A code page carried over from another run must decode this one into such characters: GBK reads
 * almost any two high bytes as some rare character of its extension (`““` is 摀).
 */
function inMainSet(bytes: Uint8Array, encoding: string): boolean {
  // Big5 and Shift_JIS have no extension beyond their main set here.
  if (encoding !== 'gbk' && encoding !== 'euc-kr' && encoding !== 'euc-jp') return true;
  const lastLead = encoding === 'gbk' ? 0xf7 : 0xfe;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    // EUC-JP's half-width kana: 8E and one byte A1–DF.
    if (encoding === 'euc-jp' && lead === 0x8e && trail !== undefined && trail >= 0xa1 && trail <= 0xdf) {
      i++;
      continue;
    }
    if (lead < 0xa1 || lead > lastLead || trail === undefined || trail < 0xa1 || trail > 0xfe) return false;
    i++;
  }
  return true;
}

function decodeRunIn(run: string, encodings: readonly string[]): { run: string; text: string; encoding: string } | null {
  for (const candidate of /[\u0040-\u007e]$/.test(run) ? [run, run.slice(0, -1)] : [run]) {
    const bytes = encodeBytes(candidate, WINDOWS_1252, false);
    if (bytes === null || decodeUtf8Variants(bytes) !== null) continue;
    for (const encoding of encodings) {
      if (!inMainSet(bytes, encoding)) continue;
      const text = iconv.decode(Buffer.from(bytes), encoding === 'gbk' ? 'gb18030' : encoding);
      if (isEastAsianText(text)) return { run: candidate, text, encoding };
    }
  }
  return null;
}

/** Every byte went into an East Asian character (or stayed an ASCII space or punctuation). */
function isEastAsianText(decoded: string): boolean {
  if (NOT_TEXT.test(decoded)) return false;
  const eastAsian = (decoded.match(EAST_ASIAN) ?? []).length;
  const rest = decoded.replace(EAST_ASIAN, '');
  return eastAsian >= 1 && !/[^\u0020-\u0040\u005b-\u0060\u007b-\u007e]/.test(rest);
}

function decodeLegacy(bytes: Uint8Array): { text: string; encoding: string } | null {
  const best = chardet.analyse(bytes)[0];
  let encoding = best && best.confidence >= MIN_CONFIDENCE ? LEGACY_CJK[best.name] : undefined;
  // chardet needs more text to recognise Korean than a headline gives; Korean is also recognisable by
  // its word spacing: EUC-KR that decodes to nothing but Hangul syllables between spaces is taken.
  if (!encoding && bytes.includes(0x20) && /^[\uac00-\ud7a3 ]+$/.test(iconv.decode(Buffer.from(bytes), 'euc-kr'))) {
    encoding = 'euc-kr';
  }
  if (!encoding && onlyCommonHanzi(bytes)) encoding = 'gb18030';
  if (!encoding) return null;
  const decoded = iconv.decode(Buffer.from(bytes), encoding);
  if (NOT_TEXT.test(decoded)) return null;
  // Every byte went into an East Asian character (or stayed an ASCII space or punctuation).
  const eastAsian = (decoded.match(EAST_ASIAN) ?? []).length;
  const rest = decoded.replace(EAST_ASIAN, '');
  if (eastAsian < 2 || /[^\u0020-\u0040\u005b-\u0060\u007b-\u007e]/.test(rest)) return null;
  return { text: decoded, encoding: encoding === 'gb18030' ? 'gbk' : encoding };
}

/**
 * Too short for chardet, GBK is still recognisable by its layout: GB2312 puts its 3,755 most common
 * characters at lead bytes B0–D7 (`ÓÃ»§ÃÜÂë` is 用户密码). The same bytes are Hangul in EUC-KR, common
 * characters in Big5 and EUC-JP for some leads, so the text is taken as GBK only when every pair is a
 * common GBK character and it is not made of common characters in any of the others.
 */
function onlyCommonHanzi(bytes: Uint8Array): boolean {
  if (bytes.length % 2 !== 0 || bytes.length < 4) return false;
  let koreanToo = true;
  let big5Too = true;
  let japaneseToo = true;
  for (let i = 0; i < bytes.length; i += 2) {
    const lead = bytes[i]!;
    const trail = bytes[i + 1]!;
    if (lead < 0xb0 || lead > 0xd7 || trail < 0xa1 || trail > 0xfe || (lead === 0xd7 && trail > 0xf9)) return false;
    if (lead > 0xc8) koreanToo = false;
    if (lead > 0xc6 || (lead === 0xc6 && trail > 0x7e)) big5Too = false;
    if (lead > 0xcf || (lead === 0xcf && trail > 0xd3)) japaneseToo = false;
  }
  return !koreanToo && !big5Too && !japaneseToo;
}

/**
 * Runs of CJK ideographs and fullwidth forms, as UTF-8 read as GBK shows them (`浣犲ソ` for 你好); GBK's
 * byte 0x80 is €, its user-defined pairs are private-use characters, Greek, Cyrillic and pinyin
 * letters have pairs too, and so have its symbols (punctuation, `℃`, arrows, mathematics, circled
 * numbers, box drawing `╁`, shapes `▼`, bopomofo `ㄧ`, units, vertical forms); a final byte without
 * its partner shows as U+FFFD.
 */
const CJK_RUN = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef][\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u20ac\ue000-\uf8ff\u00e0-\u00fc\u0101-\u01dc\u0391-\u03c9\u0401-\u0451\u2010-\u203b\u2103-\u2199\u2208-\u2312\u2460-\u249b\u2500-\u2642\u3105-\u3129\u32a3\u33a1-\u33d5\ufe30-\ufe6b]{2,}\ufffd?/g;

/** Symbols of Chinese text that GBK has pairs for: `℃`, `▼`, `╁`, bopomofo `ㄧ`. */
const CJK_SYMBOL = /[\u2010-\u203b\u2103-\u2199\u2208-\u2312\u2460-\u249b\u2500-\u2642\u3105-\u3129\u32a3\u33a1-\u33d5\ufe30-\ufe6b]/g;

/**
 * UTF-8 read as GBK. Correct Chinese encoded in GBK is almost never valid UTF-8 beyond a few bytes, so
 * a run of at least three characters whose GBK bytes are strict UTF-8 throughout (and decode into East
 * Asian text, one character for every three bytes) is taken as mojibake.
 */
export function fixUtf8AsGbk(text: string): DoubleByteRepair[] {
  const repairs: DoubleByteRepair[] = [];
  for (const m of matchesNearNonAscii(text, CJK_RUN)) {
    const run = m[0];
    const lostTail = run.endsWith('\ufffd');
    const body = lostTail ? run.slice(0, -1) : run;
    // Correct Chinese rarely starts with two characters whose GBK bytes begin a UTF-8 sequence: look
    // at those before encoding the whole run.
    if (!startsLikeUtf8(iconv.encode(body.slice(0, 2), 'gbk'))) continue;
    let bytes: Uint8Array = iconv.encode(body, 'gbk');
    if (iconv.decode(Buffer.from(bytes), 'gbk') !== body) continue;
    let tail = '';
    const partial = bytes.length % 3;
    if (partial !== 0) {
      // Only a run that ends in U+FFFD lost the last bytes of its last character.
      if (!lostTail || bytes[bytes.length - partial]! < 0xe0 || bytes[bytes.length - partial]! > 0xef) continue;
      bytes = bytes.subarray(0, bytes.length - partial);
      tail = '\ufffd';
    } else if (lostTail) {
      tail = '\ufffd';
    }
    const utf8 = decodeUtf8Variants(bytes);
    if (utf8 === null) continue;
    const decoded = utf8 + tail;
    if (NOT_TEXT.test(utf8)) continue;
    const eastAsian = (decoded.match(EAST_ASIAN) ?? []).length;
    const symbols = (decoded.match(CJK_SYMBOL) ?? []).length + (lostTail ? 1 : 0);
    if (eastAsian < 2 || eastAsian + symbols < [...decoded].length * 0.8) continue;
    repairs.push({ start: m.index, end: m.index + run.length, text: decoded, chain: ['encode gbk', 'decode utf-8'] });
  }
  return repairs;
}

/** Whether `bytes` (at most a few) could be the start of UTF-8: leads followed by their continuations. */
function startsLikeUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let k = 1; k < length && i + k < bytes.length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    i += length;
  }
  return true;
}
