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

/** The characters whose spacing depends on the style: for all others no language is needed. */
const STYLE_DEPENDENT = new Set([...FRENCH_SPACED_BEFORE, ...FRENCH_SPACED_AFTER, ...GERMAN_CLOSING]);

/**
 * `spacingOf(style())`, asking for the style only for a character whose spacing depends on it:
 * guessing the text's language was a seventh of the repair of a damaged document, and most gaps end
 * at a dash, an ellipsis or a full stop, which every language treats alike.
 */
export function lazySpacing(style: () => QuoteStyle): Spacing {
  let known: Spacing | undefined;
  const exact = (): Spacing => (known ??= spacingOf(style()));
  return {
    tightBefore: (ch) => ch !== undefined && (STYLE_DEPENDENT.has(ch) ? exact().tightBefore(ch) : CLOSING.has(ch)),
    tightAfter: (ch) => ch !== undefined && (STYLE_DEPENDENT.has(ch) ? exact().tightAfter(ch) : OPENING.has(ch)),
  };
}
