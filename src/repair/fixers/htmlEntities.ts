import { isSpaceValue, namedEntity, numericEntity } from '../entityTable.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

const INTACT = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/**
 * Decodes well-formed character references (`&mdash;`, `&#8212;`, `&#x2014;`, `&AMP;`) in plain
 * text. Markup is left alone unless asked: in HTML, `&lt;` must stay `&lt;`.
 */
export const htmlEntities: Fixer = {
  name: 'htmlEntities',
  // every reference starts with `&`
  triggers: { ascii: [0x26], nonAscii: false },
  apply(text: string, ctx: FixContext): FixerEdit[] {
    const mode = ctx.options.htmlEntities;
    if (mode === 'never' || (mode === 'auto' && ctx.isMarkup)) return [];
    if (text.indexOf('&') < 0) return [];
    const edits: FixerEdit[] = [];
    INTACT.lastIndex = 0;
    for (let m = INTACT.exec(text); m; m = INTACT.exec(text)) {
      const value =
        m[1] !== undefined ? numericEntity(m[1], false) : m[2] !== undefined ? numericEntity(m[2], true) : namedEntity(m[3]!);
      if (value === null) continue;
      const space = isSpaceValue(value);
      // Compared by code: entity values are strings of several internal kinds, and `===` on them deoptimised.
      const after = value.length === 1 && value.charCodeAt(0) === 0xa0 && !ctx.options.keepNbsp ? ' ' : value;
      edits.push({ start: m.index, end: m.index + m[0].length, after, tag: space ? 'space' : 'char', note: ctx.explain ? `${m[0]} → ${describe(after)}` : undefined });
    }
    return edits;
  },
};

export function describe(value: string): string {
  if (value === ' ') return 'space';
  if (value === '\u00a0') return 'no-break space';
  const cp = value.codePointAt(0)!;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || value.length === 0 ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : value;
}
