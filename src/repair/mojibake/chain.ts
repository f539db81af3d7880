import { badness, isBad, isBadSegment } from './badness.js';
import { restoreByteA0, replaceLossySequences } from './byteRepairs.js';
import { charClass, codecByName, encodeBytes, highByteChars, SINGLE_BYTE_CODECS, type ByteCodec } from './codecs.js';
import { mixesScripts, scoreWord } from './letterModel.js';
import { decodeUtf8Variants } from './utf8.js';

const WORD_BEFORE = /[\p{L}\p{M}]*$/u;
const WORD_AFTER = /^[\p{L}\p{M}]*/u;

export interface ChainOptions {
  /** Put back byte A0 where a space replaced it inside a UTF-8 sequence. */
  restoreByteA0: boolean;
  /** Turn UTF-8 sequences with a lost byte into U+FFFD instead of giving up. */
  replaceLossySequences: boolean;
  /** Where the lost byte can only have been one thing in practice (`â€�` → `”`), put it back. */
  guessLostBytes?: boolean;
}

/** A repaired text and the operations that produced it, e.g. `encode windows-1252`, `decode utf-8`. */
export interface Repair {
  text: string;
  chain: string[];
}

/** Layers of mojibake are rarely more than three deep; the bound keeps a pathological input finite. */
const MAX_LAYERS = 6;

/**
 * Encodes `text` in `codec` and decodes the bytes as UTF-8 (with the byte repairs allowed), or returns
 * null when either step fails.
 */
export function transcode(text: string, codec: ByteCodec, options: ChainOptions, preceding = '', following = ''): Repair | null {
  let bytes = encodeBytes(text, codec, options.replaceLossySequences);
  if (bytes === null) return null;
  const chain = [`encode ${codec.name}`];
  // Only where byte A0 looked like a space could anything have mistaken it for one.
  if (options.restoreByteA0 && codec.decode[0xa0] === '\u00a0') {
    const restored = restoreByteA0(bytes, preceding, following);
    if (restored) {
      bytes = restored;
      chain.push('restore byte A0');
    }
  }
  if (options.replaceLossySequences) {
    const replaced = replaceLossySequences(bytes, text.includes('\ufffd'), options.guessLostBytes);
    if (replaced) {
      bytes = replaced;
      chain.push(options.guessLostBytes ? 'replace lossy sequences (guessing lost bytes)' : 'replace lossy sequences');
    }
  }
  const decoded = decodeUtf8Variants(bytes);
  if (decoded === null) return null;
  chain.push(usesVariants(bytes) ? 'decode utf-8 (CESU-8/Java variants)' : 'decode utf-8');
  return { text: decoded, chain };
}

function usesVariants(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0xed) < 0 && bytes.indexOf(0xc0) < 0) return false;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0xed && bytes[i + 1]! >= 0xa0 && bytes[i + 1]! <= 0xaf) return true;
    if (bytes[i] === 0xc0 && bytes[i + 1] === 0x80) return true;
  }
  return false;
}

/**
 * Badness of a repair, to compare with the badness of the text it came from. U+FFFD and C1 controls count
 * as bad for spotting mojibake, but a repair that turns a lost sequence into U+FFFD, or C2 80–9F into the
 * C1 control it encodes (which the C1 fixer then reads as windows-1252), has not made the text worse.
 */
function score(text: string): number {
  return badness(/[\u0080-\u009f\ufffd]/.test(text) ? text.replace(/[\u0080-\u009f\ufffd]/g, '?') : text);
}

/**
 * One layer of the whole text, under the first code page that turns all of it back into UTF-8 and makes
 * it look better. An intermediate layer of double mojibake can look exactly as bad as the text it came
 * from, so a layer that does not improve is kept if the next one does.
 */
function wholeTextLayer(text: string, options: ChainOptions, lookahead = true): Repair | null {
  const before = badness(text);
  for (const codec of SINGLE_BYTE_CODECS) {
    const repair = transcode(text, codec, options);
    if (!repair || repair.text === text) continue;
    if (score(repair.text) < before) return preferSibling(text, codec, repair, options);
    if (!lookahead || !isBad(repair.text)) continue;
    const next = wholeTextLayer(repair.text, options, false);
    if (next && score(next.text) < before) return { text: next.text, chain: [...repair.chain, ...next.chain] };
  }
  return null;
}

/**
 * windows-1250 and ISO-8859-2 share most letters but not all (Ť is 8D in one, AB in the other): where
 * both decode, the letter model decides (`NoĂŤl` is `Noël`, not `NoÍl`).
 */
const SIBLINGS: Record<string, string> = { 'windows-1250': 'iso-8859-2' };

function preferSibling(text: string, codec: ByteCodec, repair: Repair, options: ChainOptions): Repair {
  const sibling = SIBLINGS[codec.name];
  if (!sibling) return repair;
  const other = transcode(text, codecByName(sibling), options);
  if (!other || other.text === repair.text || score(other.text) >= badness(text)) return repair;
  return textCost(other.text) < textCost(repair.text) ? other : repair;
}

const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const NON_ASCII = /[^\u0000-\u007f]/;

/** The letter model's cost of the words of `text` that have a character outside ASCII. */
function textCost(text: string): number {
  let cost = 0;
  for (const [word] of text.matchAll(LETTER_RUN)) {
    if (NON_ASCII.test(word)) cost += mixesScripts(word) ? 1000 : scoreWord(word).cost;
  }
  return cost;
}

/** Repairs all layers of `text` as a whole; null when the text is not bad or does not decode. */
export function fixWhole(text: string, options: ChainOptions): Repair | null {
  let current = text;
  const chain: string[] = [];
  for (let layer = 0; layer < MAX_LAYERS && isBad(current); layer++) {
    const repair = wholeTextLayer(current, options);
    if (!repair) break;
    current = repair.text;
    chain.push(...repair.chain);
  }
  return chain.length > 0 ? { text: current, chain } : null;
}

/**
 * Mojibake inside correct text is searched for only in the code pages of the web (windows-125x and their
 * ISO relatives): their characters are what pasted-in mojibake is made of. MacRoman, DOS and KOI8 code
 * pages give letters of correct Cyrillic and Latin text the shape of UTF-8 too often; they are tried on
 * whole texts only.
 */
const SEGMENT_CODECS = SINGLE_BYTE_CODECS.filter((c) => /^(latin-1|windows-|iso-)/.test(c.name));
const LEAD2 = charClass(highByteChars([0xc2, 0xdf], SEGMENT_CODECS));
const LEAD3 = charClass(highByteChars([0xe0, 0xef], SEGMENT_CODECS));
const LEAD4 = charClass(highByteChars([0xf0, 0xf4], SEGMENT_CODECS));
const CONT = charClass(highByteChars([0x80, 0xbf], SEGMENT_CODECS)) + ' \\ufffd';
const SEQUENCE = `[${LEAD2}][${CONT}]|[${LEAD3}][${CONT}]{2}|[${LEAD4}][${CONT}]{3}`;
/** Runs of characters shaped like UTF-8 sequences read in some code page. */
const UTF8_SHAPED_RUN = new RegExp(`(?:${SEQUENCE})+`, 'g');
const UTF8_SHAPED_ONE = new RegExp(SEQUENCE, 'g');

export interface SegmentRepair extends Repair {
  start: number;
  end: number;
}

/**
 * Mojibake mixed into correct text (a page where one paragraph was double-encoded, a name pasted from
 * elsewhere): finds runs shaped like UTF-8 mojibake and repairs each bad one on its own, under its own
 * code page. A run that does not decode as a whole is tried sequence by sequence.
 */
export function fixSegments(text: string, options: ChainOptions): SegmentRepair[] {
  const repairs: SegmentRepair[] = [];
  UTF8_SHAPED_RUN.lastIndex = 0;
  for (let m = UTF8_SHAPED_RUN.exec(text); m; m = UTF8_SHAPED_RUN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const whole = fixSpan(text, start, end, options);
    if (whole) {
      repairs.push(whole);
      continue;
    }
    UTF8_SHAPED_ONE.lastIndex = 0;
    for (let s = UTF8_SHAPED_ONE.exec(m[0]); s; s = UTF8_SHAPED_ONE.exec(m[0])) {
      const one = fixSpan(text, start + s.index, start + s.index + s[0].length, options);
      if (one) repairs.push(one);
    }
  }
  return repairs;
}

function fixSpan(text: string, start: number, end: number, options: ChainOptions): SegmentRepair | null {
  // A trailing space belongs to the run only if it stands for a lost A0; otherwise leave it out.
  if (text[end - 1] === ' ') {
    const withoutSpace = fixSpanExact(text, start, end - 1, options);
    if (withoutSpace) return withoutSpace;
  }
  return fixSpanExact(text, start, end, options);
}

function fixSpanExact(text: string, start: number, end: number, options: ChainOptions): SegmentRepair | null {
  if (end <= start) return null;
  const segment = text.slice(start, end);
  if (!isBad(segment) && !isBadSegment(text.slice(Math.max(0, start - 1), start), segment, text.slice(end, end + 1))) return null;
  const preceding = text.slice(Math.max(0, start - 8), start);
  const following = text.slice(end, end + 10);
  let current = segment;
  const chain: string[] = [];
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    let repair: Repair | null = null;
    const lead = preceding.slice(-1);
    const before = Math.max(badness(current), badness(lead + current));
    // Code pages that differ in a few letters (windows-1250 and ISO-8859-2: `NoĂŤl`) can both decode
    // a segment; the letter model prefers the spelling a language has (`Noël`, not `NoÍl`).
    // Most segments decode in one code page alone: words are scored only when a second one differs.
    let bestCost = NaN;
    const wordCost = (decoded: string): number => {
      const word = (WORD_BEFORE.exec(preceding)?.[0] ?? '') + decoded + (WORD_AFTER.exec(following)?.[0] ?? '');
      return mixesScripts(word) ? Infinity : scoreWord(word).cost;
    };
    for (const codec of SEGMENT_CODECS) {
      const r = transcode(current, codec, options, preceding, following);
      if (!r || r.text === current || score(lead + r.text) >= before) continue;
      if (!repair) {
        repair = r;
        continue;
      }
      if (r.text === repair.text) continue;
      if (Number.isNaN(bestCost)) bestCost = wordCost(repair.text);
      const cost = wordCost(r.text);
      if (cost < bestCost) {
        repair = r;
        bestCost = cost;
      }
    }
    if (!repair) break;
    current = repair.text;
    chain.push(...repair.chain);
    if (!isBad(current)) break;
  }
  return chain.length > 0 ? { start, end, text: current, chain } : null;
}

/**
 * Repairs `text` layer by layer: as a whole while it decodes, then bad segments one by one. A caller
 * that has just tried the whole text says so with `wholeTried`, to save trying it again.
 */
export function fixEncoding(text: string, options: ChainOptions, wholeTried = false): Repair | null {
  let current = text;
  const chain: string[] = [];
  for (let round = 0; round < MAX_LAYERS && isBad(current); round++) {
    const whole = round === 0 && wholeTried ? null : fixWhole(current, options);
    if (whole) {
      current = whole.text;
      chain.push(...whole.chain);
      continue;
    }
    const segments = fixSegments(current, options);
    if (segments.length === 0) break;
    let out = '';
    let last = 0;
    for (const s of segments) {
      out += current.slice(last, s.start) + s.text;
      last = s.end;
    }
    out += current.slice(last);
    // Segments are short and short strings decode by accident: they are trusted only when repairing
    // them leaves no mojibake behind (C1 controls aside, which have their own fixer).
    if (isBad(out.replace(/[\u0080-\u009f]/g, ' '))) break;
    current = out;
    for (const s of segments) for (const step of s.chain) if (!chain.includes(step)) chain.push(step);
  }
  return current !== text ? { text: current, chain } : null;
}
