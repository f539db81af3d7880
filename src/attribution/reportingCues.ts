import { REPORTING_VERBS } from './lexicon.js';

export const CUE_ALTERNATION = [...REPORTING_VERBS, '[Aa]ccording to']
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/\s+/g, '\\s+'))
  .join('|');

/** Reporting verbs and "according to", as whole words; use with lastIndex/matchAll over masked text. */
// Case-sensitive and without the u flag: cues are lower-case words, and V8 runs such an alternation much faster.
export const CUE = new RegExp(`\\b(?:${CUE_ALTERNATION})\\b`, 'g');

/** Longer than any cue as written, even with a few spaces too many between its words: bounds a search for one. */
export const CUE_MAX_LENGTH = Math.max(...[...REPORTING_VERBS, 'according to'].map((v) => v.length)) + 100;

/** A cue exactly at the start of a string (after optional spaces). */
export const CUE_AT_START = new RegExp(`^\\s*(${CUE_ALTERNATION})\\b`);

export function normaliseCue(cue: string): string {
  return cue.replace(/\s+/g, ' ').toLowerCase();
}
