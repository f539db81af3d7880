import { HAS_CANDIDATE } from '../mojibake/candidates.js';
import { fixEncoding, type ChainOptions } from '../mojibake/chain.js';
import { diffByAnchors } from '../mojibake/diff.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

/**
 * Reverses text that was encoded as UTF-8 and decoded in another encoding, once or several times, as a
 * whole or in segments mixed into correct text. Each edit's note names the chain that repairs it
 * (`encode windows-1252 → decode utf-8`); its `after` is the decoded text, so a plan replays it.
 */
export const mojibake: Fixer = {
  name: 'mojibake',
  apply(text: string, ctx: FixContext): FixerEdit[] {
    if (!HAS_CANDIDATE.test(text)) return [];
    const options: ChainOptions = {
      restoreByteA0: ctx.options.restoreByteA0,
      replaceLossySequences: ctx.options.replaceLossySequences,
    };
    const repair = fixEncoding(text, options);
    if (!repair) return [];
    const wholeNote = describeChain(repair.chain);
    return diffByAnchors(text, repair.text).map((edit) => {
      // Name the chain that repairs this piece on its own when it differs from the whole text's.
      const own = fixEncoding(text.slice(edit.start, edit.end), options);
      const note = own && own.text === edit.after ? describeChain(own.chain) : wholeNote;
      return { ...edit, tag: 'mojibake', note };
    });
  },
};

function describeChain(chain: readonly string[]): string {
  return chain.join(' → ');
}
