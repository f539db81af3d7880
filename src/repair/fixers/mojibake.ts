import { isAscii } from '../ascii.js';
import { isBad, maybeBad } from '../mojibake/badness.js';
import { HAS_CANDIDATE } from '../mojibake/candidates.js';
import { fixEncoding, fixWhole, type ChainOptions, type Repair } from '../mojibake/chain.js';
import { diffByAnchors } from '../mojibake/diff.js';
import { fixLegacyWords } from '../mojibake/legacyWords.js';
import { mixesScripts } from '../mojibake/letterModel.js';
import { fixUtf16AsLatin1 } from '../mojibake/utf16.js';
import { fixLegacyCjkAsLatin1, fixUtf8AsGbk, type DoubleByteRepair } from '../mojibake/doubleByte.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

const HAS_IDEOGRAPH = /[\u4e00-\u9fff]/;
const NON_ASCII = /[^\u0000-\u007f]/g;

/** Punctuation of correct text that legacy damage never needs to be told by: no-break space, quotes, dashes, ellipsis. */
const COMMON_PUNCTUATION = new Set([0xa0, 0xab, 0xbb, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026]);

/** Whether `text` has a character outside ASCII other than spaces and common punctuation. */
function beyondPunctuation(text: string): boolean {
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (!COMMON_PUNCTUATION.has(c) && (c < 0x2000 || c > 0x200f)) return true;
  }
  return false;
}

/**
 * Whether every non-ASCII character is U+FFFD. Every code page encodes such a text as ASCII and lost
 * bytes, each of which decodes back to U+FFFD, so no chain can change it; without this check a long run
 * of them (lone surrogates become U+FFFD first) is transcoded under every code page for nothing.
 */
function onlyReplacementCharacters(text: string): boolean {
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
    if (text.charCodeAt(m.index) !== 0xfffd) return false;
  }
  return true;
}

/**
 * Reverses text that was encoded as UTF-8 and decoded in another encoding, once or several times, as a
 * whole or in segments mixed into correct text, and East Asian double-byte text read in the wrong code
 * page. Each edit's note names the chain that repairs it (`encode windows-1252 → decode utf-8`); its
 * `after` is the decoded text, so a plan replays it.
 */
export const mojibake: Fixer = {
  name: 'mojibake',
  // every repair starts from a non-ASCII character
  triggers: { ascii: [], nonAscii: true },
  apply(text: string, ctx: FixContext): FixerEdit[] {
    // ASCII text is not mojibake, unless NULs say it is UTF-16 read byte by byte.
    if (isAscii(text) && !text.includes('\u0000')) return [];
    if (onlyReplacementCharacters(text) && !text.includes('\u0000')) return [];
    const options: ChainOptions = {
      restoreByteA0: ctx.options.restoreByteA0,
      replaceLossySequences: ctx.options.replaceLossySequences,
      guessLostBytes: ctx.options.guessLostBytes,
    };
    const repair = repairEncoding(text, options);
    if (!repair) return [];
    const wholeNote = describeChain(repair.chain);
    return composed(text, diffByAnchors(text, repair.text)).map((edit) => {
      if (repair.stages === 1) return { ...edit, tag: 'mojibake', note: wholeNote };
      // Several stages (whole text, segments, double-byte runs) repaired different pieces: name the
      // chain that repairs this piece on its own.
      const own = repairEncoding(text.slice(edit.start, edit.end), options);
      const note = own && own.text === edit.after ? describeChain(own.chain) : wholeNote;
      return { ...edit, tag: 'mojibake', note };
    });
  },
};

/**
 * Single-byte mojibake of the whole text first (by far the most common), then legacy double-byte text
 * read as windows-1252 (before segment repair, which would otherwise take pairs out of such runs), then
 * single-byte segments, then UTF-8 read as GBK.
 */
export function repairEncoding(text: string, options: ChainOptions): (Repair & { stages: number }) | null {
  let current = text;
  const chain: string[] = [];
  let stages = 0;
  const take = (repair: Repair | null, weight = 1): void => {
    // A decode whose words mix scripts that never meet (a Hangul word with a Cyrillic letter) is wrong.
    if (!repair || (mixesScripts(repair.text, false) && !mixesScripts(current, false))) return;
    current = repair.text;
    chain.push(...repair.chain);
    stages += weight;
  };
  take(applyDoubleByte(current, fixUtf16AsLatin1(current)));
  // Every repair of UTF-8 and double-byte mojibake needs two adjacent non-ASCII characters or one of a
  // few trigger characters; legacy single-byte damage may leave a lone odd character in a word.
  if (maybeBad(current)) {
    if (HAS_CANDIDATE.test(current)) {
      let wholeTried = false;
      if (isBad(current)) {
        take(fixWhole(current, options));
        wholeTried = true;
      }
      const double = applyDoubleByte(current, fixLegacyCjkAsLatin1(current));
      take(double);
      // Segments may each have their own code page: never share one note among them.
      if (isBad(current)) take(fixEncoding(current, options, wholeTried && !double), 2);
    }
    if (HAS_IDEOGRAPH.test(current)) take(applyDoubleByte(current, fixUtf8AsGbk(current)));
  }
  // Words left that no language spells, under a code page that makes them words of one. Text whose
  // only non-ASCII characters are punctuation (most English text) has no such word.
  if (beyondPunctuation(current)) {
    const before = current;
    take(fixLegacyWords(current), 2);
    // Once its damaged words are repaired, the text's own frequent words may say its language, which
    // makes words that were plausible in some other language suspect (KOI8-R read as windows-1251
    // turns `во` into `БН`): one more pass, only after a repair.
    if (current !== before) take(fixLegacyWords(current), 0);
  }
  return current !== text ? { text: current, chain, stages } : null;
}

function applyDoubleByte(text: string, repairs: DoubleByteRepair[]): Repair | null {
  if (repairs.length === 0) return null;
  let out = '';
  let last = 0;
  const chain: string[] = [];
  for (const r of repairs) {
    out += text.slice(last, r.start) + r.text;
    last = r.end;
    for (const step of r.chain) if (!chain.includes(step)) chain.push(step);
  }
  return { text: out + text.slice(last), chain };
}

const STARTS_WITH_MARK = /^\p{M}/u;

/**
 * Repaired spans in NFC: a name written on macOS comes back as `e` and a combining accent, which the
 * person typed as `é`. A span that starts with a mark takes the letter before it along; text outside
 * the repaired spans keeps its own form.
 */
function composed(text: string, edits: Array<Omit<FixerEdit, 'note'>>): Array<Omit<FixerEdit, 'note'>> {
  let previousEnd = 0;
  return edits.map((edit) => {
    let { start, after } = edit;
    if (STARTS_WITH_MARK.test(after) && start > previousEnd) {
      const base = start >= 2 && /[\udc00-\udfff]/.test(text[start - 1]!) && start - 2 >= previousEnd ? 2 : 1;
      start -= base;
      after = text.slice(start, edit.start) + after;
    }
    previousEnd = edit.end;
    const normal = after.normalize('NFC');
    return normal === after && start === edit.start ? edit : { ...edit, start, after: normal };
  });
}

function describeChain(chain: readonly string[]): string {
  return chain.join(' → ');
}
