import { isAscii } from '../ascii.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

const CURLY = /[\u02bc\u2018-\u201f]/g;
const ANY_CURLY = /[\u02bc\u2018-\u201f]/;

/**
 * ftfy's `uncurl_quotes`: typographic single and double quotes become ASCII `'` and `"`. Off by
 * default in Unmangle: curly quotes in correct text are correct.
 */
export const uncurlQuotes: Fixer = {
  name: 'uncurlQuotes',
  // curly quotes are not ASCII
  triggers: { ascii: [], nonAscii: true },
  apply(text: string, _ctx: FixContext): FixerEdit[] {
    if (isAscii(text) || !ANY_CURLY.test(text)) return [];
    const edits: FixerEdit[] = [];
    CURLY.lastIndex = 0;
    for (let m = CURLY.exec(text); m; m = CURLY.exec(text)) {
      const after = m[0].charCodeAt(0) >= 0x201c ? '"' : "'";
      edits.push({ start: m.index, end: m.index + 1, after, tag: 'uncurl', note: `${m[0]} → ${after}` });
    }
    return edits;
  },
};
