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
    // A run of adjacent lone surrogates is one edit, so that a long run costs one object, not one per character.
    const edits: FixerEdit[] = [];
    LONE.lastIndex = 0;
    let runStart = -1;
    let runEnd = -1;
    const flush = (): void => {
      if (runStart < 0) return;
      const count = runEnd - runStart;
      const first = `U+${text.charCodeAt(runStart).toString(16).toUpperCase()}`;
      const note = count === 1 ? `lone surrogate ${first} → U+FFFD` : `${count} lone surrogates from ${first} → U+FFFD each`;
      edits.push({ start: runStart, end: runEnd, after: '\ufffd'.repeat(count), tag: 'surrogate', note });
    };
    for (let m = LONE.exec(text); m; m = LONE.exec(text)) {
      if (m.index !== runEnd) {
        flush();
        runStart = m.index;
      }
      runEnd = m.index + 1;
    }
    flush();
    return edits;
  },
};
