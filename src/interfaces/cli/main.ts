import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { InputError } from '../../corpus/io/errors.js';
import { registerArticle } from './article.js';
import { registerBatch } from './batch.js';
import { registerQueue } from './queue.js';
import { registerFix } from './fix.js';
import { registerServe } from './serve.js';
import { UsageError } from './repairOptions.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, internal: 70 } as const;

export function buildProgram(): Command {
  const program = new Command('unmangle')
    .description('Restore text damaged by encoders, HTML handling and machine translation.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 bad input (message names the file and line), 2 usage error, 70 internal error.',
    )
    .exitOverride();
  registerFix(program);
  registerServe(program);
  registerArticle(program);
  registerBatch(program);
  registerQueue(program);
  return program;
}

function packageVersion(): string {
  // dist/src/interfaces/cli/main.js → the package root
  const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // A closed pipe (`unmangle fix big.txt | head`) is the reader's choice, not a failure.
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  try {
    await buildProgram().parseAsync(expandValuedFlags(argv), { from: 'user' });
  } catch (err) {
    process.exitCode = report(err);
  }
}

/**
 * `--explain` is a flag, so that `fix --explain FILE` reads FILE; `--explain=json` picks the format.
 */
function expandValuedFlags(argv: string[]): string[] {
  return argv.flatMap((arg) => {
    const m = /^--explain=(.*)$/.exec(arg);
    return m ? ['--explain', `--explain-format=${m[1]}`] : [arg];
  });
}

function report(err: unknown): number {
  if (err instanceof CommanderError) {
    // Commander has printed its message already; help and version are not errors.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof InputError) {
    process.stderr.write(`unmangle: ${err.message}\n`);
    return EXIT.badInput;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`unmangle: ${err.message}\n`);
    return EXIT.usage;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`unmangle: internal error: ${message} (please report it; set UNMANGLE_DEBUG=1 for details)\n`);
  if (process.env.UNMANGLE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return EXIT.internal;
}
