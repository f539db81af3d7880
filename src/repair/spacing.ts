import type { QuoteStyle } from './quoteStyle.js';

/*
 * Where a space belongs next to punctuation and quote marks. Damage (a broken entity, padding inside
 * an inline element) leaves spaces where no language puts one; these tell which, by the text's style.
 * Characters are read as UTF-16 codes (-1 for none): a gap's edges are looked at for every site of a
 * damaged text, and one-character strings and Set lookups were most of that cost.
 */

/** Marks no language spaces from the text before them, and those none spaces from the text after. */
const CLOSING = '.,;:!?…)]}»›”’';
const OPENING = '([{«‹“‘„‚';
/** What French typography spaces (« Bonjour », `Quoi ?`), and the marks that close in German (`„so“`). */
const FRENCH_SPACED_BEFORE = ';:!?»›';
const FRENCH_SPACED_AFTER = '«‹';
const GERMAN_CLOSING = '“‘';

const TIGHT_BEFORE = 1;
const TIGHT_AFTER = 2;
const FRENCH_BEFORE = 4;
const FRENCH_AFTER = 8;
const GERMAN = 16;
/** The characters whose spacing depends on the style: for all others no language is needed. */
const STYLE_DEPENDENT = FRENCH_BEFORE | FRENCH_AFTER | GERMAN;

/** Per UTF-16 code up to U+203A (the highest mark above): which of the sets it is in. */
const ROLES = (() => {
  const roles = new Uint8Array(0x203b);
  const mark = (chars: string, role: number) => {
    for (let i = 0; i < chars.length; i++) roles[chars.charCodeAt(i)]! |= role;
  };
  mark(CLOSING, TIGHT_BEFORE);
  mark(OPENING, TIGHT_AFTER);
  mark(FRENCH_SPACED_BEFORE, FRENCH_BEFORE);
  mark(FRENCH_SPACED_AFTER, FRENCH_AFTER);
  mark(GERMAN_CLOSING, GERMAN);
  return roles;
})();

function roleOf(c: number): number {
  return c >= 0 && c < ROLES.length ? ROLES[c]! : 0;
}

export interface Spacing {
  /** No space belongs before the character with this code (-1: none). */
  tightBefore(c: number): boolean;
  /** No space belongs after the character with this code (-1: none). */
  tightAfter(c: number): boolean;
}

export function spacingOf(style: QuoteStyle): Spacing {
  const german = style.close === '“';
  return {
    tightBefore: (c) => {
      const role = roleOf(c);
      const tight = (role & TIGHT_BEFORE) !== 0 || (german && (role & GERMAN) !== 0);
      return tight && !(style.spaced && (role & FRENCH_BEFORE) !== 0);
    },
    tightAfter: (c) => {
      const role = roleOf(c);
      return (role & TIGHT_AFTER) !== 0 && !(german && (role & GERMAN) !== 0) && !(style.spaced && (role & FRENCH_AFTER) !== 0);
    },
  };
}

/**
 * `spacingOf(style())`, asking for the style only for a character whose spacing depends on it:
 * guessing the text's language was a seventh of the repair of a damaged document, and most gaps end
 * at a dash, an ellipsis or a full stop, which every language treats alike.
 */
export function lazySpacing(style: () => QuoteStyle): Spacing {
  let known: Spacing | undefined;
  const exact = (): Spacing => (known ??= spacingOf(style()));
  return {
    tightBefore: (c) => {
      const role = roleOf(c);
      return (role & STYLE_DEPENDENT) !== 0 ? exact().tightBefore(c) : (role & TIGHT_BEFORE) !== 0;
    },
    tightAfter: (c) => {
      const role = roleOf(c);
      return (role & STYLE_DEPENDENT) !== 0 ? exact().tightAfter(c) : (role & TIGHT_AFTER) !== 0;
    },
  };
}
