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

const FUNCTION_WORDS: ReadonlyArray<[string, RegExp]> = [
  ['fr', /\b(?:les|des|est|une|dans|pour|qui|avec|sur|pas)\b/gi],
  ['de', /\b(?:der|die|das|und|ist|nicht|mit|sich|auf|ein)\b/gi],
  ['es', /\b(?:el|los|las|del|que|por|una|con|para|está)\b/gi],
  ['en', /\b(?:the|and|of|to|is|that|with|for|was|on)\b/gi],
];

/**
 * Only the quote style depends on this, and only when a mixed pair has to be rewritten, so a
 * function-word count over the first few kilobytes is enough; Cyrillic text is Russian-styled.
 */
export function guessLanguage(text: string): string {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    const folded = c | 0x20; // ASCII upper to lower case
    if (folded >= 0x61 && folded <= 0x7a) latin++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
  }
  if (cyrillic > latin) return /[іїєґ]/i.test(sample) ? 'uk' : 'ru';
  let best = 'en';
  let bestCount = 0;
  for (const [lang, re] of FUNCTION_WORDS) {
    const count = (sample.match(re) ?? []).length;
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  return best;
}
