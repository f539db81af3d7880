import { PHRASES, type BoilerplateKind } from './patterns.js';

export interface BoilerplateHit {
  kind: BoilerplateKind;
  lang: string;
}

interface Rule {
  kind: BoilerplateKind;
  lang: string;
  test: (line: string, normalised: string) => boolean;
}

/** Lines longer than this are prose, whatever words they start with. */
const MAX_PROMPT = 120;
const MAX_PAYLOAD_LINE = 250;
const MAX_NOTICE = 600;

const LEAD = /^[\s•·●▪■►▶→»›>|*#\-–—]+/u;
const TRAIL = /[\s.:;!…»«›→>|*\-–—]*(?:\(\s*\d+\s*\))?[\s.:;!…»›→>|*\-–—]*$/u;

function normalise(line: string): string {
  return line.replace(LEAD, '').replace(TRAIL, '').replace(/\s+/g, ' ').toLowerCase();
}

/** `\\w` in a JavaScript regex is ASCII even with the `u` flag; the phrases need it for every script. */
function unicodeWords(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && source[i + 1] === 'w') {
      out += inClass ? '\\p{L}\\p{N}_' : '[\\p{L}\\p{N}_]';
      i++;
      continue;
    }
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

function alternatives(alts: readonly string[]): string {
  return unicodeWords(alts.join('|'));
}

interface Rules {
  list: Rule[];
  /**
   * One pattern per rule type that matches wherever any rule of the type can: almost every line is
   * content, and one test of these clears it instead of one test per family and language.
   */
  anyPhrase: RegExp;
  anyPayload: RegExp;
  anyNotice: RegExp;
}

/**
 * The phrases are lower case and are matched against lower-cased lines, so they are compiled
 * without the `i` flag: with `u`, `i` makes V8 build the case variants of every letter, which
 * took a tenth of a second on the first lines a process classified, for no different answer.
 */
const PHRASE_FLAGS = 'u';

function compile(): Rules {
  const rules: Rule[] = [];
  const phrases: string[] = [];
  const payloads: string[] = [];
  const notices: string[] = [];
  for (const set of PHRASES) {
    for (const [lang, alts] of Object.entries(set.phrases)) {
      if (alts.length === 0) continue;
      const re = new RegExp(`^(?:${alternatives(alts)})$`, PHRASE_FLAGS);
      phrases.push(alternatives(alts));
      rules.push({ kind: set.kind, lang, test: (line, n) => line.length <= MAX_PROMPT && re.test(n) });
    }
    for (const [lang, alts] of Object.entries(set.withPayload ?? {})) {
      const re = new RegExp(`^(?:${alternatives(alts)})\\s*[:：—–]\\s*\\S`, PHRASE_FLAGS);
      payloads.push(alternatives(alts));
      rules.push({
        kind: set.kind,
        lang,
        test: (line, n) => line.length <= MAX_PAYLOAD_LINE && re.test(n) && payloadIsList(set.kind, n),
      });
    }
    for (const [lang, alts] of Object.entries(set.notices ?? {})) {
      const re = new RegExp(`^(?:${alternatives(alts)})`, PHRASE_FLAGS);
      notices.push(alternatives(alts));
      rules.push({ kind: set.kind, lang, test: (line, n) => line.length <= MAX_NOTICE && re.test(n) });
    }
  }
  const any = (alts: string[], tail: string) => (alts.length ? new RegExp(`^(?:${alts.join('|')})${tail}`, PHRASE_FLAGS) : /$^/);
  return {
    list: rules,
    anyPhrase: any(phrases, '$'),
    anyPayload: any(payloads, '\\s*[:：—–]\\s*\\S'),
    anyNotice: any(notices, ''),
  };
}

/** A tag list is words and commas; a related link is one headline, not several sentences. */
function payloadIsList(kind: BoilerplateKind, normalised: string): boolean {
  const payload = normalised.replace(/^[^:：—–]*[:：—–]\s*/u, '');
  if (kind === 'tags') return payload.split(/[,;|#]/).every((t) => t.trim().split(/\s+/).length <= 5);
  return !/[.!?]\s+\p{Lu}/u.test(payload);
}

let rules: Rules | undefined;

/** A caption ends with the agency's photo credit: `(AP Photo/Alan Diaz, File)`, `(Image: GETTY)`. */
const AGENCY_CREDIT = /\((?:[\w .-]*\b(?:photo|image|picture|foto|фото)s?\b[^()]{0,60}|image: [^()]{1,40})\)$/iu;

const COPYRIGHT_START = /^(?:©|\(c\)|copyright\b|копирайт|℗)/iu;
const COPYRIGHT_ANYWHERE = /(?:all rights reserved|все права защищены|(?:всі|усі) права (?:захищені|захищено)|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)/iu;

/** The boilerplate family a single line belongs to, or null when it is content. */
export function classifyLine(line: string): BoilerplateHit | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > MAX_NOTICE) return null;
  // Body paragraphs are long: only notices (which match at the start) can apply to them.
  const n = trimmed.length > MAX_PAYLOAD_LINE ? trimmed.slice(0, 200).toLowerCase() : normalise(trimmed);
  if (n === '') return null;
  rules ??= compile();
  const candidate =
    (trimmed.length <= MAX_PROMPT && rules.anyPhrase.test(n)) ||
    (trimmed.length <= MAX_PAYLOAD_LINE && rules.anyPayload.test(n)) ||
    rules.anyNotice.test(n);
  if (candidate) for (const rule of rules.list) if (rule.test(trimmed, n)) return { kind: rule.kind, lang: rule.lang };
  if (trimmed.length <= 300 && AGENCY_CREDIT.test(trimmed)) return { kind: 'caption', lang: 'en' };
  if (trimmed.length <= 200 && (COPYRIGHT_START.test(trimmed) || COPYRIGHT_ANYWHERE.test(trimmed))) {
    return { kind: 'copyright', lang: guessCopyrightLang(trimmed) };
  }
  return null;
}

function guessCopyrightLang(line: string): string {
  if (/[іїєґ]/iu.test(line)) return 'uk';
  if (/[а-я]/iu.test(line)) return 'ru';
  if (/vorbehalten/i.test(line)) return 'de';
  if (/réservés/i.test(line)) return 'fr';
  if (/reservados/i.test(line)) return 'es';
  return 'en';
}

/**
 * A line that continues a list opened by a `Related` heading or a comment form: short, no sentence
 * inside it. Such lines are boilerplate only right after an opener.
 */
export function continuesList(kind: BoilerplateKind, line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (kind === 'related') return t.length <= 160 && !/[.!?]\s+\p{Lu}/u.test(t) && !/[.]$/.test(t);
  if (kind === 'comments') return t.length <= 40 && t.split(/\s+/).length <= 5 && !/[.!?]$/.test(t);
  if (kind === 'share') return t.length <= 30 && t.split(/\s+/).length <= 3;
  return false;
}
