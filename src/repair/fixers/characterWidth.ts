import { isAscii } from '../ascii.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

/** Fullwidth ASCII variants, halfwidth katakana and Hangul, and the ideographic space. */
const WIDE_OR_NARROW = /[\u3000\uff01-\uff5e\uff61-\uffdc\uffe8-\uffee]+/g;
const ANY = /[\u3000\uff01-\uffee]/;

/**
 * ftfy's `fix_character_width`: fullwidth Latin letters, digits and punctuation become ASCII, halfwidth
 * katakana become ordinary katakana, the ideographic space a space (the compatibility decomposition of
 * each, which is what these forms are defined as). Off by default in Unmangle: in CJK text the fullwidth
 * comma is correct.
 */
export const characterWidth: Fixer = {
  name: 'characterWidth',
  // the wide and narrow forms are not ASCII
  triggers: { ascii: [], nonAscii: true },
  apply(text: string, _ctx: FixContext): FixerEdit[] {
    if (isAscii(text) || !ANY.test(text)) return [];
    const edits: FixerEdit[] = [];
    WIDE_OR_NARROW.lastIndex = 0;
    for (let m = WIDE_OR_NARROW.exec(text); m; m = WIDE_OR_NARROW.exec(text)) {
      const after = m[0].replaceAll('\u3000', ' ').normalize('NFKC');
      if (after !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, after, tag: 'width', note: `${m[0]} → ${after}` });
    }
    return edits;
  },
};
