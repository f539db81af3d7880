/**
 * How much a text looks like mojibake. Mojibake is made of characters that stand for bytes 0x80–0xFF in
 * some code page; what gives it away is not the characters themselves (every one of them is correct
 * somewhere) but the pairs they form: an accented capital after a lowercase letter, a currency sign
 * glued to an accented letter, a box-drawing piece next to a letter. Each pattern below is a pair or
 * triple that correct text in any language practically never contains; a text is bad when any matches.
 * The groups are character classes by how text uses the character, not by what it encodes.
 */

import { charClass, codecByName, highByteChars } from './codecs.js';

const C1 = '\\u0080-\\u009f';
/** Characters that almost never stand alone in correct text but are frequent in mojibake. */
const RARE = '¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰⌐◊\\ufffdªº';
const CURRENCY = '¢£¥₧€';
const OPENING = '¡«¿©΄΅‘‚“„•‹\\uf8ff';
const CLOSING = '®»˝”›™';
const NUMERIC = '²³¹±¼½¾×µ÷⁄∂∆∏∑√∞∩∫≈≠≡≤≥№';
/** Letters kaomoji faces are drawn with. */
const FACE = 'Ò-ÖÙ-Üò-öø-üŐő°';
const UPPER_ACCENTED = 'À-ÑĂĄĆČĎĐĘĚĞİĹĽŁŃŇŒŔŘŚŞŠŢŤŮŰŸŹŻŽƑЃЂЉЊЌЋЏЎЈЇЄЅІҐ';
const LOWER_ACCENTED = 'ßà-ñăąćčďđęěğıĺľłńňœŕřśşšţťůűźżžѓђљњќћџўјїєѕіґ';
const UPPER_COMMON = 'ÞΑ-ΩА-Я';
const LOWER_COMMON = 'þα-ωςа-я';
const BOX = '─│┌┐└┘├┤┬┴┼═║╒-╬▀▄█▌▐░▒▓■⌠⌡∙';
/** Characters that are ordinary in correct text and in mojibake alike. */
const COMMON = '\\u00a0\\u00ad·´–—―…’';

const MACROMAN_CONTINUATION = `[${charClass(highByteChars([0x80, 0xbf], [codecByName('macroman')]))}]`;
const MACROMAN_CONTINUATION_BUT_PI = `[${charClass([...highByteChars([0x80, 0xbf], [codecByName('macroman')])].filter((c) => c !== 'π'))}]`;

const cls = (...groups: string[]): string => `[${groups.join('')}]`;

const PATTERNS: string[] = [
  cls(C1),
  cls(RARE, LOWER_ACCENTED, UPPER_ACCENTED, BOX, OPENING, CLOSING, CURRENCY, NUMERIC) + cls(RARE),
  '[A-Za-z]' + cls(LOWER_COMMON, UPPER_COMMON) + cls(RARE),
  cls(RARE) + cls(LOWER_ACCENTED, UPPER_ACCENTED, BOX, OPENING, CLOSING, CURRENCY, NUMERIC),
  cls(LOWER_ACCENTED, LOWER_COMMON, BOX, CLOSING, CURRENCY, NUMERIC) + cls(UPPER_ACCENTED),
  cls(BOX, CLOSING, CURRENCY, NUMERIC) + cls(LOWER_ACCENTED),
  cls(LOWER_ACCENTED, BOX, CLOSING) + cls(CURRENCY),
  '\\s' + cls(UPPER_ACCENTED) + cls(CURRENCY),
  cls(UPPER_ACCENTED, BOX) + cls(NUMERIC),
  cls(LOWER_ACCENTED, UPPER_ACCENTED, BOX, CURRENCY, CLOSING) + cls(OPENING) + cls(NUMERIC),
  cls(LOWER_ACCENTED, UPPER_ACCENTED, CURRENCY, NUMERIC, BOX) + cls(CLOSING) + cls(OPENING),
  cls(CURRENCY, NUMERIC, BOX) + cls(OPENING),
  // Not ¥: `DrÃ¥ber` (see the Ã rule below).
  '[a-z]' + cls(UPPER_ACCENTED) + cls(OPENING, '¢£₧€'),
  cls(BOX) + cls(FACE),
  cls(LOWER_ACCENTED, UPPER_ACCENTED, CURRENCY, NUMERIC, OPENING, CLOSING) + cls(BOX),
  cls(BOX) + cls(CLOSING),
  cls(LOWER_ACCENTED, UPPER_ACCENTED) + cls(OPENING, CLOSING) + '\\w',
  // The ligature œ is followed by a Latin letter in French; anything else is windows-1252 mojibake.
  '[Œœ][^A-Za-z]',
  cls(UPPER_ACCENTED) + '°',
  // Two-character windows-1252 mojibake of common characters (Â = C2, Ã = C3, Î = CE, Ð = D0). A no-break
  // space after Â inside an all-capitals word is a romanised long vowel (`MISUTÂ AJIKKO`).
  '[ÃÎÐ][€œŠš¢£Ÿž\\u00a0\\u00ad®©°·»' + OPENING + CLOSING + '–—´]',
  '(?<![A-Z])Â[\\u00a0]',
  // Ã (C3) followed by a symbol: any windows-1252 continuation byte other than quotes, dashes and the
  // ellipsis, which follow a capital Ã in correct Portuguese (`NÃ—`, `Ã’s`), and ¥: `DrÃ¥ber` alone is
  // ambiguous enough for ftfy to list it among its negative cases.
  'Ã[€‚ƒ„†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ¡¢£¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿]',
  'Â[€‚ƒ„†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ\\u00a1-\\u00bf–—]',
  '×[²³]',
  // windows-1252 mojibake of Turkish ğ (C4 9F).
  'ÄŸ',
  // windows-1252 mojibake of Arabic: Ø and Ù lead every letter.
  '[ØÙ]' + cls(COMMON, CURRENCY, RARE, NUMERIC, OPENING, 'ŸŠ®°µ»') + '[ØÙ]' + cls(COMMON, CURRENCY, RARE, NUMERIC, OPENING, 'ŸŠ®°µ»'),
  // windows-1252 mojibake starting three-byte sequences of South Asian scripts.
  'à[²µ¹¼½¾]',
  // MacRoman mojibake: √ is C3. A square root of π is mathematics, unless it sits inside a word.
  '√[±∂†≠®™´≤≥¥µø]',
  '[A-Za-z]√π',
  '≈[°¢]',
  '‚Ä[ìîïòôúùû†°¢π]',
  '‚[âó][àä°ê]',
  // windows-1251 mojibake of General Punctuation (E2 80) and of Cyrillic letters.
  'вЂ',
  '[ВГРСОП]' + cls(C1, RARE, OPENING, CLOSING, CURRENCY, '°µ·') + '[ВГРСОП]',
  // windows-1251 mojibake of Latin-1 Supplement inside a Latin word (`ZГјrich`).
  '[A-Za-z]Г[ЂЃѓЉЊЌЋЏђљњќћџЎўЈҐЁЄЇІіґёєјЅѕї \\u00a0]',
  // windows-1250 mojibake of Latin-1 Supplement inside a Latin word (`ZĂĽrich`).
  '[a-z]Ă[ \\u00a0][a-z]',
  '[A-Za-z]Ă[ĽľĹĺŚśŤťŻżŹźŞşĄąĘęŇňŘřŮůĆćČčĎďĐđŁłŃńŐőŰű˘˛˙˝§¤¦¨©«¬®°±´µ¶·¸»]',
  // MacRoman mojibake of Cyrillic: D0 and D1 read as en and em dash, glued to the next character.
  '[–—]' + MACROMAN_CONTINUATION + '[–—]' + MACROMAN_CONTINUATION,
  'ГўВЂВ.[A-Za-z ]',
  // windows-1252 mojibake of à and á, and of the no-break space itself.
  'Ã[\\u00a0¡]',
  '[a-z]\\s?[ÃÂ] ',
  '^[ÃÂ] ',
  '[a-z.,?!' + CLOSING + ']Â[ ' + OPENING + CLOSING + ']',
  // windows-1253 mojibake of General Punctuation and of Greek letters.
  'β€[™\\u00a0Ά\\u00ad®°]',
  '[ΒΓΞΟ]' + cls(C1, RARE, OPENING, CLOSING, CURRENCY, '°') + '[ΒΓΞΟ]',
  // windows-1257 mojibake of General Punctuation.
  'ā€',
  // Combining marks (CC and CD lead bytes) read as Ì or Í and a symbol.
  '[ÌÍ][¶·¸¹º»¼½¾¿®¯°±²³´µ]',
  // MacRoman mojibake of Latin-1 Supplement (C3 = √) and General Punctuation (E2 80 = ‚Ä).
  '√' + MACROMAN_CONTINUATION_BUT_PI,
  '‚Ä' + MACROMAN_CONTINUATION,
  // MacRoman mojibake of √ itself: a second layer over the first.
  '‚àö',
  // windows-1251 mojibake of Latin-1 Supplement: C3 = Г, C2 = В, followed by a symbol.
  '[ГВ][©®§¶±№‰Ђ]',
  // cp437 mojibake of ¿ and ¡ (C2 BF, C2 A1) opening a Spanish sentence.
  '┬[┐í](?=[A-Za-z])',
  // windows-1252 mojibake of Arabic-Indic digits whose A0 became a space.
  'Ù [ÙØ]',
  // KOI8-R/U mojibake: lead bytes read as Cyrillic letters, continuation bytes as box drawing.
  '[а-яА-ЯёЁєЄіІїЇґҐ][─-╬▀▄█▌▐░-▓⌠■∙≈≤≥⌡²·÷]',
  // cp866 mojibake: lead bytes C0–DF read as box drawing, continuation bytes as letters; E2 80 as тА.
  '[└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌][А-Яа-п]',
  'тА[А-Яа-п]',
];

const BADNESS = new RegExp(PATTERNS.join('|'), 'gu');
const ANY_BAD = new RegExp(PATTERNS.join('|'), 'u');

/** The number of mojibake-looking pairs in `text`. */
export function badness(text: string): number {
  if (!maybeBad(text)) return 0;
  if (text.length < 256) return countIn(text);
  let n = 0;
  forEachWindow(text, (window) => {
    n += countIn(window);
    return false;
  });
  return n;
}

/**
 * Whether `segment`, seen with the character before and after it, holds a mojibake pattern that has at
 * least two of its characters inside the segment: `technÄ“` and `KamakÃ wiwoÊ»ole` need their neighbours
 * as evidence, but a correct capital next to a segment must not make it bad (`MÄ£ÄM`).
 */
export function isBadSegment(before: string, segment: string, after: string): boolean {
  const text = before + segment + after;
  const start = before.length;
  const end = start + segment.length;
  BADNESS.lastIndex = 0;
  for (let m = BADNESS.exec(text); m; m = BADNESS.exec(text)) {
    const inside = Math.min(end, m.index + m[0].length) - Math.max(start, m.index);
    if (inside >= Math.min(2, segment.length)) return true;
    BADNESS.lastIndex = m.index + 1;
  }
  return false;
}

function countIn(text: string): number {
  BADNESS.lastIndex = 0;
  let n = 0;
  while (BADNESS.exec(text) !== null) n++;
  return n;
}

export const PATTERNS_FOR_DEBUG = PATTERNS;

/** Context the patterns need around their non-ASCII characters (`[a-z]\s?Ã `, lookbehinds). */
const WINDOW_MARGIN = 3;
const NON_ASCII = /[^\u0000-\u007f]/g;
const TRIGGERS = new Set([0xc3, 0xc2, 0x102, 0x413, 0x152, 0x153]);

/**
 * Every pattern has two adjacent non-ASCII characters, except those around a C1 control, Ã, Â, Ă, Г and
 * Œ/œ; most correct text (an apostrophe here, an é there) fails this test and is done. A simple regex
 * finds the non-ASCII characters much faster than one regex could test both conditions.
 */
export function maybeBad(text: string): boolean {
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if ((c >= 0x80 && c < 0xa0) || TRIGGERS.has(c) || (i + 1 < text.length && text.charCodeAt(i + 1) >= 0x80)) return true;
  }
  return false;
}
const NON_ASCII_RUN = /[^\u0000-\u007f]+/g;

/**
 * Every pattern contains a non-ASCII character, so only the neighbourhoods of non-ASCII runs need the
 * (large) pattern: in long, mostly-ASCII text that is a small fraction of the characters.
 */
export function isBad(text: string): boolean {
  if (!maybeBad(text)) return false;
  if (text.length < 256) return ANY_BAD.test(text);
  return forEachWindow(text, testWindow);
}

/**
 * Calls `visit` on the neighbourhood of each run of non-ASCII characters (runs closer than the margin
 * share one window) until it returns true. `^` in a pattern means the start of the text; a window that
 * starts later begins with ASCII context, so `^[ÃÂ] ` cannot match there by mistake.
 */
function forEachWindow(text: string, visit: (window: string) => boolean): boolean {
  NON_ASCII_RUN.lastIndex = 0;
  let windowStart = -1;
  let windowEnd = -1;
  for (let m = NON_ASCII_RUN.exec(text); m; m = NON_ASCII_RUN.exec(text)) {
    const start = Math.max(0, m.index - WINDOW_MARGIN);
    const end = Math.min(text.length, m.index + m[0].length + WINDOW_MARGIN);
    if (windowEnd >= start) {
      windowEnd = end;
      continue;
    }
    if (windowStart >= 0 && visit(text.slice(windowStart, windowEnd))) return true;
    windowStart = start;
    windowEnd = end;
  }
  return windowStart >= 0 && visit(text.slice(windowStart, windowEnd));
}

function testWindow(window: string): boolean {
  return ANY_BAD.test(window);
}
