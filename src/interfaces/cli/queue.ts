import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { PIECE_BYTES } from '../../corpus/chunk.js';
import type { QueuePlace } from '../queue/redis.js';
import { parseCount } from './batch.js';
import { configFromFlags, type RecordFlags } from './corpusConfig.js';
import { addRepairOptions, UsageError } from './repairOptions.js';

interface PlaceFlags {
  redis: string;
  queue: string;
}

interface SubmitFlags extends RecordFlags, PlaceFlags {
  run: string;
  out: string;
  output?: string;
  rejects?: string;
  summary?: string;
  chunkBytes: number;
  attempts: number;
  backoffMs: number;
}

const place = (flags: PlaceFlags): QueuePlace => ({ redis: flags.redis, queue: flags.queue });

function withPlace(command: Command): Command {
  return command
    .requiredOption('--redis <url>', 'the Redis server every worker reaches, e.g. redis://10.0.0.5:6379')
    .option('--queue <name>', 'the queue in that server (teams sharing a server pick their own)', 'unmangle');
}

// BullMQ and ioredis are loaded by the queue commands only, so that the other commands start as fast as before.
const queueModules = async () => ({ ...(await import('../queue/redis.js')), ...(await import('../queue/status.js')), ...(await import('../queue/submit.js')), ...(await import('../queue/work.js')) });

/** Setting problems are usage errors (exit 2) with one line; everything else is reported as by the other commands. */
async function asUsage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    // By name: the queue's and the corpus engine's modules are loaded only when a queue command runs.
    if ((err as Error).name === 'QueueSetupError' || (err as Error).name === 'BatchSetupError') throw new UsageError((err as Error).message);
    throw err;
  }
}

const SHARED_WITH_BATCH = ['--field', '--id-field', '--lines', '--format', '--mode', '--meta', '--shard', '--rejects', '--summary', '--max-line-bytes', '--chunk-records'];

/** Call after `registerBatch`: `queue submit` takes batch's options for records. */
export function registerQueue(program: Command): void {
  const queue = program.command('queue').description('run a corpus over many machines: BullMQ jobs on a Redis server, inputs and output on a shared file system');

  const submit = withPlace(
    queue
      .command('submit')
      .description('cut the inputs into chunks and queue one job per chunk; the output appears in --out when the last chunk is done')
      .argument('<inputs...>', 'files, directories, globs, as for batch (paths every worker can read)')
      .requiredOption('--run <name>', 'the run\'s name; submitting the same run again adds nothing'),
  )
    .requiredOption('--out <dir>', 'output directory, written as `batch --out-dir` writes it (its parts are kept there until done)')
    .option('-o, --output <file>', 'write all records as one JSON lines file instead, as `batch -o` writes it')
    .option('--chunk-bytes <n>', 'input bytes per job for plain line-based files (compressed files and WARC are a job each)', parseCount, PIECE_BYTES)
    .option('--attempts <n>', 'tries per chunk before it is kept as failed', parseCount, 3)
    .addOption(new Option('--backoff-ms <n>', 'first wait before a retry, doubled each time').argParser(parseCount).default(1000));
  // The options that say what the records are and how they are repaired are batch's own, so that both stay the same.
  const batch = program.commands.find((c) => c.name() === 'batch');
  for (const name of SHARED_WITH_BATCH) {
    const option = batch?.options.find((o) => o.long === name);
    if (!option) throw new Error(`batch has no ${name} option for queue submit`);
    submit.addOption(option);
  }
  addRepairOptions(submit).action(async (inputs: string[], flags: SubmitFlags) => {
    const { checkRunName, submitRun } = await queueModules();
    const run = await asUsage(async () => checkRunName(flags.run));
    if (inputs.includes('-')) throw new UsageError('queue submit reads files that every worker can reach; standard input cannot be shared');
    const out = resolve(flags.out);
    const output = flags.output ? resolve(flags.output) : null;
    await asUsage(() =>
      submitRun(
        {
          place: place(flags),
          run,
          out,
          pieceBytes: flags.chunkBytes,
          attempts: flags.attempts,
          backoffMs: flags.backoffMs,
          batch: configFromFlags(inputs, flags, {
            strict: false,
            workers: 1,
            unordered: false,
            output,
            outDir: output ? null : out,
            rejects: flags.rejects ? resolve(flags.rejects) : null,
            summaryFile: flags.summary ? resolve(flags.summary) : null,
            resume: false,
            quiet: true,
          }),
        },
        (line) => process.stderr.write(line),
      ),
    );
  });

  withPlace(queue.command('work').description('process chunks of every run in the queue until stopped (SIGTERM finishes the chunks in hand)'))
    .option('--workers <n>', 'worker threads', parseCount, availableParallelism())
    .option('--until-idle', 'exit when no chunk is waiting, retrying or in progress anywhere')
    .addOption(new Option('--lock-ms <n>', 'how long a job stays locked without renewal').argParser(parseCount).default(30_000))
    .addOption(new Option('--stalled-ms <n>', 'how often jobs of vanished workers are looked for').argParser(parseCount).default(30_000))
    .action(async (flags: PlaceFlags & { workers: number; untilIdle?: boolean; lockMs: number; stalledMs: number }) => {
      const { work } = await queueModules();
      await asUsage(() =>
        work({ place: place(flags), workers: flags.workers, untilIdle: flags.untilIdle ?? false, lockMs: flags.lockMs, stalledMs: flags.stalledMs }, (line) => process.stderr.write(line)),
      );
    });

  withPlace(queue.command('status').description("a run's chunks (waiting, active, done, failed), records, bytes, rate and time left").requiredOption('--run <name>', 'the run'))
    .option('--wait', 'wait until the run completed (exit 0) or has chunks failed for good (exit 1), with a progress bar on a terminal')
    .option('--json', 'print the status as one JSON object')
    .action(async (flags: PlaceFlags & { run: string; wait?: boolean; json?: boolean }) => {
      const { checkRunName, status } = await queueModules();
      const code = await asUsage(() => status({ place: place(flags), run: checkRunName(flags.run), wait: flags.wait ?? false, json: flags.json ?? false }, process.stdout, process.stderr));
      process.exitCode = code;
    });

  withPlace(queue.command('retry').description("put a run's failed chunks back into the queue").requiredOption('--run <name>', 'the run')).action(async (flags: PlaceFlags & { run: string }) => {
    const { checkRunName, retry } = await queueModules();
    await asUsage(() => retry(place(flags), checkRunName(flags.run), (line) => process.stderr.write(line)));
  });
}
