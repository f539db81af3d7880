import { isAscii } from '../ascii.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

/** Text below U+00C0 has no precomposed letters and no combining marks: every form leaves it alone. */
const MAYBE_CHANGES = /[^\u0000-\u00bf]/;

/**
 * Unicode normalization in the form the options name. Edits cover only the stretches that change, cut
 * at characters that normalization leaves alone in every context (ASCII), so unrelated text keeps its
 * place.
 */
export const normalization: Fixer = {
  name: 'normalization',
  // ASCII is the same in every normalization form
  triggers: { ascii: [], nonAscii: true },
  apply(text: string, ctx: FixContext): FixerEdit[] {
    const form = ctx.options.normalization;
    if (form === 'none' || isAscii(text) || !MAYBE_CHANGES.test(text)) return [];
    const edits: FixerEdit[] = [];
    const chunk = /[^\u0000-\u007f]+/g;
    for (let m = chunk.exec(text); m; m = chunk.exec(text)) {
      // A combining mark may follow an ASCII base letter: take one character of context on the left.
      const start = m.index > 0 ? m.index - 1 : m.index;
      const before = text.slice(start, m.index + m[0].length);
      const after = before.normalize(form);
      if (after !== before) edits.push({ start, end: m.index + m[0].length, after, tag: 'normalize', note: `${form}` });
    }
    return edits;
  },
};
