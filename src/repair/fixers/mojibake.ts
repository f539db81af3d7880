import { isAscii } from '../ascii.js';
import { isBad } from '../mojibake/badness.js';
import { BEYOND_PUNCTUATION, CANDIDATE, charClasses, IDEOGRAPH, MAYBE_BAD, NOT_ONLY_REPLACEMENT, NUL, ZERO_AFTER_HIGH } from '../mojibake/charClasses.js';
import { fixEncoding, fixWhole, type ChainOptions, type Repair } from '../mojibake/chain.js';
import { diffByAnchors } from '../mojibake/diff.js';
import { fixLegacyWords } from '../mojibake/legacyWords.js';
import { mixesScripts, oddlyMixedWords } from '../mojibake/letterModel.js';
import { fixUtf16AsLatin1 } from '../mojibake/utf16.js';
import { fixLegacyCjkAsLatin1, fixUtf8AsGbk, type DoubleByteRepair } from '../mojibake/doubleByte.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

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
    // Nor is a text whose only characters outside ASCII are U+FFFD: every code page encodes it as ASCII
    // and lost bytes, each of which decodes back to U+FFFD, so no chain can change it (without this a
    // long run of them, which lone surrogates become, is transcoded under every code page for nothing).
    const classes = charClasses(text);
    if ((classes & (NOT_ONLY_REPLACEMENT | NUL)) === 0) return [];
    const options: ChainOptions = {
      restoreByteA0: ctx.options.restoreByteA0,
      replaceLossySequences: ctx.options.replaceLossySequences,
      guessLostBytes: ctx.options.guessLostBytes,
    };
    const repair = repairEncoding(text, options);
    if (!repair) return [];
    const wholeNote = describeChain(repair.chain);
    return composed(text, diffByAnchors(text, repair.text)).map((edit) => {
      // Notes are read only when steps are recorded: naming each piece's own chain repairs it again.
      if (repair.stages === 1 || !ctx.explain) return { ...edit, tag: 'mojibake', note: wholeNote };
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
    // A decode whose words mix scripts that never meet (a Hangul word with a Cyrillic letter) is wrong;
    // so is one that makes more Latin words with a rare Cyrillic or Greek letter (`Gr”áe` as MacRoman
    // UTF-8 is `GrӇe`).
    if (!repair || (mixesScripts(repair.text, false) && !mixesScripts(current, false))) return;
    if (oddlyMixedWords(repair.text) > oddlyMixedWords(current)) return;
    current = repair.text;
    chain.push(...repair.chain);
    stages += weight;
  };
  // Each screen below is a bit of one scan of the characters outside ASCII, scanned again only after
  // a repair changed the text.
  let classes = charClasses(current);
  const rescan = (): void => {
    classes = charClasses(current);
  };
  if ((classes & (NUL | ZERO_AFTER_HIGH)) !== 0) {
    take(applyDoubleByte(current, fixUtf16AsLatin1(current)));
    rescan();
  }
  // Every repair of UTF-8 and double-byte mojibake needs two adjacent non-ASCII characters or one of a
  // few trigger characters; legacy single-byte damage may leave a lone odd character in a word.
  if ((classes & MAYBE_BAD) !== 0) {
    if ((classes & CANDIDATE) !== 0) {
      let wholeTried = false;
      // Whether `current` is bad, worked out once per text: most texts here are correct, and both the
      // whole-text and the segment repair ask.
      let bad = isBad(current);
      if (bad) {
        const before = current;
        take(fixWhole(current, options));
        wholeTried = true;
        if (current !== before) bad = isBad(current);
      }
      const beforeDouble = current;
      const double = applyDoubleByte(current, fixLegacyCjkAsLatin1(current));
      take(double);
      if (current !== beforeDouble) bad = isBad(current);
      // Segments may each have their own code page: never share one note among them.
      if (bad) take(fixEncoding(current, options, wholeTried && !double), 2);
      rescan();
    }
    if ((classes & IDEOGRAPH) !== 0) {
      take(applyDoubleByte(current, fixUtf8AsGbk(current)));
      rescan();
    }
  }
  // Words left that no language spells, under a code page that makes them words of one. Text whose
  // only non-ASCII characters are punctuation (most English text) has no such word.
  if ((classes & BEYOND_PUNCTUATION) !== 0) {
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
