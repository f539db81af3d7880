import iconv from 'iconv-lite';
import { pick } from './random.js';

/**
 * Mojibake of the usual kinds applied to clean text, for benchmarks and property tests: the text is
 * first given typographic characters (so that there is something to garble: curly apostrophes, dashes,
 * accented names), then whole documents or single words are encoded as UTF-8 and read in a wrong code
 * page, sometimes twice. Returns the damaged text and the clean text it should be repaired to.
 */
const PAGES = ['windows-1252', 'windows-1252', 'windows-1252', 'latin1', 'windows-1251', 'windows-1250', 'macintosh'];
const ACCENTED: Record<string, string> = { e: 'é', a: 'à', o: 'ô', u: 'ü', i: 'ï', c: 'ç', n: 'ñ' };

export function withTypography(clean: string, rng: () => number): string {
  let text = clean.replace(/(?<=[a-z])'(?=[a-z])/g, '’').replace(/ - /g, ' – ').replace(/\.\.\./g, '…');
  text = text.replace(/\b([A-Z][a-z]{3,})\b/g, (word) => {
    if (rng() >= 0.2) return word;
    const k = 1 + Math.floor(rng() * (word.length - 1));
    const accented = ACCENTED[word[k]!];
    return accented ? word.slice(0, k) + accented + word.slice(k + 1) : word;
  });
  return text;
}

/** UTF-8 read in `page`; bytes the page leaves undefined show as the C1 character of the same number. */
function misread(text: string, page: string): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) {
    const ch = b < 0x80 ? String.fromCharCode(b) : iconv.decode(Buffer.from([b]), page);
    out += ch === '\ufffd' ? String.fromCharCode(b) : ch;
  }
  return out;
}

export function damageWithMojibake(clean: string, rng: () => number): { damaged: string; expected: string } {
  const expected = withTypography(clean, rng);
  if (!/[^\u0000-\u007f]/.test(expected)) return { damaged: expected, expected };
  const mode = rng();
  if (mode < 0.4) {
    // The whole document through one wrong code page (windows-1252 leaves bytes 81, 8D, 8F, 90 and 9D
    // undefined; the way web text shows them is as the C1 character of the same number).
    const page = pick(rng, PAGES);
    const once = misread(expected, page);
    if (!once.includes('\ufffd')) return { damaged: once, expected };
    return { damaged: expected, expected };
  }
  if (mode < 0.55) {
    const twice = misread(misread(expected, 'windows-1252'), 'windows-1252');
    if (!twice.includes('\ufffd')) return { damaged: twice, expected };
    return { damaged: expected, expected };
  }
  // Single words pasted in as mojibake into otherwise correct text.
  const damaged = expected.replace(/[^\s]*[^\u0000-\u007f][^\s]*/g, (word) => {
    if (rng() >= 0.5) return word;
    const bad = misread(word, 'windows-1252');
    return bad.includes('\ufffd') ? word : bad;
  });
  return { damaged, expected };
}
