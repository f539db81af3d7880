import { decodeHTMLStrict } from 'entities';

/**
 * Entity lookups backed by the `entities` package's HTML5 table, so that no table is typed here.
 * Results are cached: a corpus repeats the same few names millions of times.
 */
const cache = new Map<string, string | null>();

/** The decoded value of the named entity `name` (exact case, as HTML5 defines it), or null. */
export function namedEntity(name: string): string | null {
  let value = cache.get(name);
  if (value !== undefined) return value;
  const ref = `&${name};`;
  const decoded = decodeHTMLStrict(ref);
  value = decoded === ref ? null : decoded;
  if (cache.size < 10_000) cache.set(name, value);
  return value;
}

/** Code points that a numeric reference may produce as text: no C0/C1 controls, no surrogates. */
export function numericEntity(digits: string, hex: boolean): string | null {
  const cp = Number.parseInt(digits, hex ? 16 : 10);
  if (!Number.isFinite(cp) || cp > 0x10ffff) return null;
  if (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) return null;
  if (cp >= 0xd800 && cp <= 0xdfff) return null;
  if (cp === 0x7f) return null;
  // 128–159 are windows-1252 in HTML (`&#150;` is an en dash); the decoder knows the mapping.
  return decodeHTMLStrict(`&#${hex ? 'x' : ''}${digits};`);
}

/**
 * Names that translation damage produces again and again and that are not words of any language
 * the tool meets, so a mangled form of them is evidence enough on its own.
 */
const TYPOGRAPHIC = new Set(
  (
    'nbsp quot amp lt gt apos mdash ndash hellip laquo raquo lsaquo rsaquo ldquo rdquo lsquo rsquo ' +
    'bdquo sbquo shy zwnj zwj thinsp ensp emsp hairsp numsp puncsp nobreak middot bull bullet ' +
    'deg plusmn frac12 frac14 frac34 sup1 sup2 sup3 euro trade iexcl iquest ordf ordm sect ' +
    'para laquo brvbar acute cedil macr uml minus prime Prime dagger Dagger permil lrm rlm'
  ).split(' '),
);

/** Accented letters (`eacute`, `Ouml`, `szlig`, `oslash`, `aelig`) are never words either. */
const LETTER_ENTITY = /^[A-Za-z](?:acute|grave|uml|circ|tilde|ring|cedil|slash|caron|ogon|dot|breve|macr|strok|lig)$|^(?:szlig|eth|ETH|thorn|THORN)$/;

/** True when a mangled form of this (lower-cased, valid) name proves damage by itself. */
export function isUnambiguousName(name: string): boolean {
  return TYPOGRAPHIC.has(name) || LETTER_ENTITY.test(name);
}

/** Names decoded even when their semicolon was lost (`& nbsp NATO`), followed by a non-word. */
const SEMICOLON_OPTIONAL = new Set('nbsp mdash ndash hellip laquo raquo ldquo rdquo bdquo quot amp'.split(' '));

export function semicolonOptional(name: string): boolean {
  return SEMICOLON_OPTIONAL.has(name);
}

const SPACES = new Set(['\u00a0', '\u2002', '\u2003', '\u2009', '\u200a', '\u2007', '\u2008', '\u205f', ' ']);

/** True when the entity stands for a space (the kind translators double words around). */
export function isSpaceValue(value: string): boolean {
  return SPACES.has(value);
}
