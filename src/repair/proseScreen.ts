import { isAscii } from './ascii.js';
import { settingsKey } from './options.js';
import type { FixContext, Fixer, FixerEdit, FixerName, ResolvedOptions } from './types.js';

/**
 * The non-ASCII characters of ordinary English prose: curly quotes and apostrophes, en and em dashes,
 * the ellipsis and the no-break space. About half the lines of a clean corpus that fail the byte screen
 * fail it only for these (issue #13: 6.1% of the nlp-corpus lines), and they paid the whole pipeline.
 */
export function isProsePunctuation(c: number): boolean {
  return c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2013 || c === 0x2014 || c === 0x2018 || c === 0x2026 || c === 0xa0;
}

/**
 * What each fixer can do to a text made of prose punctuation and ASCII without the fixer's own trigger
 * bytes. `inert`: nothing, by its trigger pattern (read it before changing that pattern):
 * terminalEscapes needs ESC; surrogates, lone surrogates; c1Controls, U+0080–U+009F; htmlEntities, `&`;
 * collateral acts only next to the sites other fixers' edits leave; latinLigatures, characterWidth,
 * lineBreaks and controlChars look for characters none of which is prose punctuation; NFC and NFD leave
 * all of it as it is. `asked`: it may (quotes pairs marks up, mangledEntities reads `;`), so it is
 * run, alone, as the pipeline's first round would run it. `changes`: it rewrites prose punctuation, and
 * the screen is off. `spaced`: mojibake, inert when no two non-ASCII characters are adjacent, no `0`
 * follows one and there is no NUL (see `screenText`).
 */
const ON_PROSE: Record<FixerName, 'inert' | 'asked' | 'spaced' | 'changes'> = {
  terminalEscapes: 'inert',
  surrogates: 'inert',
  mojibake: 'spaced',
  c1Controls: 'inert',
  mangledEntities: 'asked',
  htmlEntities: 'inert',
  collateral: 'inert',
  quotes: 'asked',
  latinLigatures: 'inert',
  characterWidth: 'inert',
  uncurlQuotes: 'changes',
  lineBreaks: 'inert',
  controlChars: 'inert',
  normalization: 'inert',
};

/** For one set of options: the ASCII characters the inert fixers act on, and the fixers to ask. */
export interface ProseScreen {
  /** Per UTF-16 unit: one of the classes below (one lookup per character of a text). */
  classes: Uint8Array;
  asked: readonly Fixer[];
  /**
   * For an ASCII text: each enabled fixer, in pipeline order, with the ASCII characters it declares
   * as its triggers (and NUL for mojibake's UTF-16 repair). Without them it has nothing to do there.
   */
  onAscii: readonly { fixer: Fixer; triggers: readonly string[] }[];
}
const ASCII = 0;
const FLAGGED = 1;
const PUNCTUATION = 2;
/** `0`, where mojibake is on: UTF-16 read byte by byte is looked for from a `0` after a non-ASCII character. */
const ZERO = 3;

const byKey = new Map<number, ProseScreen | null>();

/** The prose screen for these options and this pipeline, or null when a fixer rewrites prose punctuation. */
export function proseScreenFor(resolved: ResolvedOptions, pipeline: readonly Fixer[]): ProseScreen | null {
  // Keyed by the settings, not by the options object: `fixText` resolves its options per call.
  const key = settingsKey(resolved);
  let screen = byKey.get(key);
  if (screen === undefined) {
    screen = build(resolved, pipeline);
    byKey.set(key, screen);
  }
  return screen;
}

function build(resolved: ResolvedOptions, pipeline: readonly Fixer[]): ProseScreen | null {
  // Compatibility forms turn the ellipsis into three dots and the no-break space into a space.
  if (resolved.normalization === 'NFKC' || resolved.normalization === 'NFKD') return null;
  const classes = new Uint8Array(0x10000).fill(FLAGGED, 0x80);
  for (let c = 0x80; c < 0x10000; c++) if (isProsePunctuation(c)) classes[c] = PUNCTUATION;
  const asked: Fixer[] = [];
  for (const fixer of pipeline) {
    if (!resolved.fixers[fixer.name]) continue;
    const role = ON_PROSE[fixer.name];
    if (role === 'changes') return null;
    if (role === 'asked') asked.push(fixer);
    else for (const b of fixer.triggers.ascii) classes[b] = FLAGGED;
    if (role === 'spaced') {
      classes[0] = FLAGGED;
      classes[0x30] = ZERO;
    }
  }
  const onAscii = pipeline
    .filter((fixer) => resolved.fixers[fixer.name])
    .map((fixer) => ({ fixer, triggers: [...fixer.triggers.ascii, ...(ON_PROSE[fixer.name] === 'spaced' ? [0] : [])].map((b) => String.fromCharCode(b)) }))
    .filter(({ triggers }) => triggers.length > 0);
  return { classes, asked, onAscii };
}

/** The first fixer of the pipeline's first round with edits, and those edits. */
export interface FirstEdits {
  fixer: Fixer;
  edits: FixerEdit[];
}

/**
 * What the pipeline's first round does to `text`, decided without running all of it: null when it
 * changes nothing; the first fixer with edits and its edits when an asked fixer found some (every fixer
 * before it in the round has none, so the round can go on from there without asking them again);
 * undefined when the screen cannot tell. An ASCII text: the fixers whose trigger characters it holds
 * are asked. Any other: when every character is ASCII no inert fixer acts on or prose punctuation, the
 * asked fixers are. `ctx` must be the context the first round gives its fixers (no sites yet). Exact:
 * in that round the fixers not asked have nothing to do, so each asked one sees this very text and context.
 */
export function screenText(text: string, screen: ProseScreen, ctx: FixContext): FirstEdits | null | undefined {
  // Half the documents of a clean corpus are ASCII. There a native search per trigger character is
  // several times cheaper than reading each character here, and the triggers the fixers declare (the
  // byte screen's property test holds them to it) say which can act at all.
  if (isAscii(text)) {
    for (const { fixer, triggers } of screen.onAscii) {
      if (!triggers.some((c) => text.includes(c))) continue;
      const edits = fixer.apply(text, ctx);
      if (edits.length > 0) return { fixer, edits };
    }
    return null;
  }
  const classes = screen.classes;
  // Whether the character before was prose punctuation: two adjacent (`’”`), or a `0` after one, are
  // where the mojibake fixer starts looking. Every UTF-8 and double-byte repair needs two adjacent
  // non-ASCII characters or one that is not prose punctuation (Ã, Â, a C1 control), legacy-word repair
  // a letter beyond ASCII, UTF-16 repair a NUL or such a `0`; so without them it has nothing to do.
  let after = false;
  for (let i = 0; i < text.length; i++) {
    const k = classes[text.charCodeAt(i)]!;
    if (k === ASCII) {
      after = false;
    } else if (k === PUNCTUATION) {
      if (after) return undefined;
      after = true;
    } else if (k === FLAGGED || after) {
      return undefined;
    }
  }
  for (const fixer of screen.asked) {
    const edits = fixer.apply(text, ctx);
    if (edits.length > 0) return { fixer, edits };
  }
  return null;
}
