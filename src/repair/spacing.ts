import type { QuoteStyle } from './quoteStyle.js';

/*
 * Where a space belongs next to punctuation and quote marks. Damage (a broken entity, padding inside
 * an inline element) leaves spaces where no language puts one; these tell which, by the text's style.
 */

/** Marks no language spaces from the text before them, and those none spaces from the text after. */
const CLOSING = new Set([...'.,;:!?…)]}»›”’']);
const OPENING = new Set([...'([{«‹“‘„‚']);
/** What French typography spaces (« Bonjour », `Quoi ?`), and the marks that close in German (`„so“`). */
const FRENCH_SPACED_BEFORE = new Set([...';:!?»›']);
const FRENCH_SPACED_AFTER = new Set([...'«‹']);
const GERMAN_CLOSING = new Set([...'“‘']);

export interface Spacing {
  /** No space belongs before this character. */
  tightBefore(ch: string | undefined): boolean;
  /** No space belongs after this character. */
  tightAfter(ch: string | undefined): boolean;
}

export function spacingOf(style: QuoteStyle): Spacing {
  const german = style.close === '“';
  return {
    tightBefore: (ch) => ch !== undefined && (CLOSING.has(ch) || (german && GERMAN_CLOSING.has(ch))) && !(style.spaced && FRENCH_SPACED_BEFORE.has(ch)),
    tightAfter: (ch) => ch !== undefined && OPENING.has(ch) && !(german && GERMAN_CLOSING.has(ch)) && !(style.spaced && FRENCH_SPACED_AFTER.has(ch)),
  };
}
