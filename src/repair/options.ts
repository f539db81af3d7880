import { FIXER_NAMES, type FixOptions, type FixerName, type ResolvedOptions } from './types.js';

const DEFAULT_FIXERS: Record<FixerName, boolean> = Object.fromEntries(
  FIXER_NAMES.map((name) => [name, true]),
) as Record<FixerName, boolean>;

export function resolveOptions(options: FixOptions = {}): ResolvedOptions {
  const fixers = { ...DEFAULT_FIXERS };
  for (const [name, on] of Object.entries(options.fixers ?? {})) {
    if (!(FIXER_NAMES as readonly string[]).includes(name)) {
      throw new RangeError(`unknown fixer "${name}" (known: ${FIXER_NAMES.join(', ')})`);
    }
    if (on !== undefined) fixers[name as FixerName] = on;
  }
  const htmlEntities = options.htmlEntities ?? 'auto';
  if (!['auto', 'always', 'never'].includes(htmlEntities)) {
    throw new RangeError(`htmlEntities must be auto, always or never, not "${htmlEntities}"`);
  }
  if (options.from !== undefined && options.from !== 'text' && options.from !== 'html') {
    throw new RangeError(`from must be text or html, not "${options.from}"`);
  }
  return { fixers, htmlEntities, keepNbsp: options.keepNbsp ?? false, lang: options.lang };
}
