import { InvalidArgumentError, Option, type Command } from 'commander';
import type { FixOptions } from '../../repair/index.js';
import { InputError } from '../../corpus/io/errors.js';
import { isBlank, parseTextRecord } from '../../corpus/io/jsonRecord.js';
import { readLines } from '../../corpus/io/lines.js';
import { Output } from '../../corpus/io/output.js';
import { isKnownEncoding } from '../../corpus/io/detectEncoding.js';
import { readDocument, sourceName, statFile } from '../../corpus/io/readDocument.js';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { encodingFromBom, utf16WithoutBom } from '../../corpus/io/detectEncoding.js';
import { decodeUtf8 } from '../../corpus/io/utf8.js';
import { formatStepsAsJson, formatStepsAsText, type ExplainFormat } from './explainFormat.js';
import { addRepairOptions, toFixOptions, UsageError, type RepairFlags } from './repairOptions.js';

let repair: typeof import('../../repair/index.js');

interface FixFlags extends RepairFlags {
  explain?: boolean;
  explainFormat: ExplainFormat;
  jsonl?: boolean;
  html?: boolean;
  field: string;
  skipBad?: boolean;
  maxLineBytes: number;
  inputEncoding?: string;
  streamFrom: number;
}

export function registerFix(program: Command): void {
  const command = program
    .command('fix')
    .description('repair text files (or standard input) and write the repaired text to standard output; a UTF-8 file over 16 MiB is streamed in pieces of whole lines on all cores, with no size limit')
    .argument('[files...]', 'files to repair; - or nothing for standard input')
    .option('--explain', 'print every change to standard error, in text order (--explain=json: JSON lines, in the order to replay)')
    .addOption(new Option('--explain-format <format>').choices(['text', 'json']).default('text').hideHelp())
    .option('--html', 'input is HTML (fragment or page): repair markup and entities, write its plain text')
    .option('--jsonl', 'input is JSON lines: repair one field of each record, write one line per input line')
    .option('--field <name>', 'JSON lines: the field to repair', 'text')
    .option('--skip-bad', 'JSON lines: pass a bad line through unchanged and report it, instead of stopping')
    .option('--max-line-bytes <n>', 'JSON lines: longest line accepted', parseSize, 64 * 1024 * 1024)
    // Where streaming starts, for tests; not part of the documented interface.
    .addOption(new Option('--stream-from <bytes>').argParser(parseSize).default(STREAM_FROM_BYTES).hideHelp())
    .option('--input-encoding <name>', 'read files in this encoding (e.g. windows-1251; utf-8 = strictly UTF-8) instead of detecting it; a file that is not UTF-8 and whose encoding is guessed below 30% confidence is refused until it is named', parseEncoding);
  addRepairOptions(command).action(async (files: string[], flags: FixFlags) => {
    // Loaded here, not with the CLI: the other commands' main threads never repair text.
    repair = await import('../../repair/index.js');
    const options: FixOptions = { ...toFixOptions(flags), ...(flags.html ? { from: 'html' as const } : {}) };
    if (flags.jsonl && flags.inputEncoding !== undefined) {
      // JSON lines are UTF-8 by definition (RFC 8259); a record-by-record guess would be unreliable.
      throw new UsageError('--input-encoding applies to text files, not to --jsonl input (JSON lines are UTF-8)');
    }
    const explain: ExplainFormat | undefined = flags.explain ? flags.explainFormat : undefined;
    const inputs = files.length === 0 ? ['-'] : files;
    const out = new Output(process.stdout);
    if (flags.jsonl) {
      const totals = { records: 0, repaired: 0, bad: 0 };
      for (const path of inputs) await fixJsonLines(path, flags, options, explain, out, totals);
      await out.flush();
      if (totals.bad > 0) {
        process.stderr.write(`unmangle: ${totals.records} records, ${totals.repaired} repaired, ${totals.bad} bad lines passed through unchanged\n`);
      }
      return;
    }
    for (const path of inputs) {
      if (!explain && !flags.html && (await streamsWell(path, flags.inputEncoding, flags.streamFrom))) {
        await out.flush();
        const { fixLargeFile } = await import('../batch/run.js');
        await fixLargeFile(path, options, availableParallelism(), process.stdout);
        continue;
      }
      const { source, text, decodedAs } = await readDocument(path, flags.inputEncoding);
      if (decodedAs && decodedAs.reason !== '--input-encoding') {
        process.stderr.write(`unmangle: ${source}: not UTF-8; read as ${decodedAs.encoding} (${decodedAs.reason})\n`);
      }
      if (explain) {
        const result = repair.fixAndExplain(text, options);
        await out.write(endLine(result.text, flags.html));
        process.stderr.write(explain === 'json' ? formatStepsAsJson(source, result.steps) : formatStepsAsText(source, text, result.steps));
      } else {
        await out.write(endLine(repair.fixText(text, options), flags.html));
      }
    }
    await out.flush();
  });
}

async function fixJsonLines(
  path: string,
  flags: FixFlags,
  options: FixOptions,
  explain: ExplainFormat | undefined,
  out: Output,
  totals: { records: number; repaired: number; bad: number },
): Promise<void> {
  const source = sourceName(path);
  if (path !== '-') await statFile(path);
  const stream = path === '-' ? process.stdin : createReadStream(path);
  const opened = new Promise<void>((resolve, reject) => {
    if (path === '-') return resolve();
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  await opened;
  for await (const line of readLines(stream as AsyncIterable<Buffer>, flags.maxLineBytes)) {
    if (isBlank(line)) {
      await out.write(line.bytes);
      await out.write('\n');
      continue;
    }
    let parsed;
    try {
      parsed = parseTextRecord(line, source, flags.field, flags.maxLineBytes);
    } catch (err) {
      if (!(err instanceof InputError) || !flags.skipBad) throw err;
      totals.bad++;
      process.stderr.write(`unmangle: ${err.message} (passed through)\n`);
      await out.write(line.bytes);
      await out.write('\n');
      continue;
    }
    totals.records++;
    const { record, text } = parsed;
    let fixed: string;
    let counts;
    if (explain) {
      const result = repair.fixAndExplain(text, options);
      fixed = result.text;
      counts = countSteps(result.steps);
      process.stderr.write(explain === 'json' ? formatStepsAsJson(source, result.steps, line.number) : formatStepsAsText(`${source}:${line.number}:${flags.field}`, text, result.steps));
    } else {
      ({ text: fixed, counts } = repair.fixAndCount(text, options));
    }
    if (fixed !== text) totals.repaired++;
    record[flags.field] = fixed;
    const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    record.fixes = { total, ...counts };
    await out.write(JSON.stringify(record));
    await out.write('\n');
  }
}

/** Files larger than this are streamed through the corpus engine instead of being read whole. */
export const STREAM_FROM_BYTES = 16 * 1024 * 1024;

/**
 * Whether a file is large and UTF-8 (its first 64 KiB say so, or --input-encoding utf-8 does): then it
 * can be cut at line breaks and repaired in pieces. Other encodings are read whole, as before.
 */
async function streamsWell(path: string, inputEncoding: string | undefined, from: number): Promise<boolean> {
  if (path === '-' || (inputEncoding !== undefined && !/^utf-?8$/i.test(inputEncoding))) return false;
  const info = await statFile(path);
  if (info.size <= from) return false;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const whole = head.subarray(0, head.lastIndexOf(0x0a, bytesRead - 1) + 1);
    if (inputEncoding !== undefined) return true;
    return whole.length > 0 && encodingFromBom(whole) === null && utf16WithoutBom(whole) === null && whole.indexOf(0) < 0 && decodeUtf8(whole) !== null;
  } finally {
    await handle.close();
  }
}

/** Text taken out of markup ends with a newline like any text file; plain text is passed through as it was. */
function endLine(text: string, html: boolean | undefined): string {
  return html && text !== '' && !text.endsWith('\n') ? `${text}\n` : text;
}

function countSteps(steps: ReadonlyArray<{ fixer: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of steps) counts[s.fixer] = (counts[s.fixer] ?? 0) + 1;
  return counts;
}

function parseSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`not a positive whole number of bytes: ${value}`);
  return n;
}

function parseEncoding(value: string): string {
  if (!isKnownEncoding(value)) throw new InvalidArgumentError(`unknown encoding "${value}"`);
  return value;
}
