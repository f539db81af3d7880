import {
  FIXER_NAMES,
  NORMALIZATION_FORMS,
  PROFILES,
  type FixOptions,
  type FixerName,
  type NormalizationForm,
  type Profile,
  type ResolvedOptions,
} from './types.js';

/**
 * Unmangle's defaults change only what is damaged. Fixers that would also change correct text are off:
 * uncurling quotes and folding character width (curly quotes and the fullwidth comma are correct),
 * ligatures (`ﬁ` is a legitimate character, if rarely wanted), line breaks (CRLF is correct on its
 * platform), control characters (a form feed or a tag may be meant) and normalization (NFC rewrites CJK
 * compatibility ideographs and changes the bytes of correct decomposed text). On: everything that only
 * ever touches damage — terminal escapes, lone surrogates, mojibake and C1 controls.
 */
const UNMANGLE_DEFAULTS: Record<FixerName, boolean> = {
  terminalEscapes: true,
  surrogates: true,
  mojibake: true,
  c1Controls: true,
  mangledEntities: true,
  htmlEntities: true,
  collateral: true,
  quotes: true,
  latinLigatures: false,
  characterWidth: false,
  uncurlQuotes: false,
  lineBreaks: false,
  controlChars: false,
  normalization: false,
};

/** ftfy's defaults: its fixes all on, NFC; Unmangle's own translation and entity-damage fixers off. */
const FTFY_DEFAULTS: Record<FixerName, boolean> = {
  terminalEscapes: true,
  surrogates: true,
  mojibake: true,
  c1Controls: true,
  mangledEntities: false,
  htmlEntities: true,
  collateral: false,
  quotes: false,
  latinLigatures: true,
  characterWidth: true,
  uncurlQuotes: true,
  lineBreaks: true,
  controlChars: true,
  normalization: true,
};

interface ProfileDefaults {
  fixers: Record<FixerName, boolean>;
  normalization: NormalizationForm;
  keepNbsp: boolean;
  guessLostBytes: boolean;
}

const PROFILE_DEFAULTS: Record<Profile, ProfileDefaults> = {
  unmangle: { fixers: UNMANGLE_DEFAULTS, normalization: 'none', keepNbsp: false, guessLostBytes: true },
  ftfy: { fixers: FTFY_DEFAULTS, normalization: 'NFC', keepNbsp: true, guessLostBytes: false },
};

/**
 * `fixText(text)` with no options is the common call, and everything keyed by the settings (the
 * enabled fixers, the prose screen) is found faster on an object seen before: resolved once, frozen.
 */
let defaultResolved: ResolvedOptions | undefined;

export function resolveOptions(options?: FixOptions): ResolvedOptions {
  // Frozen, so that what is keyed by one (see `settingsKey`) stays true of it.
  if (options === undefined) return (defaultResolved ??= freeze(resolve({})));
  return freeze(resolve(options));
}

function freeze(resolved: ResolvedOptions): ResolvedOptions {
  Object.freeze(resolved.fixers);
  return Object.freeze(resolved);
}

function resolve(options: FixOptions): ResolvedOptions {
  const profile = options.profile ?? 'unmangle';
  if (!PROFILES.includes(profile)) {
    throw new RangeError(`profile must be ${PROFILES.join(' or ')}, not "${profile}"`);
  }
  const defaults = PROFILE_DEFAULTS[profile];
  const fixers = { ...defaults.fixers };
  let normalization: NormalizationForm = defaults.normalization;
  if (options.normalization !== undefined) {
    if (!NORMALIZATION_FORMS.includes(options.normalization)) {
      throw new RangeError(`normalization must be one of ${NORMALIZATION_FORMS.join(', ')}, not "${options.normalization}"`);
    }
    normalization = options.normalization;
    fixers.normalization = normalization !== 'none';
  }
  for (const [name, on] of Object.entries(options.fixers ?? {})) {
    if (!(FIXER_NAMES as readonly string[]).includes(name)) {
      throw new RangeError(`unknown fixer "${name}" (known: ${FIXER_NAMES.join(', ')})`);
    }
    if (on !== undefined) fixers[name as FixerName] = on;
  }
  if (fixers.normalization && normalization === 'none') normalization = 'NFC';
  if (!fixers.normalization) normalization = 'none';
  const htmlEntities = options.htmlEntities ?? 'auto';
  if (!['auto', 'always', 'never'].includes(htmlEntities)) {
    throw new RangeError(`htmlEntities must be auto, always or never, not "${htmlEntities}"`);
  }
  if (options.from !== undefined && options.from !== 'text' && options.from !== 'html') {
    throw new RangeError(`from must be text or html, not "${options.from}"`);
  }
  return {
    profile,
    fixers,
    htmlEntities,
    keepNbsp: options.keepNbsp ?? defaults.keepNbsp,
    lang: options.lang,
    normalization,
    restoreByteA0: options.restoreByteA0 ?? true,
    replaceLossySequences: options.replaceLossySequences ?? true,
    guessLostBytes: options.guessLostBytes ?? defaults.guessLostBytes,
  };
}

/**
 * A number that is the same for two resolved options exactly when they enable the same fixers with
 * the same normalization form: what the pipeline's per-settings tables are keyed by. Cheaper than a
 * WeakMap entry per `fixText` call, which the garbage collector pays for.
 */
export function settingsKey(resolved: ResolvedOptions): number {
  // A corpus run and `fixText()` without options ask about one object again and again.
  if (resolved === lastResolved) return lastKey;
  let key = NORMALIZATION_FORMS.indexOf(resolved.normalization);
  for (const name of FIXER_NAMES) key = key * 2 + (resolved.fixers[name] ? 1 : 0);
  lastResolved = resolved;
  lastKey = key;
  return key;
}
let lastResolved: ResolvedOptions | undefined;
let lastKey = 0;
