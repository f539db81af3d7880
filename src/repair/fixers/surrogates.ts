import { isAscii } from '../ascii.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** `String.prototype.isWellFormed` (ES2024, Node 20) is a native scan, far faster than any regex. */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * A surrogate without its partner (text cut in the middle of an emoji, or decoded from CESU-8 halfway)
 * cannot be written as UTF-8 at all; it becomes U+FFFD. Paired surrogates are simply the character.
 */
export const surrogates: Fixer = {
  name: 'surrogates',
  // a lone surrogate is not ASCII
  triggers: { ascii: [], nonAscii: true },
  apply(text: string, _ctx: FixContext): FixerEdit[] {
    if (isAscii(text) || isWellFormed(text)) return [];
    const edits: FixerEdit[] = [];
    LONE.lastIndex = 0;
    for (let m = LONE.exec(text); m; m = LONE.exec(text)) {
      const code = m[0].charCodeAt(0).toString(16).toUpperCase();
      edits.push({ start: m.index, end: m.index + 1, after: '\ufffd', tag: 'surrogate', note: `lone surrogate U+${code} → U+FFFD` });
    }
    return edits;
  },
};
