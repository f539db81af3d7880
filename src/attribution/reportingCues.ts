import { REPORTING_VERBS } from './lexicon.js';

export const CUE_ALTERNATION = [...REPORTING_VERBS, 'according to']
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/\s+/g, '\\s+'))
  .join('|');

/** Reporting verbs and "according to", as whole words; use with lastIndex/matchAll over masked text. */
export const CUE = new RegExp(`\\b(?:${CUE_ALTERNATION})\\b`, 'giu');

/** A cue exactly at the start of a string (after optional spaces). */
export const CUE_AT_START = new RegExp(`^\\s*(${CUE_ALTERNATION})\\b`, 'iu');

export function normaliseCue(cue: string): string {
  return cue.replace(/\s+/g, ' ').toLowerCase();
}
