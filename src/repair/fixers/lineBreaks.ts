import type { FixContext, Fixer, FixerEdit } from '../types.js';

const BREAK = /\r\n|[\r\u2028\u2029\u0085]/g;
const ANY = /[\r\u2028\u2029\u0085]/;

/**
 * Windows and old Mac line breaks, Unicode line and paragraph separators and NEL become `\n`. Off by
 * default in Unmangle: CRLF is a correct line break on its platform.
 */
export const lineBreaks: Fixer = {
  name: 'lineBreaks',
  // CR, and U+0085, U+2028, U+2029
  triggers: { ascii: [0x0d], nonAscii: true },
  apply(text: string, _ctx: FixContext): FixerEdit[] {
    if (!ANY.test(text)) return [];
    const edits: FixerEdit[] = [];
    BREAK.lastIndex = 0;
    for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
      edits.push({ start: m.index, end: m.index + m[0].length, after: '\n', tag: 'line-break', note: `${JSON.stringify(m[0])} → "\\n"` });
    }
    return edits;
  },
};
