import type { FixContext, Fixer, FixerEdit } from '../types.js';

/**
 * Control characters that carry no text: C0 controls other than tab, line feed, form feed and carriage
 * return, DEL, deprecated format characters, the byte order mark
 * inside text and the interlinear annotation marks.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\u206a-\u206f\ufeff\ufff9-\ufffb]+/g;
const ANY = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\u206a-\u206f\ufeff\ufff9-\ufffb]/;

export const controlChars: Fixer = {
  name: 'controlChars',
  apply(text: string, _ctx: FixContext): FixerEdit[] {
    if (!ANY.test(text)) return [];
    const edits: FixerEdit[] = [];
    CONTROLS.lastIndex = 0;
    for (let m = CONTROLS.exec(text); m; m = CONTROLS.exec(text)) {
      const codes = [...m[0]].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
      edits.push({ start: m.index, end: m.index + m[0].length, after: '', tag: 'control', note: `remove ${codes}` });
    }
    return edits;
  },
};
