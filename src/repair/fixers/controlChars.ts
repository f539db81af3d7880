import type { FixContext, Fixer, FixerEdit } from '../types.js';

/**
 * Control characters that carry no text: C0 controls other than tab, line feed, form feed and carriage
 * return, DEL, deprecated format characters, the byte order mark
 * inside text and the interlinear annotation marks.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\u206a-\u206f\ufeff\ufff9-\ufffb]+/g;
const ANY = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\u206a-\u206f\ufeff\ufff9-\ufffb]/;

const CONTROL_BYTES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0b, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x7f];

export const controlChars: Fixer = {
  name: 'controlChars',
  // C0 controls other than tab, LF, FF and CR, DEL, and a few non-ASCII format characters
  triggers: { ascii: CONTROL_BYTES, nonAscii: true },
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
