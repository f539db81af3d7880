/**
 * What machine translation writes for the `&` of a character reference (`y mdash;`, `und nbsp;`,
 * `и нбсп;`): the target language's word for "and", or `+`. Data, one line per language; English is
 * left out on purpose, because an English `and nbsp;` is far more often a real "and" whose `&` was lost.
 */
const AND_WORDS: Readonly<Record<string, readonly string[]>> = {
  de: ['und'],
  fr: ['et'],
  es: ['y', 'e'],
  pt: ['e'],
  it: ['e', 'ed'],
  nl: ['en'],
  pl: ['i'],
  ru: ['и'],
  uk: ['і', 'й', 'та'],
  el: ['και', 'κι'],
  zh: ['和', '与', '與', '及'],
  ja: ['と', '及び'],
  ko: ['및', '와', '과'],
};

const WORDS = new Set(Object.values(AND_WORDS).flat());

/** The longest "and" word, so that a look back from a reference name is bounded. */
export const LONGEST_AND_WORD = Math.max(...[...WORDS].map((w) => w.length));

export function isAndWord(word: string): boolean {
  return WORDS.has(word.toLowerCase());
}

/** Scripts written without spaces, where the "and" word touches the name (`和nbsp;`). */
export function isUnspacedScript(ch: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch);
}

/**
 * Reference names a translator transliterated into Cyrillic, mapped to the real name. Only the
 * names that occur in translated news: the no-break space and the dashes.
 */
export const TRANSLITERATED_NAMES: Readonly<Record<string, string>> = {
  нбсп: 'nbsp',
  мдаш: 'mdash',
  ндаш: 'ndash',
  хеллип: 'hellip',
};
