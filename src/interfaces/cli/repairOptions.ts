import { Option, type Command } from 'commander';
import { FIXER_NAMES, NORMALIZATION_FORMS, PROFILES, type FixOptions, type FixerName, type HtmlEntitiesMode, type NormalizationForm, type Profile } from '../../repair/types.js';

/** The options every command that repairs text shares, mapped one to one onto `FixOptions`. */
export function addRepairOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--html-entities <mode>', 'decode intact entities: auto (not in HTML markup), always, never')
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .option('--keep-nbsp', 'keep decoded no-break spaces as U+00A0 instead of plain spaces')
    .option('--lang <code>', 'language of the text for quote style (en, fr, de, ru, ...); guessed when absent')
    .addOption(new Option('--profile <name>', 'defaults to start from: unmangle (repair damage only) or ftfy (ftfy\'s defaults)').choices([...PROFILES]))
    .addOption(new Option('--normalization <form>', 'Unicode normalization (switches the normalization fixer on unless none)').choices([...NORMALIZATION_FORMS]))
    .option('--disable <fixers>', `comma-separated fixers to switch off (${FIXER_NAMES.join(', ')})`)
    .option('--enable <fixers>', 'comma-separated fixers to switch on');
}

export interface RepairFlags {
  htmlEntities: HtmlEntitiesMode;
  keepNbsp?: boolean;
  lang?: string;
  disable?: string;
  enable?: string;
  profile?: Profile;
  normalization?: NormalizationForm;
}

export function toFixOptions(flags: RepairFlags): FixOptions {
  const fixers: Partial<Record<FixerName, boolean>> = {};
  for (const [list, on] of [
    [flags.disable, false],
    [flags.enable, true],
  ] as const) {
    for (const name of (list ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (!(FIXER_NAMES as readonly string[]).includes(name)) {
        throw new UsageError(`unknown fixer "${name}" (known: ${FIXER_NAMES.join(', ')})`);
      }
      fixers[name as FixerName] = on;
    }
  }
  const options: FixOptions = { fixers, htmlEntities: flags.htmlEntities };
  if (flags.keepNbsp) options.keepNbsp = true;
  if (flags.lang) options.lang = flags.lang;
  if (flags.profile) options.profile = flags.profile;
  if (flags.normalization) options.normalization = flags.normalization;
  return options;
}

/** A wrong command line: exit code 2, like commander's own errors. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
