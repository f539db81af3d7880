import { Option, type Command } from 'commander';
import { FIXER_NAMES, type FixOptions, type FixerName, type HtmlEntitiesMode } from '../../repair/index.js';

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
    .option('--disable <fixers>', `comma-separated fixers to switch off (${FIXER_NAMES.join(', ')})`)
    .option('--enable <fixers>', 'comma-separated fixers to switch on');
}

export interface RepairFlags {
  htmlEntities: HtmlEntitiesMode;
  keepNbsp?: boolean;
  lang?: string;
  disable?: string;
  enable?: string;
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
  return options;
}

/** A wrong command line: exit code 2, like commander's own errors. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
