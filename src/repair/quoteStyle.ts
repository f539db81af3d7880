/** The double quotation marks each language uses, and a cheap guess at the text's language. */

export interface QuoteStyle {
  open: string;
  close: string;
  /** Whether a space belongs inside the marks (French `« Bonjour »`). */
  spaced: boolean;
}

const STYLES: Record<string, QuoteStyle> = {
  en: { open: '“', close: '”', spaced: false },
  fr: { open: '«', close: '»', spaced: true },
  de: { open: '„', close: '“', spaced: false },
  ru: { open: '«', close: '»', spaced: false },
  uk: { open: '«', close: '»', spaced: false },
  es: { open: '«', close: '»', spaced: false },
  it: { open: '«', close: '»', spaced: false },
  pt: { open: '“', close: '”', spaced: false },
  pl: { open: '„', close: '”', spaced: false },
  cs: { open: '„', close: '“', spaced: false },
  nl: { open: '“', close: '”', spaced: false },
  sv: { open: '”', close: '”', spaced: false },
};

export function quoteStyleFor(lang: string | undefined): QuoteStyle {
  const key = (lang ?? 'en').toLowerCase().split(/[-_]/)[0]!;
  return STYLES[key] ?? STYLES.en!;
}

/**
 * Function words that tell the languages apart, matched as whole words (runs of ASCII letters, digits
 * and `_`, as `\b` sees them), case aside. One pass over the sample counts them all, each word read as
 * a number (five bits a letter) rather than cut out as a string: four regular expressions over it, one
 * per language, were a sixth of the repair of a damaged document.
 */
const FUNCTION_WORDS = new Map<number, number>();
const LANGUAGES = ['fr', 'de', 'es', 'en'] as const;
const ES = 2;
const LONGEST_WORD = 5;
/** A run that holds a digit or `_`, or is longer than any function word. */
const NO_WORD = -1;

function wordKey(word: string): number {
  let key = 0;
  for (let i = 0; i < word.length; i++) key = key * 32 + (word.charCodeAt(i) - 0x60);
  return key;
}

[
  ['les', 'des', 'est', 'une', 'dans', 'pour', 'qui', 'avec', 'sur', 'pas'],
  ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'sich', 'auf', 'ein'],
  ['el', 'los', 'las', 'del', 'que', 'por', 'una', 'con', 'para'],
  ['the', 'and', 'of', 'to', 'is', 'that', 'with', 'for', 'was', 'on'],
].forEach((words, lang) => words.forEach((w) => FUNCTION_WORDS.set(wordKey(w), lang)));
const EST = wordKey('est');

/** A character `\b` counts as part of a word: ASCII letters, digits and `_`. */
function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * Only the quote style depends on this, and only when a mixed pair has to be rewritten, so a
 * function-word count over the first few kilobytes is enough; Cyrillic text is Russian-styled.
 */
export function guessLanguage(text: string): string {
  const end = Math.min(text.length, 2000);
  let cyrillic = 0;
  let latin = 0;
  const counts = [0, 0, 0, 0];
  let key = 0;
  let length = 0;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0;
    const folded = c | 0x20; // ASCII upper to lower case
    if (folded >= 0x61 && folded <= 0x7a) {
      latin++;
      if (++length > LONGEST_WORD) key = NO_WORD;
      else if (key !== NO_WORD) key = key * 32 + (folded - 0x60);
      continue;
    }
    if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    if (i < end && ((c >= 0x30 && c <= 0x39) || c === 0x5f)) {
      length++;
      key = NO_WORD;
      continue;
    }
    // A word ends here.
    if (length > 0 && key !== NO_WORD) {
      const lang = FUNCTION_WORDS.get(key);
      if (lang !== undefined) counts[lang]!++;
      // Spanish "está": its accent is no word character, so as a whole word it was only ever found
      // with a word character right after it (`\bestá\b`); the count stays what it has always been.
      if (key === EST && folded === 0xe1 && i + 1 < end && isWordChar(text.charCodeAt(i + 1))) counts[ES]!++;
    }
    key = 0;
    length = 0;
  }
  if (cyrillic > latin) {
    const sample = text.length > 2000 ? text.slice(0, 2000) : text;
    return /[іїєґ]/i.test(sample) ? 'uk' : 'ru';
  }
  let best = 'en';
  let bestCount = 0;
  counts.forEach((count, lang) => {
    if (count > bestCount) {
      best = LANGUAGES[lang]!;
      bestCount = count;
    }
  });
  return best;
}
