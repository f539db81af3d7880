import { isAscii } from '../ascii.js';
import { codecByName } from '../mojibake/codecs.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

const C1 = /[\u0080-\u009f]/;
const C1_RUN = /[\u0080-\u009f]/g;
const WINDOWS_1252 = codecByName('windows-1252');
const MACROMAN = codecByName('macroman');

/**
 * C1 control characters (U+0080–U+009F) in text are bytes of windows-1252 read as Latin-1: `\u0093` was
 * a curly quote. They are replaced by the windows-1252 character; the five bytes windows-1252 leaves
 * undefined stay as they are. When every C1 character sits inside a word and stands for a letter in
 * MacRoman but for punctuation in windows-1252 (`tur\u0092stico`, `Coatl\u0087n`), the text was MacRoman.
 */
export const c1Controls: Fixer = {
  name: 'c1Controls',
  // U+0080–U+009F
  triggers: { ascii: [], nonAscii: true },
  apply(text: string, _ctx: FixContext): FixerEdit[] {
    if (isAscii(text) || !C1.test(text)) return [];
    const codec = looksLikeMacRoman(text) ? MACROMAN : WINDOWS_1252;
    const edits: FixerEdit[] = [];
    C1_RUN.lastIndex = 0;
    for (let m = C1_RUN.exec(text); m; m = C1_RUN.exec(text)) {
      const after = codec.decode[m[0].charCodeAt(0)]!;
      if (after === m[0] || after === '\ufffd') continue;
      edits.push({ start: m.index, end: m.index + 1, after, tag: 'c1', note: `decode latin-1 as ${codec.name}: U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} → ${after}` });
    }
    return edits;
  },
};

const LETTER = /\p{L}/u;
const JOINS_WORDS = new Set(['–', '—', '…', '‘', '“', '”', '•']);

function looksLikeMacRoman(text: string): boolean {
  C1_RUN.lastIndex = 0;
  let seen = 0;
  for (let m = C1_RUN.exec(text); m; m = C1_RUN.exec(text)) {
    const i = m.index;
    const inWord = LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '');
    const code = m[0].charCodeAt(0);
    if (!inWord || !LETTER.test(MACROMAN.decode[code]!)) return false;
    const windows = WINDOWS_1252.decode[code]!;
    // Dashes and ellipses join words (`film—familiar`), and an apostrophe inside a word is ordinary
    // English or French (`don’t`, `l’eau`): neither is a clue.
    if (LETTER.test(windows) || JOINS_WORDS.has(windows) || (windows === '’' && isElisionOrContraction(text, i))) return false;
    seen++;
  }
  return seen > 0;
}

function isElisionOrContraction(text: string, i: number): boolean {
  const before = /(?:^|[^\p{L}])(\p{L}{1,2})$/u.exec(text.slice(Math.max(0, i - 4), i));
  const after = /^(\p{L}+)/u.exec(text.slice(i + 1, i + 5));
  if (before) return true;
  return after !== null && /^(?:s|t|d|m|ll|re|ve)$/i.test(after[1]!);
}
