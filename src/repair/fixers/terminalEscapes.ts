import type { FixContext, Fixer, FixerEdit } from '../types.js';

/** ANSI CSI sequences (colours, cursor movement) as terminals and log files leave them. */
const CSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** Removes terminal escape sequences: they are instructions to a terminal, never text. */
export const terminalEscapes: Fixer = {
  name: 'terminalEscapes',
  // every sequence starts with ESC
  triggers: { ascii: [0x1b], nonAscii: false },
  apply(text: string, _ctx: FixContext): FixerEdit[] {
    if (text.indexOf('\u001b') < 0) return [];
    const edits: FixerEdit[] = [];
    CSI.lastIndex = 0;
    for (let m = CSI.exec(text); m; m = CSI.exec(text)) {
      edits.push({ start: m.index, end: m.index + m[0].length, after: '', tag: 'escape', note: `remove terminal escape ESC${m[0].slice(1)}` });
    }
    return edits;
  },
};
