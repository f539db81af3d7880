import { isAscii } from '../ascii.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

/**
 * Latin ligatures and digraph letters that PDF extraction and old fonts leave in text (`signiﬁcantly`,
 * `korišteǌem`), replaced by their compatibility decomposition (`ﬁ` → `fi`, `ǌ` → `nj`, `ŉ` → `ʼn`).
 * Which characters count is ftfy's choice: these, and not `æ` or `œ`, which are letters of their own.
 */
const LIGATURES = /[\u0132\u0133\u0149\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06]/g;
const ANY = /[\u0132\u0133\u0149\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06]/;

export const latinLigatures: Fixer = {
  name: 'latinLigatures',
  // the ligatures are not ASCII
  triggers: { ascii: [], nonAscii: true },
  apply(text: string, _ctx: FixContext): FixerEdit[] {
    if (isAscii(text) || !ANY.test(text)) return [];
    const edits: FixerEdit[] = [];
    LIGATURES.lastIndex = 0;
    for (let m = LIGATURES.exec(text); m; m = LIGATURES.exec(text)) {
      const after = m[0].normalize('NFKC');
      edits.push({ start: m.index, end: m.index + 1, after, tag: 'ligature', note: `${m[0]} → ${after}` });
    }
    return edits;
  },
};
