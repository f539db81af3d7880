/**
 * The repair layer's contract. A fixer looks at the text as the previous fixers left it and proposes
 * edits; the pipeline applies them, records them as steps and tells later fixers where earlier ones
 * changed something (damage sites), because translation damage clusters around those places.
 */

/** A replacement proposed by a fixer, in the coordinates of the text the fixer was given. */
export interface FixerEdit {
  start: number;
  end: number;
  after: string;
  /** What kind of damage this was (e.g. `space-entity`), so that later fixers can act near it. */
  tag?: string;
  /** A human-readable reason, e.g. `& nbsp; → space` or `encode windows-1252 → decode utf-8`. */
  note?: string;
}

/** A place in the current text where an earlier fixer changed something. */
export interface DamageSite {
  start: number;
  end: number;
  fixer: string;
  tag?: string;
}

export interface FixContext {
  readonly options: ResolvedOptions;
  /** Sorted by start; spans of the current text produced by earlier fixers in this run. */
  readonly sites: readonly DamageSite[];
  /** True when the text as given to the pipeline contains HTML tags. */
  readonly isMarkup: boolean;
  /** True when the caller records steps: only then are notes read, so fixers may skip building them. */
  readonly explain: boolean;
}

/**
 * What must be in a text for a fixer to change anything in it, as UTF-8 bytes: the ASCII characters
 * it looks for, and whether any character above U+007F may concern it. `[]` and `false` declare a
 * fixer that works only next to the sites of earlier fixers (nothing to do unless another fixer
 * acted). The byte screen (`screen.ts`) is derived from these: a text with none of the enabled
 * fixers' triggers comes out unchanged, which a property test checks for every fixer.
 */
export interface Triggers {
  readonly ascii: readonly number[];
  readonly nonAscii: boolean;
}

export interface Fixer {
  readonly name: FixerName;
  readonly triggers: Triggers;
  /** Returns sorted, non-overlapping edits (an empty array when nothing is wrong). */
  apply(text: string, ctx: FixContext): FixerEdit[];
}

/**
 * One recorded change. `start`/`end` are offsets into the text as it stood when this step's pass ran
 * (what `applyPlan` replays); `inputStart`/`inputEnd` are the offsets into the original input that
 * the change traces back to (what a person wants highlighted).
 */
export interface Step {
  fixer: FixerName;
  pass: number;
  start: number;
  end: number;
  before: string;
  after: string;
  inputStart: number;
  inputEnd: number;
  note?: string;
}

/** Changes made per fixer; fixers that changed nothing are absent. */
export type FixCounts = Partial<Record<FixerName, number>>;

export interface ExplainResult {
  text: string;
  steps: Step[];
}

export const FIXER_NAMES = [
  'terminalEscapes',
  'surrogates',
  'mojibake',
  'c1Controls',
  'mangledEntities',
  'htmlEntities',
  'collateral',
  'quotes',
  'latinLigatures',
  'characterWidth',
  'uncurlQuotes',
  'lineBreaks',
  'controlChars',
  'normalization',
] as const;
export type FixerName = (typeof FIXER_NAMES)[number];

export type HtmlEntitiesMode = 'auto' | 'always' | 'never';

/** `unmangle` (default): change only what is damaged. `ftfy`: the defaults of Python's ftfy. */
export type Profile = 'unmangle' | 'ftfy';
export const PROFILES: readonly Profile[] = ['unmangle', 'ftfy'];

export type NormalizationForm = 'NFC' | 'NFD' | 'NFKC' | 'NFKD' | 'none';
export const NORMALIZATION_FORMS: readonly NormalizationForm[] = ['NFC', 'NFD', 'NFKC', 'NFKD', 'none'];

export interface FixOptions {
  /** Which defaults to start from; `fixers` and the other options below override them. */
  profile?: Profile;
  /** Switch fixers on (true) or off (false); unspecified ones keep their profile's defaults. */
  fixers?: Partial<Record<FixerName, boolean>>;
  /**
   * `auto` (default): decode entities unless the text is HTML markup (contains tags); `always`:
   * decode even in markup; `never`: leave intact entities alone.
   */
  htmlEntities?: HtmlEntitiesMode;
  /** Keep decoded no-break spaces as U+00A0 instead of ordinary spaces. */
  keepNbsp?: boolean;
  /** Language of the text (`en`, `fr`, `de`, `ru`, ...) for quote style; detected when absent. */
  lang?: string;
  /**
   * Unicode normalization form applied by the `normalization` fixer. Default `none` (Unmangle) or `NFC`
   * (ftfy profile); giving a form other than `none` switches the fixer on.
   */
  normalization?: NormalizationForm;
  /** Mojibake repair may put back byte A0 that became a space (default true). */
  restoreByteA0?: boolean;
  /** Mojibake repair may turn a sequence with a lost byte into U+FFFD (default true). */
  replaceLossySequences?: boolean;
  /**
   * Where a lost byte can only have been one thing in practice, mojibake repair puts it back instead of
   * writing U+FFFD (`â€œquotedâ€�` → `“quoted”`). Default true; false in the ftfy profile.
   */
  guessLostBytes?: boolean;
  /**
   * `text` (default) or `html`: the input is markup (a fragment or a page); its tags and entities
   * are repaired and its plain text, block by block, is what gets fixed and returned. Steps then
   * refer to that plain text, not to the markup.
   */
  from?: InputKind;
}

export type InputKind = 'text' | 'html';

export interface ResolvedOptions {
  profile: Profile;
  fixers: Record<FixerName, boolean>;
  htmlEntities: HtmlEntitiesMode;
  keepNbsp: boolean;
  lang: string | undefined;
  normalization: NormalizationForm;
  restoreByteA0: boolean;
  replaceLossySequences: boolean;
  guessLostBytes: boolean;
}
