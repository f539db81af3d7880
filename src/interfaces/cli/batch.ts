import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Shard } from '../../corpus/shard.js';
import { META_LEVELS } from '../../corpus/chunk.js';
import { configFromFlags, type RecordFlags } from './corpusConfig.js';
import { addRepairOptions, UsageError } from './repairOptions.js';

interface BatchFlags extends RecordFlags {
  output?: string;
  outDir?: string;
  workers: number;
  unordered?: boolean;
  resume?: boolean;
  rejects?: string;
  strict?: boolean;
  summary?: string;
  quiet?: boolean;
  progress?: boolean;
  checkpointMs?: number;
  progressMs?: number;
}

export function registerBatch(program: Command): void {
  const command = program
    .command('batch')
    .description('repair a corpus on all cores: JSON lines, text files, directories, globs or WARC files in, JSON lines (or a mirrored tree) out')
    .argument('[inputs...]', 'files, directories, globs (.gz and .zst read transparently); - or nothing for standard input')
    .option('--field <name>', 'the text field of JSON lines records (and of the output records)', 'text')
    .option('--id-field <name>', 'JSON lines: the record id used for --shard when present', 'id')
    .option('--lines', 'text files: one record per line instead of one per file (same as --format lines)')
    .addOption(new Option('--format <format>', 'input format; auto goes by file name (.jsonl/.ndjson, .warc, else text)').choices(['auto', 'jsonl', 'text', 'lines', 'warc']).default('auto'))
    .addOption(new Option('--mode <mode>', 'fix: repair the text; article: extract a clean article (HTML too)').choices(['fix', 'article']).default('fix'))
    .addOption(new Option('--meta <level>', 'what each output record carries under "unmangle": full (source, line or offset, fixes, damage), counts (fixes and damage) or none').choices([...META_LEVELS]).default('full'))
    .option('-o, --output <file>', 'write JSON lines to this file instead of standard output (needed for --resume; its directory is created when missing; a device or pipe such as /dev/null is written without a journal)')
    .option('--out-dir <dir>', 'write one repaired file per input file, at the same relative path')
    .option('--workers <n>', 'worker threads', parseCount, availableParallelism())
    .option('--unordered', 'write records as they are done instead of in input order')
    .option('--shard <I/N>', 'process only shard I of N (deterministic by record id, or file and line)', parseShard)
    .option('--resume', 'continue a run of the same command that was stopped or killed')
    .option('--rejects <file>', 'write rejected records here, verbatim, one per line')
    .option('--strict', 'stop at the first bad record (exit code 1)')
    .option('--summary <file>', 'also write the final summary as JSON to this file')
    .option('-q, --quiet', 'no progress line and no message per rejected record; the summary is still printed')
    .option('--progress', 'show the progress line even when standard error is not a terminal')
    .option('--max-line-bytes <n>', 'longest line accepted; longer ones are rejected', parseCount, 64 * 1024 * 1024)
    // Tuning knobs for tests and experiments, not part of the documented interface.
    .addOption(new Option('--chunk-records <n>').argParser(parseCount).hideHelp())
    .addOption(new Option('--checkpoint-ms <n>').argParser(parseCount).hideHelp())
    .addOption(new Option('--progress-ms <n>').argParser((v) => Number(v)).hideHelp());
  addRepairOptions(command).action(async (inputs: string[], flags: BatchFlags) => {
    if (flags.output && flags.outDir) throw new UsageError('--output and --out-dir exclude each other');
    if (flags.resume && !flags.output && !flags.outDir) throw new UsageError('--resume needs --output FILE or --out-dir DIR (standard output cannot be resumed)');
    if (flags.outDir && flags.unordered) throw new UsageError('--out-dir writes each file in order; drop --unordered');
    if (flags.resume && flags.unordered) throw new UsageError('--resume needs ordered output; drop --unordered');
    if (flags.resume && (inputs.length === 0 || inputs.includes('-'))) throw new UsageError('--resume cannot re-read standard input; name the input files');
    if (flags.outDir && (inputs.length === 0 || inputs.includes('-'))) throw new UsageError('--out-dir mirrors input files; standard input has no file name');
    const config = configFromFlags(inputs, flags, {
      strict: flags.strict ?? false,
      workers: flags.workers,
      unordered: flags.unordered ?? false,
      output: flags.output ?? null,
      outDir: flags.outDir ?? null,
      rejects: flags.rejects ?? null,
      summaryFile: flags.summary ?? null,
      resume: flags.resume ?? false,
      quiet: flags.quiet ?? false,
      ...(flags.checkpointMs ? { checkpointMs: flags.checkpointMs } : {}),
    });
    // Loaded here, not with the CLI: the pool and the corpus engine are this command's alone. The
    // workers start first, so that they load the repair layer while this thread loads the engine.
    const { LocalPool } = await import('../batch/pool.js');
    const pool = new LocalPool(config.workers);
    let run: typeof import('../batch/run.js');
    try {
      run = await import('../batch/run.js');
    } catch (err) {
      await pool.destroy();
      throw err;
    }
    const { BatchSetupError, runBatch } = run;
    try {
      await runBatch(
        {
          ...config,
          progress: flags.progress ?? process.stderr.isTTY === true,
          ...(flags.progressMs !== undefined ? { progressMs: flags.progressMs } : {}),
        },
        process.stdout,
        process.stderr,
        pool,
      );
    } catch (err) {
      if (err instanceof BatchSetupError) throw new UsageError(err.message);
      throw err;
    }
  });
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`not a positive whole number: ${value}`);
  return n;
}

/** `I/N` with 1 ≤ I ≤ N, counted from 1 so that `--shard 1/4` … `--shard 4/4` cover a corpus. */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new InvalidArgumentError(`wants I/N with 1 ≤ I ≤ N (e.g. 2/8), not "${value}"`);
  return { index, count };
}
